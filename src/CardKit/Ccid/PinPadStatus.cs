using CardKit.Iso7816;

namespace CardKit.Ccid;

/// <summary>
/// The status words a pin pad answers with when the entry failed before any command reached the card
/// (pcsc-lite's CCID driver turns CCID's bError F0 PIN timeout and EF PIN cancelled, CCID Rev 1.1 §6.2.6,
/// into 6400 and 6401; 6402 and 6403 come from the pad's own checks). No PIN try was spent.
/// </summary>
public static class PinPadStatus
{
    /// <summary>6400: nobody typed the PIN in time.</summary>
    public static readonly StatusWord Timeout = new(0x6400);

    /// <summary>6401: the person pressed cancel.</summary>
    public static readonly StatusWord Cancelled = new(0x6401);

    /// <summary>6402: the new PIN and its confirmation differ.</summary>
    public static readonly StatusWord Mismatch = new(0x6402);

    /// <summary>6403: the PIN was shorter or longer than allowed.</summary>
    public static readonly StatusWord LengthOutOfRange = new(0x6403);

    /// <summary>What a pin pad status word means, or null when <paramref name="statusWord"/> is not one of them.</summary>
    public static string? Describe(StatusWord statusWord) => statusWord.Value switch
    {
        0x6400 => "PIN entry timed out",
        0x6401 => "PIN entry was cancelled",
        0x6402 => "the new PIN and its confirmation differ",
        0x6403 => "the PIN typed was too short or too long",
        _ => null,
    };
}
