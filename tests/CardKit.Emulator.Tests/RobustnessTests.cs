using FsCheck;
using FsCheck.Fluent;

namespace CardKit.Emulator.Tests;

/// <summary>Virtual cards answer every byte string with a status word and never throw.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("sim")]
    [InlineData("usim")]
    [InlineData("iso")]
    public void Any_command_gets_a_response_that_ends_in_a_status_word(string kind)
    {
        var card = VirtualCards.Create(kind);
        var response = new byte[ICardChannel.MaxShortResponse];
        byte[][] seeds =
        [
            Hex.Parse("A0 A4 00 00 02 7F 10"), Hex.Parse("00 A4 04 04 07 A0 00 00 00 87 10 02"),
            Hex.Parse("00 B2 01 04 1E"), Hex.Parse("A0 C0 00 00 0F"), Hex.Parse("00 20 00 01 08 31 32 33 34 FF FF FF FF"),
            Hex.Parse("A0 DC 01 04 1E 41 42"), Hex.Parse("00 A4 08 04 04 7F 10 5F 3A"),
        ];
        var bytes = Gen.Choose(0, 255).Select(b => (byte)b);
        var random = Gen.Choose(0, 261).SelectMany(n => bytes.ArrayOf(n));
        var ownClass = random.Where(c => c.Length > 0).Select(c =>
        {
            c[0] = kind == "sim" ? (byte)0xA0 : (byte)0x00;
            return c;
        });
        var mutated =
            from seed in Gen.Elements(seeds)
            from at in Gen.Choose(0, seed.Length - 1)
            from value in bytes
            select Mutate(seed, at, value);
        var resetEvery = 0;
        Prop.ForAll(Gen.OneOf(random, ownClass, mutated).ToArbitrary(), command =>
        {
            if (++resetEvery % 1000 == 0)
                card.Reset();
            var length = card.Process(command, response);
            // ISO/IEC 7816-3:2006 §10.3.3 / 7816-4:2020 §5.6: SW1 is 6X (not 60) or 9X.
            var sw1 = length >= 2 ? response[length - 2] : (byte)0;
            return length >= 2 && length <= response.Length && (sw1 >> 4 == 9 || (sw1 >> 4 == 6 && sw1 != 0x60));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(50_000));

        static byte[] Mutate(byte[] seed, int at, byte value)
        {
            var command = (byte[])seed.Clone();
            command[at] = value;
            return command;
        }
    }

    [Fact]
    public void In_process_transmit_allocates_nothing()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("iso"));
        var command = Hex.Parse("00 B0 00 00 05");
        var select = Hex.Parse("00 A4 08 0C 04 50 00 50 01");
        var response = new byte[ICardChannel.MaxShortResponse];
        channel.Transmit(select, response);
        for (var i = 0; i < 100; i++)
            channel.Transmit(command, response);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            channel.Transmit(command, response);
            channel.Transmit(select, response);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
