namespace CardKit.Pcsc.Internal;

/// <summary>
/// The PC/SC API with OS-neutral types. One implementation per platform holds the native
/// layouts: pcsc-lite on Linux (DWORD = unsigned long, 64-bit on x64), PCSC.framework on macOS
/// (32-bit DWORD, structs packed to 1) and WinSCard on Windows (32-bit DWORD, W entry points).
/// Every method returns the raw SCARD_* code (lower 32 bits of LONG).
/// </summary>
internal interface IPcscApi
{
    /// <summary>SCARD_PROTOCOL_RAW differs: 4 on pcsc-lite and macOS, 0x10000 on Windows.</summary>
    uint ProtocolRaw { get; }

    /// <summary>Maximum ATR length in SCARD_READERSTATE (33 pcsc-lite, 36 Windows).</summary>
    int MaxAtrSize { get; }

    /// <summary>SCARD_CTL_CODE(code) of the platform.</summary>
    uint ControlCode(uint function);

    /// <summary>Maps SCardStatus' dwState to the pcsc-lite bit mask (Windows reports an enumeration).</summary>
    CardStates MapCardState(uint nativeState);

    uint EstablishContext(uint scope, out nint context);

    uint ReleaseContext(nint context);

    uint IsValidContext(nint context);

    uint ListReaders(nint context, out string[] readers);

    uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol);

    uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol);

    uint Disconnect(nint card, uint disposition);

    uint BeginTransaction(nint card);

    uint EndTransaction(nint card, uint disposition);

    uint Status(nint card, out string readerName, out uint state, out uint protocol, Span<byte> atr, out int atrLength);

    uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received);

    uint Control(nint card, uint controlCode, ReadOnlySpan<byte> input, Span<byte> output, out int returned);

    /// <summary>An empty <paramref name="buffer"/> asks for the attribute's length.</summary>
    uint GetAttrib(nint card, uint attribute, Span<byte> buffer, out int length);

    uint GetStatusChange(nint context, uint timeoutMilliseconds, Span<ReaderStatus> readers);

    uint Cancel(nint context);
}

/// <summary>One entry of SCardGetStatusChange in managed form; the API marshals it per OS.</summary>
internal struct ReaderStatus
{
    public string Name;
    public uint CurrentState;
    public uint EventState;
    public byte[] Atr;
}
