using System.Buffers.Binary;

namespace CardKit.Testing.Captures;

/// <summary>
/// Damages a capture the ways real ones get damaged: flipped bits, a cut-off end, and length
/// fields changed (the pcapng block length, a packet's captured length, usbmon's len_cap, a CCID
/// dwLength). Returns the offset of the first damaged byte, so a test can check that everything
/// before it still decodes the same.
/// </summary>
public static class CaptureMutator
{
    /// <summary>A damaged copy of <paramref name="capture"/> and the offset of its first changed byte.</summary>
    /// <param name="random">Chooses the mutation and where it lands; seed it to replay a failure.</param>
    /// <param name="capture">A pcapng capture of usbmon packets; it is copied, not changed.</param>
    /// <param name="packetDataOffsets">Offsets of each packet's data (usbmon header) in the capture, for the length mutations.</param>
    public static (byte[] Bytes, long FirstDamage) Mutate(Random random, byte[] capture, IReadOnlyList<long> packetDataOffsets)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(packetDataOffsets);
        var bytes = (byte[])capture.Clone();
        switch (random.Next(4))
        {
            case 0:
            {
                var at = random.Next(bytes.Length);
                return (bytes[..at], at);
            }
            case 1:
            {
                var first = long.MaxValue;
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var at = random.Next(bytes.Length);
                    var before = bytes[at];
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    if (bytes[at] != before)
                        first = Math.Min(first, at);
                }
                return (bytes, first == long.MaxValue ? bytes.Length : first);
            }
            default:
            {
                var data = (int)packetDataOffsets[random.Next(packetDataOffsets.Count)];
                // EPB: block length at data-24, captured length at data-8; usbmon len_cap at +36; CCID dwLength at +64+1.
                int[] fields = [data - 24, data - 8, data + 36, data + 65];
                var at = fields[random.Next(fields.Length)];
                if (at < 0 || at + 4 > bytes.Length)
                    return (bytes, bytes.Length);
                var value = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
                var changed = random.Next(3) switch
                {
                    0 => value + (uint)random.Next(1, 8),
                    1 => value - (uint)random.Next(1, 8),
                    _ => (uint)random.Next(),
                };
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), changed);
                return (bytes, changed == value ? bytes.Length : at);
            }
        }
    }
}
