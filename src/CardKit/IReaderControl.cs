namespace CardKit;

/// <summary>
/// A reader's control channel, beside the card channel: PC/SC SCardControl, through which PC/SC Part 10
/// features such as pin pads are found (CM_IOCTL_GET_FEATURE_REQUEST) and used. A PC/SC card and the
/// in-process virtual reader implement it.
/// </summary>
public interface IReaderControl
{
    /// <summary>The reader name, for messages.</summary>
    string ReaderName { get; }

    /// <summary>
    /// CM_IOCTL_GET_FEATURE_REQUEST = SCARD_CTL_CODE(3400) as this reader's platform numbers it
    /// (PC/SC Part 10 v2.02: 0x42000D48 on pcsc-lite and macOS, 0x313520 on Windows).
    /// </summary>
    uint FeatureRequestControlCode { get; }

    /// <summary>Sends a control command; writes the reader's answer into <paramref name="output"/> and returns its length.</summary>
    /// <exception cref="CardChannelException">The reader refused the command or is gone.</exception>
    int Control(uint controlCode, ReadOnlySpan<byte> input, Span<byte> output);
}
