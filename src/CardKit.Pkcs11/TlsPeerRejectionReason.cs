namespace CardKit.Pkcs11;

/// <summary>Why <see cref="TlsPeerVerifier"/> refused a TLS peer.</summary>
public enum TlsPeerRejectionReason
{
    /// <summary>The peer sent no certificate.</summary>
    NoCertificate,

    /// <summary>The server's certificate does not name the host connected to.</summary>
    HostNameMismatch,

    /// <summary>The certificate does not chain to the trusted roots (or is expired, or ...).</summary>
    Untrusted,
}
