namespace CardKit.Pcsc;

/// <summary>Protocols a connection may use (SCARD_PROTOCOL_*); Raw maps to the platform's value.</summary>
[Flags]
public enum PcscProtocols : uint
{
    /// <summary>No protocol: not negotiated yet, or a direct connection.</summary>
    None = 0,
    /// <summary>T=0 (ISO/IEC 7816-3:2006 §10; SCARD_PROTOCOL_T0).</summary>
    T0 = 1,
    /// <summary>T=1 (ISO/IEC 7816-3:2006 §11; SCARD_PROTOCOL_T1).</summary>
    T1 = 2,
    /// <summary>Let the reader choose T=0 or T=1.</summary>
    Any = T0 | T1,
    /// <summary>Raw access to the reader with no protocol (SCARD_PROTOCOL_RAW).</summary>
    Raw = 4,
}
