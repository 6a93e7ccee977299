using CardKit.Ccid;
using CardKit.Emulator;

namespace CardKit.Hosting.Tests;

/// <summary>In-process virtual readers get a simulated pin pad when the host gives a keypad.</summary>
public class VirtualPinPadTests
{
    [Fact]
    public void A_virtual_reader_has_a_pin_pad_only_when_the_host_gives_a_keypad()
    {
        using var plain = Assert.IsType<EmulatedChannel>(CardReaders.Open("emu:sim"));
        Assert.Null(plain.PinPad);
        var prompts = new List<PinPadPrompt>();
        using var withPad = Assert.IsType<EmulatedChannel>(CardReaders.Open("emu:usim", prompt =>
        {
            prompts.Add(prompt);
            return "1234";
        }));
        Assert.NotNull(withPad.PinPad);
        Assert.Equal("1234", withPad.PinPad.Keypad(PinPadPrompt.EnterPin));
        Assert.Equal([PinPadPrompt.EnterPin], prompts);
        Assert.Throws<ReaderSelectionException>(() => CardReaders.Open("emu:nope", _ => null));
    }
}
