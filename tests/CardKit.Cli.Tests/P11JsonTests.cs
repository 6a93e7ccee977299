using System.Text.Json;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

/// <summary>
/// The JSON of `p11 info|mechanisms|objects --json` as the native cardkit prints it: field names in
/// order and their JSON types (the README's contract), on a SoftHSM2 token of its own.
/// </summary>
public class P11JsonTests
{
    private static readonly Lazy<string> Token = new(() =>
    {
        SoftHsm.Instance.InitToken("shapes");
        return SoftHsm.Instance.Directory;
    });

    private static (int ExitCode, string Output) Cardkit(CancellationToken token, params string[] args) =>
        SoftHsm.Instance.Run(EmulateProcessTests.Binary, args, Token.Value, cancellationToken: token);

    private static JsonElement Json(CancellationToken token, params string[] args)
    {
        var (exitCode, output) = Cardkit(token, args);
        Assert.True(exitCode == 0, output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static void Shape(JsonElement element, params (string Name, JsonValueKind Kind)[] fields)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(fields.Select(f => f.Name), element.EnumerateObject().Select(p => p.Name));
        foreach (var (name, kind) in fields)
        {
            var actual = element.GetProperty(name).ValueKind;
            Assert.True(kind == actual || (kind == JsonValueKind.True && actual == JsonValueKind.False), $"{name}: {actual}, not {kind}");
        }
    }

    [Fact(Timeout = 120_000)]
    public void Info_has_the_module_and_every_slot()
    {
        var token = TestContext.Current.CancellationToken;
        var info = Json(token, "p11", "info", "--json");
        Shape(info, ("module", JsonValueKind.String), ("manufacturer", JsonValueKind.String), ("description", JsonValueKind.String),
            ("cryptokiVersion", JsonValueKind.String), ("slots", JsonValueKind.Array));
        Assert.Equal(SoftHsm.ModulePath, info.GetProperty("module").GetString());
        foreach (var slot in info.GetProperty("slots").EnumerateArray())
            Shape(slot, ("id", JsonValueKind.Number), ("description", JsonValueKind.String), ("token", JsonValueKind.String), ("initialized", JsonValueKind.True), ("serial", JsonValueKind.String));
        Assert.Contains(info.GetProperty("slots").EnumerateArray(), s => s.GetProperty("token").GetString() == "shapes" && s.GetProperty("initialized").GetBoolean());
    }

    [Fact(Timeout = 120_000)]
    public void Mechanisms_have_name_numeric_type_key_sizes_and_capabilities()
    {
        var token = TestContext.Current.CancellationToken;
        var mechanisms = Json(token, "p11", "mechanisms", "--token", "pkcs11:token=shapes", "--json");
        Assert.Equal(JsonValueKind.Array, mechanisms.ValueKind);
        foreach (var m in mechanisms.EnumerateArray())
        {
            Shape(m, ("name", JsonValueKind.String), ("type", JsonValueKind.Number), ("minKeySize", JsonValueKind.Number), ("maxKeySize", JsonValueKind.Number), ("capabilities", JsonValueKind.Array));
            Assert.All(m.GetProperty("capabilities").EnumerateArray(), c => Assert.Equal(JsonValueKind.String, c.ValueKind));
        }
        var pkcs1 = mechanisms.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "SHA256-RSA-PKCS");
        Assert.Equal(0x40UL, pkcs1.GetProperty("type").GetUInt64());
        Assert.Contains("sign", pkcs1.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact(Timeout = 120_000)]
    public void Keygen_names_the_new_keys_by_URI_objects_lists_them_and_an_id_in_use_is_refused()
    {
        var token = TestContext.Current.CancellationToken;
        var (exitCode, output) = Cardkit(token, "p11", "keygen", "--token", "pkcs11:token=shapes?pin-value=1234", "--type", "ec:p256", "--label", "shape", "--id", "5E");
        Assert.True(exitCode == 0, output);
        Assert.Contains("generated ec:p256 key pair 'shape' id 5E on token 'shapes'\n  private: pkcs11:token=shapes;id=%5E;type=private\n  public:  pkcs11:token=shapes;id=%5E;type=public\n", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "keygen", "--token", "pkcs11:token=shapes?pin-value=1234", "--type", "ec:p256", "--label", "again", "--id", "5E");
        Assert.True(exitCode == ExitCodes.CardOrDataError, output);
        Assert.Contains("cardkit: the token already has 2 object(s) with id 5E; choose another --id", output, StringComparison.Ordinal);

        var objects = Json(token, "p11", "objects", "pkcs11:token=shapes?pin-value=1234", "--json");
        Assert.Equal(JsonValueKind.Array, objects.ValueKind);
        foreach (var o in objects.EnumerateArray())
            Shape(o, ("type", JsonValueKind.String), ("label", JsonValueKind.String), ("id", JsonValueKind.String), ("keyType", JsonValueKind.String));
        Assert.Equal(["private shape 5E EC", "public shape 5E EC"], objects.EnumerateArray()
            .Select(o => string.Join(' ', o.EnumerateObject().Select(p => p.Value.GetString()))).Order());
    }
}
