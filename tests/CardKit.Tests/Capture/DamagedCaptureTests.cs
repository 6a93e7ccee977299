using System.Text.Json;
using CardKit.Capture;
using CardKit.Testing.Captures;

namespace CardKit.Tests.Capture;

/// <summary>
/// Damaged captures (bit flips, truncation, changed length fields): only the format error may
/// escape, it names a frame at or after the damage, and every message of the frames before the
/// damage is decoded exactly as from the intact capture.
/// </summary>
public class DamagedCaptureTests
{
    private static readonly byte[] Capture = Make();

    private static byte[] Make()
    {
        using var stream = new MemoryStream();
        CcidTestCaptures.Standard(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Three_thousand_damaged_captures_keep_their_intact_prefix()
    {
        // Frame -> where its block ends and where its data starts, from the intact capture.
        var blockEnds = new List<long>();
        var dataOffsets = new List<long>();
        using (var reader = new CaptureReader(new MemoryStream(Capture)))
        {
            while (reader.TryReadPacket(out var packet))
            {
                blockEnds.Add(reader.Position);
                dataOffsets.Add(packet.DataOffset);
            }
        }
        var intact = CcidSpy.Decode(new MemoryStream(Capture)).Where(m => m.Message != "unanswered request").Select(Json).ToList();
        var intactFrames = CcidSpy.Decode(new MemoryStream(Capture)).Where(m => m.Message != "unanswered request").Select(m => m.Frame).ToList();
        var random = new Random(7816);
        var errors = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (bytes, damage) = CaptureMutator.Mutate(random, Capture, dataOffsets);
            // Frames whose whole block lies before the damage are intact.
            var intactFrameCount = blockEnds.Count(end => end <= damage);
            var expected = intact.Where((_, k) => intactFrames[k] <= intactFrameCount).ToList();
            var decoded = new List<string>();
            try
            {
                foreach (var message in CcidSpy.Decode(new MemoryStream(bytes)))
                    decoded.Add(Json(message));
            }
            catch (CaptureFormatException e)
            {
                errors++;
                Assert.True(e.Frame > intactFrameCount, $"mutation {i}: error in frame {e.Frame}, but frames 1..{intactFrameCount} are intact: {e.Message}");
                Assert.True(e.ByteOffset >= 0);
            }
            Assert.True(decoded.Count >= expected.Count, $"mutation {i} at {damage}: {decoded.Count} messages, the intact prefix has {expected.Count}");
            Assert.Equal(expected, decoded.Take(expected.Count));
        }
        Assert.InRange(errors, 300, 2999);
    }

    [Fact]
    public void A_truncated_capture_says_which_frame_and_where()
    {
        var cut = Capture[..(Capture.Length - 7)];
        var decoded = new List<SpyMessage>();
        var e = Assert.Throws<CaptureFormatException>(() => decoded.AddRange(CcidSpy.Decode(new MemoryStream(cut))));
        Assert.Equal(190, e.Frame);
        Assert.Contains("input ends inside a block", e.Message, StringComparison.Ordinal);
        Assert.Equal(CcidSpy.Decode(new MemoryStream(Capture)).Count(m => m.Frame < 190 && m.Message != "unanswered request"), decoded.Count);
    }

    [Fact]
    public void A_wrong_CCID_length_is_a_format_error_with_the_offset_of_the_field()
    {
        var bytes = (byte[])Capture.Clone();
        long data;
        using (var reader = new CaptureReader(new MemoryStream(Capture)))
        {
            CapturePacket packet = default;
            for (var i = 0; i < 5; i++)
                reader.TryReadPacket(out packet); // frame 5: PC_to_RDR_GetSlotStatus
            data = packet.DataOffset;
        }
        bytes[data + 64 + 1] = 3;
        var e = Assert.Throws<CaptureFormatException>(() => CcidSpy.Decode(new MemoryStream(bytes)).ToList());
        Assert.Equal(5, e.Frame);
        Assert.Equal(data + 64 + 1, e.ByteOffset);
        Assert.Contains("dwLength says 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00 01")]
    [InlineData("89 50 4E 47 0D 0A 1A 0A")]
    public void Something_that_is_no_capture_is_refused_plainly(string hex)
    {
        var e = Assert.Throws<CaptureFormatException>(() => CcidSpy.Decode(new MemoryStream(Hex.Parse(hex))).ToList());
        Assert.Equal(1, e.Frame);
    }

    private static string Json(SpyMessage m) => JsonSerializer.Serialize(m, CardKitJsonContext.Default.SpyMessage);
}
