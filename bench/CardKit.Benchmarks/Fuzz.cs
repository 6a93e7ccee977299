using System.Diagnostics;
using CardKit.Atr;
using CardKit.Capture;
using CardKit.Ccid;
using CardKit.Emulator;
using CardKit.Iso7816;
using CardKit.Pkcs11;
using CardKit.Scripting;
using CardKit.Testing.Captures;
using CardKit.Tlv;

namespace CardKit.Benchmarks;

/// <summary>
/// Long fuzz target: random and mutated inputs into every parser that reads outside data.
/// Only CardKitFormatException may escape a parser; virtual cards must never throw.
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- fuzz [COUNT] [SEED]
/// </summary>
internal static class Fuzz
{
    public static int Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7816;
        var random = new Random(seed);
        byte[][] seeds =
        [
            Hex.Parse("00 A4 04 00 07 A0 00 00 00 87 10 02 00"), Hex.Parse("00 B0 00 00 00 01 00"),
            Hex.Parse("62 08 82 02 41 21 83 02 2F E2"), Hex.Parse("5F 2D 02 65 6E 7F 49 81 02 01 02"),
            Hex.Parse("A0 DC 01 04 1E 41 42"), Hex.Parse("00 20 00 01 08 31 32 33 34 FF FF FF FF"),
            Hex.Parse("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2"),
            Hex.Parse("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"),
            Hex.Parse("810A01566FEC6365204DE0696CFFFFFF06816021436587FFFFFFFFFFFFFF"),
            Hex.Parse("A80FC0034F3A01C1034F2505C4034F1102A905CA034F5003AA05C2034F4A04"),
            """{"format":"cardkit-sim-backup/1","iccid":"1","files":[{"name":"EF_ADN","fid":"6F3A","recordLength":2,"records":["FFFF"]}]}"""u8.ToArray(),
            "token=demo;id=%01%A2;type=private;x-vendor=1?pin-value=1234&module-path=/usr/lib/m.so"u8.ToArray(),
            Hex.Parse("00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 0D 00 00 00 00 20 00 00 08 30 30 30 30 00 00 00 00"),
            Hex.Parse("01 00 82 04 00 00 04 08 04 03 02 03 04 09 00 01 02 00 00 00 00 24 00 00 08 30 30 30 30 30 30 30 30"),
            Hex.Parse("06 04 42 33 00 06 07 04 42 33 00 07 12 04 42 33 00 12 01 02 10 02 06 01 04 08 02 56 31"),
        ];
        var cards = VirtualCards.Kinds.Select(k => VirtualCards.Create(k)).ToArray();
        var capture = new SpyCaptureTarget();
        var response = new byte[ICardChannel.MaxExtendedResponse];
        var formatErrors = 0L;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var input = Mutate(random, seeds);
            formatErrors += Try(() => CommandApdu.Parse(input));
            formatErrors += Try(() => BerTlv.Parse(input));
            formatErrors += Try(() => CompactTlv.Parse(input));
            formatErrors += Try(() => Hex.Parse(System.Text.Encoding.Latin1.GetString(input)));
            formatErrors += Try(() => ApduScript.Parse(System.Text.Encoding.Latin1.GetString(input)));
            if (input.Length > 0)
                AtrExplanation.Explain(AtrParser.Parse(input));
            formatErrors += Try(() => Sim.AdnRecord.Decode(1, input));
            formatErrors += Try(() => Sim.EfPbrRecord.Decode(1, input));
            formatErrors += Try(() => Sim.SimBackup.Read(new MemoryStream(input)));
            Sim.AlphaIdentifier.DecodeEmail(input);
            formatErrors += Try(() => RoundTripUri("pkcs11:" + System.Text.Encoding.Latin1.GetString(input)));
            formatErrors += FuzzPinStructures(input);
            ApduDecoder.Describe(input);
            TextTraceObserver.FormatCommand(input);
            formatErrors += capture.Run(random);
            var card = cards[i % cards.Length];
            var length = card.Process(input, response);
            if (length < 2)
                throw new InvalidOperationException($"virtual card answered {length} bytes to {Hex.Format(input)}");
            if (i % 10_000 == 0)
                card.Reset();
        }
        Console.WriteLine($"fuzz: {count:N0} inputs x 15 targets, seed {seed}, {formatErrors:N0} format errors (expected), no other exception, {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// Damaged captures (bit flips, truncation, changed lengths) of a T=1 reader's session: only the
    /// format error may escape, and at least the messages of the frames before the damage come out.
    /// </summary>
    private sealed class SpyCaptureTarget
    {
        private readonly byte[] _capture;
        private readonly List<long> _blockEnds = [];
        private readonly List<long> _dataOffsets = [];
        private readonly List<long> _messageFrames;

        public SpyCaptureTarget()
        {
            using var stream = new MemoryStream();
            var writer = new CaptureWriter(stream, CaptureContainer.PcapNg, 220);
            CcidTestCaptures.T1Reader(new CcidCaptureBuilder(new UsbCaptureBuilder(writer, 220, 1, 7)));
            _capture = stream.ToArray();
            using (var reader = new CaptureReader(new MemoryStream(_capture)))
            {
                while (reader.TryReadPacket(out var packet))
                {
                    _blockEnds.Add(reader.Position);
                    _dataOffsets.Add(packet.DataOffset);
                }
            }
            _messageFrames = [.. CcidSpy.Decode(new MemoryStream(_capture)).Select(m => m.Frame)];
        }

        public int Run(Random random)
        {
            var (bytes, damage) = CaptureMutator.Mutate(random, _capture, _dataOffsets);
            var intactFrames = _blockEnds.Count(end => end <= damage);
            var expected = _messageFrames.Count(f => f <= intactFrames);
            var decoded = 0;
            var error = 0;
            try
            {
                foreach (var _ in CcidSpy.Decode(new MemoryStream(bytes)))
                    decoded++;
            }
            catch (CaptureFormatException)
            {
                error = 1;
            }
            if (decoded < expected)
                throw new InvalidOperationException($"damage at {damage}: {decoded} messages decoded, the intact prefix has {expected}");
            return error;
        }
    }

    // PC_to_RDR_Secure abData, the Part 10 structures and TLV lists: what decodes must encode to the same bytes.
    private static long FuzzPinStructures(byte[] input)
    {
        var errors = 0L;
        errors += Try(() => Same(input, SecurePinCommand.Parse(input).Encode(), "PC_to_RDR_Secure abData"));
        errors += Try(() => Same(input, PinVerifyStructure.ParsePart10(input).EncodePart10(), "PIN_VERIFY_STRUCTURE"));
        errors += Try(() => Same(input, PinModifyStructure.ParsePart10(input).EncodePart10(), "PIN_MODIFY_STRUCTURE"));
        errors += Try(() => Same(input, Part10FeatureList.Parse(input).Encode(), "feature list"));
        errors += Try(() => Part10Properties.Parse(Part10Properties.Parse(input).Encode()));
        errors += Try(() => PinProperties.Parse(input));
        return errors;
    }

    private static void Same(byte[] input, byte[] encoded, string what)
    {
        if (!input.AsSpan().SequenceEqual(encoded))
            throw new InvalidOperationException($"{what} {Hex.Format(input)} encodes back as {Hex.Format(encoded)}");
    }

    // A URI that parses must format to one that parses back equal (RFC 7512 §2.3 encoding on output).
    private static void RoundTripUri(string text)
    {
        var uri = Pkcs11Uri.Parse(text);
        if (!Pkcs11Uri.TryParse(uri.ToString(), out var back, out var error, out _))
            throw new InvalidOperationException($"'{text}' formats as '{uri}', which does not parse: {error}");
        if (!uri.Equals(back))
            throw new InvalidOperationException($"'{text}' formats as '{uri}', which parses to another URI: '{back}'");
    }

    private static byte[] Mutate(Random random, byte[][] seeds)
    {
        if (random.Next(2) == 0)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            return bytes;
        }
        var mutated = (byte[])seeds[random.Next(seeds.Length)].Clone();
        for (var k = random.Next(1, 4); k > 0; k--)
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
        return random.Next(4) == 0 ? mutated[..random.Next(mutated.Length)] : mutated;
    }

    private static int Try(Action parse)
    {
        try
        {
            parse();
            return 0;
        }
        catch (CardKitFormatException)
        {
            return 1;
        }
    }
}
