using System.Text.Json.Nodes;

namespace CardKit.Testing;

/// <summary>
/// The built-in USIM (src/CardKit.Emulator/Data/usim.json) with its phone book laid out as other
/// real cards do (TS 31.102 §4.4.2.1), as JSON for CardData.Load or `emulate usim --data`.
/// </summary>
public static class UsimVariants
{
    /// <summary>
    /// EF_EMAIL as a type 2 file: EF_PBR lists it under A9, byte 0 of EF_IAP (4F25, SFI 5) record n
    /// names the e-mail record of ADN record n, and e-mail records end with ADN SFI 01 and n.
    /// Alice (ADN 8) points to e-mail record 3; record 4 (bob@) is linked from nowhere; Voice Mail
    /// (ADN 1) has '00', no e-mail.
    /// </summary>
    public static string Type2Email()
    {
        var (json, files) = BuiltIn();
        File(files, "3F00/7F10/5F3A/4F30")["records"] = new JsonArray("A80FC0034F3A01C1034F2505C4034F1102A905CA034F5003AA05C2034F4A04");
        var email = File(files, "3F00/7F10/5F3A/4F50");
        email["recordLength"] = 26;
        email["records"] = new JsonArray("", "", "616C696365006578616D706C652E6F7267FFFFFFFFFFFFFF0108", "626F62006578616D706C652E6F7267FFFFFFFFFFFFFFFFFF0109");
        var iap = Enumerable.Repeat("FF", 8).ToArray();
        iap[0] = "00";
        iap[7] = "03";
        files.Add(new JsonObject
        {
            ["path"] = "3F00/7F10/5F3A/4F25", ["type"] = "linear", ["recordLength"] = 1, ["recordCount"] = 250,
            ["read"] = "pin1", ["update"] = "pin1", ["sfi"] = 5, ["records"] = new JsonArray(iap.Select(r => (JsonNode)r).ToArray()),
        });
        return json.ToJsonString();
    }

    /// <summary>Two sets of phone book files: EF_PBR record 2 names a second EF_ADN (4F3B, 20 records); record 3 is unused.</summary>
    public static string TwoSets()
    {
        var (json, files) = BuiltIn();
        var pbr = File(files, "3F00/7F10/5F3A/4F30");
        pbr["recordCount"] = 3;
        pbr["records"] = new JsonArray("A80FC0034F3A01C4034F1102CA034F5003AA05C2034F4A04", "A805C0034F3B06", "");
        files.Add(new JsonObject
        {
            ["path"] = "3F00/7F10/5F3A/4F3B", ["type"] = "linear", ["recordLength"] = 30, ["recordCount"] = 20,
            ["read"] = "pin1", ["update"] = "pin1", ["sfi"] = 6,
            ["records"] = new JsonArray("", "4672616EE76F697365FFFFFFFFFFFFFF07913316325476F8FFFFFFFFFFFF"),
        });
        return json.ToJsonString();
    }

    /// <summary>
    /// Alice's e-mail (EF_EMAIL record 8) written in ASCII by a non-conforming tool: '@' as 0x40,
    /// which the GSM alphabet reads as '¡' (TS 23.038 §6.2.1).
    /// </summary>
    public static string AsciiEmail()
    {
        var (json, files) = BuiltIn();
        var records = File(files, "3F00/7F10/5F3A/4F50")["records"]!.AsArray();
        records[7] = "616C696365406578616D706C652E6F7267";
        return json.ToJsonString();
    }

    private static (JsonNode Json, JsonArray Files) BuiltIn()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "CardKit.slnx")))
            directory = directory.Parent;
        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("CardKit.slnx not found above the test binaries"),
            "src", "CardKit.Emulator", "Data", "usim.json");
        var json = JsonNode.Parse(System.IO.File.ReadAllText(path))!;
        return (json, json["files"]!.AsArray());
    }

    private static JsonNode File(JsonArray files, string path) => files.First(f => (string)f!["path"]! == path)!;
}
