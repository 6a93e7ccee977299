using System.Globalization;
using System.Text.Json;
using CardKit.Emulator.FileSystem;

namespace CardKit.Emulator;

/// <summary>
/// Builds a virtual card from a JSON description (the built-in cards are such files, see
/// src/CardKit.Emulator/Data): kind (sim, usim, iso), ATR, PINs and files by path with their
/// structure, content and access rules. Every mistake is reported with the JSON path.
/// </summary>
public static class CardData
{
    /// <exception cref="CardKitFormatException">The description is not valid; the message names the field.</exception>
    public static FileSystemCard Load(Stream json, string? kindOverride = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CardKitFormatException($"card data is not valid JSON: {e.Message}", -1, e);
        }
        using (document)
            return Build(document.RootElement, kindOverride);
    }

    private static FileSystemCard Build(JsonElement root, string? kindOverride)
    {
        var kind = kindOverride ?? String(root, "kind", "$");
        var atr = HexField(root, "atr", "$");
        var pin1 = ReadPin(root, "pin1");
        var pin2 = ReadPin(root, "pin2");
        var mf = new DedicatedFile(0x3F00);
        if (root.TryGetProperty("files", out var files))
        {
            var index = 0;
            foreach (var file in files.EnumerateArray())
                AddFile(mf, file, $"$.files[{index++}]");
        }
        return kind switch
        {
            "sim" => new GsmSimCard(atr, mf, pin1, pin2),
            "usim" or "iso" => new UiccCard(kind, atr, mf, pin1, pin2),
            _ => throw new CardKitFormatException($"$.kind: unknown card kind '{kind}' (sim, usim, iso)"),
        };
    }

    private static Pin ReadPin(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var pin))
            return new Pin("0000", "00000000") { Enabled = false };
        var where = "$." + name;
        return new Pin(String(pin, "value", where), String(pin, "unblock", where),
            Int(pin, "tries", where, 3), Int(pin, "unblockTries", where, 10))
        {
            Enabled = !pin.TryGetProperty("enabled", out var enabled) || enabled.GetBoolean(),
        };
    }

    private static void AddFile(DedicatedFile mf, JsonElement file, string where)
    {
        var path = String(file, "path", where).Split('/');
        if (path.Length < 2 || path[0] != "3F00")
            throw new CardKitFormatException($"{where}.path: must start with 3F00 and name a file below it");
        var fids = path.Skip(1).Select(p => ushort.TryParse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var fid)
            ? fid : throw new CardKitFormatException($"{where}.path: '{p}' is not a 4-digit hex file identifier")).ToArray();
        var parent = mf;
        foreach (var fid in fids[..^1])
            parent = parent.Child(fid) as DedicatedFile ?? parent.Add(new DedicatedFile(fid));
        var type = String(file, "type", where);
        var read = Access(file, "read", where, AccessRule.Always);
        var update = Access(file, "update", where, AccessRule.Adm);
        var sfi = (byte)Int(file, "sfi", where, 0);
        CardFile created = type switch
        {
            "df" => new DedicatedFile(fids[^1]),
            "adf" => new DedicatedFile(fids[^1], HexField(file, "aid", where)),
            "transparent" => ElementaryFile.Transparent(fids[^1], HexField(file, "data", where), read, update),
            "linear" or "cyclic" => Records(fids[^1], file, where, type == "cyclic" ? EfStructure.Cyclic : EfStructure.LinearFixed, read, update),
            _ => throw new CardKitFormatException($"{where}.type: '{type}' is not df, adf, transparent, linear or cyclic"),
        };
        if (created is ElementaryFile ef && sfi != 0)
            created = ef.WithSfi(sfi);
        try
        {
            parent.Add(created);
        }
        catch (ArgumentException e)
        {
            throw new CardKitFormatException($"{where}.path: {e.Message}");
        }
    }

    private static ElementaryFile Records(ushort fid, JsonElement file, string where, EfStructure structure, AccessRule read, AccessRule update)
    {
        var recordLength = Int(file, "recordLength", where, -1);
        var recordCount = Int(file, "recordCount", where, -1);
        if (recordLength is < 1 or > 255)
            throw new CardKitFormatException($"{where}.recordLength: 1..255 required");
        if (recordCount is < 1 or > 254)
            throw new CardKitFormatException($"{where}.recordCount: 1..254 required");
        var records = new List<byte[]>();
        if (file.TryGetProperty("records", out var list))
        {
            var i = 0;
            foreach (var record in list.EnumerateArray())
                records.Add(ParseHex(record.GetString() ?? "", $"{where}.records[{i++}]"));
        }
        try
        {
            return ElementaryFile.LinearFixed(fid, recordLength, recordCount, records, read, update, structure);
        }
        catch (ArgumentException e)
        {
            throw new CardKitFormatException($"{where}: {e.Message}");
        }
    }

    private static AccessRule Access(JsonElement element, string name, string where, AccessRule fallback)
    {
        if (!element.TryGetProperty(name, out var value))
            return fallback;
        return value.GetString() switch
        {
            "always" => AccessRule.Always,
            "pin1" => AccessRule.Pin1,
            "pin2" => AccessRule.Pin2,
            "adm" => AccessRule.Adm,
            "never" => AccessRule.Never,
            var other => throw new CardKitFormatException($"{where}.{name}: '{other}' is not always, pin1, pin2, adm or never"),
        };
    }

    private static string String(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new CardKitFormatException($"{where}.{name}: required string missing");

    private static int Int(JsonElement element, string name, string where, int fallback)
    {
        if (!element.TryGetProperty(name, out var value))
            return fallback;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var result)
            ? result
            : throw new CardKitFormatException($"{where}.{name}: integer expected");
    }

    private static byte[] HexField(JsonElement element, string name, string where) =>
        ParseHex(String(element, name, where), $"{where}.{name}");

    private static byte[] ParseHex(string text, string where)
    {
        try
        {
            return Hex.Parse(text);
        }
        catch (CardKitFormatException e)
        {
            throw new CardKitFormatException($"{where}: {e.Reason}", e.Offset);
        }
    }
}
