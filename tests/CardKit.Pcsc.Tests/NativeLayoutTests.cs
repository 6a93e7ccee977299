using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CardKit.Pcsc.Internal;

namespace CardKit.Pcsc.Tests;

public class NativeLayoutTests
{
    [Fact]
    public void Linux_reader_state_matches_pcsc_lite_on_LP64()
    {
        // pcsc-lite: const char*, void*, 3 x unsigned long, unsigned char[33] -> 73 bytes padded to 80.
        Assert.Equal(80, Unsafe.SizeOf<LinuxReaderState>());
        Assert.Equal(40, (int)Marshal.OffsetOf<LinuxReaderState>(nameof(LinuxReaderState.Atr)));
        Assert.Equal(16, Unsafe.SizeOf<LinuxIoRequest>());
    }

    [Fact]
    public void Mac_reader_state_is_packed_with_32_bit_dwords()
    {
        Assert.Equal(61, Unsafe.SizeOf<MacReaderState>());
        Assert.Equal(28, (int)Marshal.OffsetOf<MacReaderState>(nameof(MacReaderState.Atr)));
        Assert.Equal(8, Unsafe.SizeOf<MacIoRequest>());
    }

    [Fact]
    public void Windows_reader_state_has_32_bit_dwords_and_a_36_byte_atr()
    {
        Assert.Equal(64, Unsafe.SizeOf<WinReaderState>());
        Assert.Equal(28, (int)Marshal.OffsetOf<WinReaderState>(nameof(WinReaderState.Atr)));
        Assert.Equal(8, Unsafe.SizeOf<WinIoRequest>());
    }

    [Theory]
    [InlineData(3400u, 0x42000D48u)]
    [InlineData(3500u, 0x42000DACu)]
    [InlineData(1u, 0x42000001u)]
    public void Pcsc_lite_control_codes_add_0x42000000(uint function, uint expected) =>
        Assert.Equal(expected, new PcscLiteApi().ControlCode(function));

    [Theory]
    [InlineData(3400u, 0x313520u)]
    [InlineData(3500u, 0x3136B0u)]
    public void Windows_control_codes_follow_CTL_CODE(uint function, uint expected) =>
        Assert.Equal(expected, new WinScardApi().ControlCode(function));

    [Theory]
    [InlineData(1u, CardStates.Absent)]
    [InlineData(2u, CardStates.Present)]
    [InlineData(6u, CardStates.Present | CardStates.Swallowed | CardStates.Powered | CardStates.Specific)]
    [InlineData(0u, CardStates.Unknown)]
    public void Windows_card_state_enumeration_maps_onto_pcsc_lite_bits(uint native, CardStates expected) =>
        Assert.Equal(expected, new WinScardApi().MapCardState(native));

    [Fact]
    public void Raw_protocol_differs_per_platform()
    {
        Assert.Equal(4u, new PcscLiteApi().ProtocolRaw);
        Assert.Equal(4u, new MacPcscApi().ProtocolRaw);
        Assert.Equal(0x10000u, new WinScardApi().ProtocolRaw);
    }

    [Fact]
    public void Multi_strings_split_on_nul_and_end_at_the_empty_name() =>
        Assert.Equal(["Reader A", "Reader B 00 01"], PcscApi.SplitMultiString("Reader A\0Reader B 00 01\0\0"));
}
