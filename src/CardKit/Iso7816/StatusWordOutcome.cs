namespace CardKit.Iso7816;

/// <summary>
/// What a status word says about the command (ISO/IEC 7816-4:2020 §5.6: "process completed" with
/// normal or warning processing, "process aborted" with an execution or checking error).
/// </summary>
public enum StatusWordOutcome
{
    /// <summary>Done as asked: 9000, 61xx, GSM 91xx/9Exx/9Fxx, UICC 91xx/92xx.</summary>
    Normal,

    /// <summary>Done, with something to know: 62xx, 63xx (ISO), GSM 92 0X (after internal retries).</summary>
    Warning,

    /// <summary>Not done: 64xx-6Fxx, GSM 94xx/98xx, a failed verification (63CX after VERIFY), a postponed command (93 00).</summary>
    Error,
}
