namespace CardKit.Capture;

/// <summary>
/// A capture file or stream that is truncated or corrupt: <see cref="Frame"/> is the packet number
/// (1-based, as Wireshark counts) where decoding stopped and <see cref="ByteOffset"/> the offset in
/// the file. Everything before that frame was intact and has been decoded.
/// </summary>
public sealed class CaptureFormatException : CardKitFormatException
{
    /// <summary>Bad capture data in <paramref name="frame"/> at <paramref name="byteOffset"/> of the input.</summary>
    public CaptureFormatException(string message, long frame, long byteOffset, Exception? inner = null)
        : this(message, frame, byteOffset, "frame", inner)
    {
    }

    /// <summary>Bad data in the <paramref name="unit"/> ("frame", "line") numbered <paramref name="frame"/>.</summary>
    public CaptureFormatException(string message, long frame, long byteOffset, string unit, Exception? inner = null)
        : base($"{unit} {frame}, byte offset {byteOffset}: {message}", -1, inner)
    {
        Frame = frame;
        ByteOffset = byteOffset;
        Problem = message;
    }

    /// <summary>The frame (packet) number, 1-based, or the line number of a log; where decoding stopped.</summary>
    public long Frame { get; }

    /// <summary>Offset of the bad byte in the whole input.</summary>
    public long ByteOffset { get; }

    /// <summary>What was wrong, without the position.</summary>
    public string Problem { get; }
}
