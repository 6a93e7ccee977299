using CardKit.Iso7816;

namespace CardKit.Sim;

/// <summary>
/// The card refused to read or write a file because CHV1 (PIN1) has not been verified (GSM 11.11
/// 98 04, ISO/IEC 7816-4 69 82). The caller should ask for the PIN and verify it.
/// </summary>
public sealed class Chv1RequiredException : CardStatusException
{
    /// <summary>The card answered <paramref name="statusWord"/>; <paramref name="message"/> says to what.</summary>
    public Chv1RequiredException(string message, StatusWord statusWord)
        : base(message, statusWord)
    {
    }
}
