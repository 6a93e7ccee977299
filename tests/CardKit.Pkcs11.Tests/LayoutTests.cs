using System.Runtime.CompilerServices;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11.Tests;

/// <summary>PKCS#11 structure sizes: Unix LP64 (natural alignment, 8-byte CK_ULONG) and Windows x64 (pack 1, 4-byte CK_ULONG).</summary>
public class LayoutTests
{
    [Fact]
    public void Unix_x64_layouts_match_the_C_headers()
    {
        Assert.Equal(24, Unsafe.SizeOf<CkAttribute>());
        Assert.Equal(88, Unsafe.SizeOf<CkInfo>());
        Assert.Equal(112, Unsafe.SizeOf<CkSlotInfo>());
        Assert.Equal(208, Unsafe.SizeOf<CkTokenInfo>());
        Assert.Equal(32, Unsafe.SizeOf<CkSessionInfo>());
        Assert.Equal(24, Unsafe.SizeOf<CkMechanismInfo>());
        Assert.Equal(48, Unsafe.SizeOf<CkGcmParams>());
        Assert.Equal(48, Unsafe.SizeOf<CkCInitializeArgs>());
        Assert.Equal(24, Unsafe.SizeOf<CkMechanism>());
    }

    [Fact]
    public void Windows_x64_layouts_are_packed_with_32_bit_ulongs()
    {
        Assert.Equal(16, Unsafe.SizeOf<WinCkAttribute>());
        Assert.Equal(72, Unsafe.SizeOf<WinCkInfo>());
        Assert.Equal(104, Unsafe.SizeOf<WinCkSlotInfo>());
        Assert.Equal(160, Unsafe.SizeOf<WinCkTokenInfo>());
        Assert.Equal(16, Unsafe.SizeOf<WinCkSessionInfo>());
        Assert.Equal(12, Unsafe.SizeOf<WinCkMechanismInfo>());
        Assert.Equal(32, Unsafe.SizeOf<WinCkGcmParams>());
        Assert.Equal(44, Unsafe.SizeOf<WinCkCInitializeArgs>());
    }

    [Fact]
    public void CK_BBOOL_is_one_byte_and_CK_ULONG_attributes_are_pointer_sized()
    {
        Assert.Single(AttributeValue.Bool(Ck.AttrToken, true).Value);
        Assert.Equal(IntPtr.Size, AttributeValue.Number(Ck.AttrClass, Ck.ObjectPrivateKey).Value.Length);
        Assert.Equal(Ck.ObjectPrivateKey, AttributeValue.Number(Ck.AttrClass, Ck.ObjectPrivateKey).AsNumber());
        Assert.Equal(ulong.MaxValue, Ck.UnavailableInformation);
    }
}
