using System.Text.Json;

namespace CardKit.Pkcs11.Tests;

/// <summary>The JSON of the p11 results through Pkcs11JsonContext: the field names, types and order the CLI has always printed.</summary>
public class JsonTests
{
    private static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    [Fact]
    public void A_module_summary_has_module_manufacturer_description_cryptokiVersion_and_slots()
    {
        var summary = new ModuleSummary("/m.so", "SoftHSM", "Implementation of PKCS11", "2.40", "2.6",
            [new SlotSummary(7, "SoftHSM slot ID 0x7", "demo", true, "8f1e", "SoftHSM v2", PinLocked: true)]);
        Assert.Equal("""{"module":"/m.so","manufacturer":"SoftHSM","description":"Implementation of PKCS11","cryptokiVersion":"2.40","slots":[{"id":7,"description":"SoftHSM slot ID 0x7","token":"demo","initialized":true,"serial":"8f1e"}]}""",
            Json(summary, Pkcs11JsonContext.Default.ModuleSummary));
    }

    [Fact]
    public void A_mechanism_has_name_type_as_a_number_key_sizes_and_capabilities()
    {
        IReadOnlyList<MechanismInfo> mechanisms =
        [
            new(MechanismType.Sha256RsaPkcsPss, 2048, 16384, MechanismFlags.Sign | MechanismFlags.Verify),
            new((MechanismType)0x80000001, 0, 0, MechanismFlags.Hardware | MechanismFlags.EcOid),
        ];
        Assert.Equal("""[{"name":"SHA256-RSA-PKCS-PSS","type":67,"minKeySize":2048,"maxKeySize":16384,"capabilities":["sign","verify"]},{"name":"0x80000001","type":2147483649,"minKeySize":0,"maxKeySize":0,"capabilities":["hw","EC OID"]}]""",
            Json(mechanisms, Pkcs11JsonContext.Default.IReadOnlyListMechanismInfo));
    }

    [Fact]
    public void An_object_has_type_label_id_and_keyType()
    {
        IReadOnlyList<ObjectSummary> objects = [new("private", "mykey", "01", "RSA"), new("data", "", "", "")];
        Assert.Equal("""[{"type":"private","label":"mykey","id":"01","keyType":"RSA"},{"type":"data","label":"","id":"","keyType":""}]""",
            Json(objects, Pkcs11JsonContext.Default.IReadOnlyListObjectSummary));
    }
}
