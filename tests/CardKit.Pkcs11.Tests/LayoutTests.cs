using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11.Tests;

/// <summary>
/// The structure layouts CardKit computes, for both ABIs, against what the C compiler makes of the
/// real pkcs11.h (Native/layouts.c), plus the sizes the issue names for Linux x64 and Windows x64.
/// </summary>
public class LayoutTests
{
    private static Dictionary<string, CkLayout> Layouts(CkAbi abi) => new()
    {
        ["CK_ATTRIBUTE"] = abi.Attribute,
        ["CK_MECHANISM"] = abi.Mechanism,
        ["CK_INFO"] = abi.Info,
        ["CK_SLOT_INFO"] = abi.SlotInfo,
        ["CK_TOKEN_INFO"] = abi.TokenInfo,
        ["CK_SESSION_INFO"] = abi.SessionInfo,
        ["CK_MECHANISM_INFO"] = abi.MechanismInfo,
        ["CK_C_INITIALIZE_ARGS"] = abi.InitializeArgs,
        ["CK_RSA_PKCS_PSS_PARAMS"] = abi.RsaPkcsPssParams,
        ["CK_RSA_PKCS_OAEP_PARAMS"] = abi.RsaPkcsOaepParams,
        ["CK_ECDH1_DERIVE_PARAMS"] = abi.Ecdh1DeriveParams,
        ["CK_GCM_PARAMS"] = abi.GcmParams,
    };

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Computed_layouts_match_the_C_compiler_on_pkcs11_h(string abiName)
    {
        var abi = abiName == "Unix" ? CkAbi.Unix : CkAbi.Windows;
        var program = NativeBuild.Compile("layouts.c", $"layouts-{abiName}", abiName == "Windows" ? ["-DWINDOWS_LAYOUT"] : []);
        var (exitCode, output) = CardKit.Testing.SoftHsm.Instance.Run(program, [], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, exitCode);
        var layouts = Layouts(abi);
        var seen = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            var numbers = parts[1..].Select(int.Parse).ToArray();
            if (parts[0] == "CK_FUNCTION_LIST")
            {
                Assert.Equal(numbers[1], abi.FunctionListOffset);
                continue;
            }
            var layout = layouts[parts[0]];
            Assert.True(numbers[0] == layout.Size, $"{abiName} {parts[0]}: C says {numbers[0]} bytes, CardKit {layout.Size}");
            for (var field = 0; field < numbers.Length - 1; field++)
                Assert.True(numbers[field + 1] == layout[field], $"{abiName} {parts[0]} field {field}: C says offset {numbers[field + 1]}, CardKit {layout[field]}");
            seen++;
        }
        Assert.Equal(layouts.Count, seen);
    }

    [Fact]
    public void Linux_x64_and_Windows_x64_sizes_are_the_ones_the_headers_give()
    {
        var unix = CkAbi.Unix;
        Assert.Equal([24, 88, 112, 208, 32, 24, 48, 48, 24], new[] { unix.Attribute, unix.Info, unix.SlotInfo, unix.TokenInfo, unix.SessionInfo, unix.MechanismInfo, unix.GcmParams, unix.InitializeArgs, unix.Mechanism }.Select(l => l.Size));
        var windows = CkAbi.Windows;
        Assert.Equal([16, 72, 104, 160, 16, 12, 32, 44], new[] { windows.Attribute, windows.Info, windows.SlotInfo, windows.TokenInfo, windows.SessionInfo, windows.MechanismInfo, windows.GcmParams, windows.InitializeArgs }.Select(l => l.Size));
        Assert.Equal(2, windows.FunctionListOffset);
    }

    [Fact]
    public void CK_BBOOL_is_one_byte_and_CK_ULONG_values_take_the_module_width()
    {
        Assert.Single(AttributeValue.Bool(AttributeType.Token, true).Value);
        var number = AttributeValue.Of(ObjectClass.PrivateKey);
        Assert.Equal(8, number.Encode(CkAbi.Unix).Length);
        Assert.Equal([3, 0, 0, 0], number.Encode(CkAbi.Windows));
        // Read back at either width.
        Assert.Equal(ObjectClass.PrivateKey, new ObjectAttribute(AttributeType.Class, AttributeStatus.Present, number.Encode(CkAbi.Unix)).AsObjectClass());
        Assert.Equal(ObjectClass.PrivateKey, new ObjectAttribute(AttributeType.Class, AttributeStatus.Present, number.Encode(CkAbi.Windows)).AsObjectClass());
        Assert.Equal(ulong.MaxValue, CkAbi.Unix.UnavailableInformation);
        Assert.Equal(uint.MaxValue, CkAbi.Windows.UnavailableInformation);
        Assert.Throws<OverflowException>(() => AttributeValue.Number(AttributeType.ValueLen, 1UL << 32).Encode(CkAbi.Windows));
    }
}
