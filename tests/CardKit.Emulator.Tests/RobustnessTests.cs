namespace CardKit.Emulator.Tests;

/// <summary>Virtual cards answer every byte string with a status word and never throw.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("sim")]
    [InlineData("usim")]
    [InlineData("iso")]
    public void Fifty_thousand_random_and_mutated_commands_never_throw(string kind)
    {
        var card = VirtualCards.Create(kind);
        var random = new Random(7816);
        var response = new byte[ICardChannel.MaxShortResponse];
        byte[][] seeds =
        [
            Hex.Parse("A0 A4 00 00 02 7F 10"), Hex.Parse("00 A4 04 04 07 A0 00 00 00 87 10 02"),
            Hex.Parse("00 B2 01 04 1E"), Hex.Parse("A0 C0 00 00 0F"), Hex.Parse("00 20 00 01 08 31 32 33 34 FF FF FF FF"),
            Hex.Parse("A0 DC 01 04 1E 41 42"), Hex.Parse("00 A4 08 04 04 7F 10 5F 3A"),
        ];
        for (var i = 0; i < 50_000; i++)
        {
            byte[] command;
            if (i % 2 == 0)
            {
                command = new byte[random.Next(0, 262)];
                random.NextBytes(command);
                if (command.Length > 0 && i % 4 == 0)
                    command[0] = kind == "sim" ? (byte)0xA0 : (byte)0x00;
            }
            else
            {
                command = (byte[])seeds[random.Next(seeds.Length)].Clone();
                command[random.Next(command.Length)] = (byte)random.Next(256);
            }
            var length = card.Process(command, response);
            Assert.InRange(length, 2, response.Length);
            if (i % 1000 == 0)
                card.Reset();
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
