namespace CardKit.Pkcs11;

/// <summary>A refused TLS peer: why, and the sentence that says it.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Message">What a person reads: the peer's subject and the chain errors.</param>
public sealed record TlsPeerRejection(TlsPeerRejectionReason Reason, string Message);
