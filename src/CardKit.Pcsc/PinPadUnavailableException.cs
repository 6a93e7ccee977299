namespace CardKit.Pcsc;

/// <summary>
/// The reader has no pin pad this program can use: its driver lists neither FEATURE_VERIFY_PIN_DIRECT nor
/// FEATURE_MODIFY_PIN_DIRECT (PC/SC Part 10), or not the one the operation needs. The PIN can still be
/// typed on the computer's keyboard.
/// </summary>
public sealed class PinPadUnavailableException : CardKitException
{
    /// <summary>Reader <paramref name="readerName"/> has no usable pin pad; <paramref name="message"/> says why.</summary>
    public PinPadUnavailableException(string readerName, string message, Exception? inner = null)
        : base(ErrorCategory.Environment, message, inner)
    {
        ReaderName = readerName;
    }

    /// <summary>The reader concerned.</summary>
    public string ReaderName { get; }
}
