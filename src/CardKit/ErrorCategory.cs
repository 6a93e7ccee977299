namespace CardKit;

/// <summary>
/// Whose move it is after a failure. Hosts turn it into their own answer (the CLI an exit code and
/// a hint naming its options, the web service an RFC 9457 problem document); the library's message
/// says what happened and why, never which option or script to use.
/// </summary>
public enum ErrorCategory
{
    /// <summary>The card or the data said no: an error status word, a malformed record or capture, a removed card.</summary>
    CardOrData,

    /// <summary>The caller asked for something impossible: an unknown reader index, an ambiguous name, a bad PIN format.</summary>
    Usage,

    /// <summary>The machine lacks something: no pcscd, no reader, no PKCS#11 module, a reader held by another program.</summary>
    Environment,
}
