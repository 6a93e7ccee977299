using System.Globalization;
using System.Text;

namespace CardKit.Pkcs11;

/// <summary>
/// An RFC 7512 PKCS#11 URI: path attributes (token, manufacturer, serial, model, library-*, slot-*,
/// object, type, id) separated by ';', query attributes (pin-value, pin-source, module-name,
/// module-path) after '?', '&amp;'-separated; values percent-encoded. Parsing rejects duplicates,
/// unknown standard attribute syntax and bad escapes; vendor attributes ("x-...") are kept.
/// </summary>
public sealed class Pkcs11Uri
{
    private static readonly string[] PathAttributes = ["token", "manufacturer", "serial", "model", "library-manufacturer", "library-description", "library-version", "object", "type", "id", "slot-description", "slot-manufacturer", "slot-id"];
    private static readonly string[] QueryAttributes = ["pin-source", "pin-value", "module-name", "module-path"];

    private Pkcs11Uri(Dictionary<string, byte[]> path, Dictionary<string, byte[]> query)
    {
        Path = path;
        Query = query;
    }

    /// <summary>Path attributes with their decoded bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Path { get; }

    public IReadOnlyDictionary<string, byte[]> Query { get; }

    public string? Token => Text(Path, "token");
    public string? ObjectLabel => Text(Path, "object");
    public string? Type => Text(Path, "type");
    public byte[]? Id => Path.TryGetValue("id", out var id) ? id : null;
    public string? PinValue => Text(Query, "pin-value");
    public string? PinSource => Text(Query, "pin-source");
    public string? ModulePath => Text(Query, "module-path");

    /// <summary>Why no slot or token can match (a value longer than its PKCS#11 field), or null.</summary>
    public string? Unmatchable => Path
        .Where(a => FieldSizes.TryGetValue(a.Key, out var size) && a.Value.Length > size.Bytes)
        .Select(a => $"'{a.Key}' is {a.Value.Length} bytes but {FieldSizes[a.Key].Field} holds {FieldSizes[a.Key].Bytes}, so nothing can match it")
        .FirstOrDefault();

    private static string? Text(IReadOnlyDictionary<string, byte[]> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? Encoding.UTF8.GetString(value) : null;

    /// <exception cref="CardKitFormatException">Not a PKCS#11 URI; the message says what and the offset where.</exception>
    public static Pkcs11Uri Parse(string uri)
    {
        if (!TryParse(uri, out var result, out var error, out var offset))
            throw new CardKitFormatException($"malformed PKCS#11 URI: {error}", offset);
        return result!;
    }

    public static bool TryParse(string uri, out Pkcs11Uri? result, out string error, out int offset)
    {
        result = null;
        error = "";
        offset = 0;
        const string scheme = "pkcs11:";
        if (uri is null || !uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = "it must start with 'pkcs11:'";
            return false;
        }
        var rest = uri[scheme.Length..];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        var pathPart = q < 0 ? rest : rest[..q];
        var queryPart = q < 0 ? "" : rest[(q + 1)..];
        var path = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var query = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!ParseAttributes(pathPart, ';', PathAttributes, path, scheme.Length, inQuery: false, ref error, ref offset)
            || !ParseAttributes(queryPart, '&', QueryAttributes, query, scheme.Length + pathPart.Length + 1, inQuery: true, ref error, ref offset))
            return false;
        if (path.TryGetValue("type", out var type) && Encoding.UTF8.GetString(type) is not ("public" or "private" or "cert" or "secret-key" or "data"))
        {
            error = $"type '{Encoding.UTF8.GetString(type)}' is not public, private, cert, secret-key or data";
            return false;
        }
        if (!CheckFieldValues(path, ref error))
            return false;
        if (query.ContainsKey("pin-value") && query.ContainsKey("pin-source"))
        {
            error = "pin-value and pin-source exclude each other (RFC 7512 §2.3)";
            return false;
        }
        result = new Pkcs11Uri(path, query);
        return true;
    }

    // RFC 7512 §2.3 maps these to fixed-size blank-padded fields of CK_INFO, CK_SLOT_INFO and
    // CK_TOKEN_INFO (base specification §3.1, §3.2). A longer value is still a valid URI (one of
    // the RFC's own examples has a 34-byte token label) but can never match: see Unmatchable.
    private static readonly Dictionary<string, (int Bytes, string Field)> FieldSizes = new(StringComparer.Ordinal)
    {
        ["token"] = (32, "CK_TOKEN_INFO label"), ["manufacturer"] = (32, "CK_TOKEN_INFO manufacturerID"),
        ["model"] = (16, "CK_TOKEN_INFO model"), ["serial"] = (16, "CK_TOKEN_INFO serialNumber"),
        ["library-manufacturer"] = (32, "CK_INFO manufacturerID"), ["library-description"] = (32, "CK_INFO libraryDescription"),
        ["slot-description"] = (64, "CK_SLOT_INFO slotDescription"), ["slot-manufacturer"] = (32, "CK_SLOT_INFO manufacturerID"),
    };

    private static bool CheckFieldValues(Dictionary<string, byte[]> path, ref string error)
    {
        // library-version = 1*DIGIT [ "." 1*DIGIT ] (RFC 7512 §2.3), each part a CK_BYTE.
        if (path.TryGetValue("library-version", out var version)
            && !(Encoding.UTF8.GetString(version).Split('.') is { Length: 1 or 2 } parts
                 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && byte.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            error = $"library-version '{Encoding.UTF8.GetString(version)}' is not MAJOR[.MINOR] with numbers up to 255";
            return false;
        }
        // slot-id = 1*DIGIT, a CK_SLOT_ID.
        if (path.TryGetValue("slot-id", out var slot)
            && !(slot.Length > 0 && slot.All(b => char.IsAsciiDigit((char)b)) && ulong.TryParse(Encoding.ASCII.GetString(slot), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            error = $"slot-id '{Encoding.UTF8.GetString(slot)}' is not a decimal slot number";
            return false;
        }
        return true;
    }

    private static bool ParseAttributes(string part, char separator, string[] known, Dictionary<string, byte[]> into, int baseOffset, bool inQuery, ref string error, ref int offset)
    {
        if (part.Length == 0)
            return true;
        var position = baseOffset;
        foreach (var attribute in part.Split(separator))
        {
            var equals = attribute.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                (error, offset) = ($"'{attribute}' is not name=value", position);
                return false;
            }
            var name = attribute[..equals];
            if (!known.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                (error, offset) = ($"unknown attribute '{name}' (vendor attributes start with x-)", position);
                return false;
            }
            if (!TryDecode(attribute[(equals + 1)..], inQuery, out var value, out var bad))
            {
                (error, offset) = ($"bad percent-encoding in '{name}'", position + equals + 1 + bad);
                return false;
            }
            if (!into.TryAdd(name, value))
            {
                (error, offset) = ($"attribute '{name}' appears twice", position);
                return false;
            }
            position += attribute.Length + 1;
        }
        return true;
    }

    // RFC 7512 §2.3: pk11-pchar (path) and pk11-qchar (query, which also allows "/", "?" and "|");
    // %HH per RFC 3986 §2.1; other non-ASCII characters are taken as UTF-8.
    private static bool TryDecode(string text, bool inQuery, out byte[] value, out int badOffset)
    {
        var bytes = new List<byte>(text.Length);
        badOffset = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (text.Length - i - 1 < 2 || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])
                    || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                {
                    value = [];
                    badOffset = i;
                    return false;
                }
                bytes.Add(b);
                i += 2;
            }
            else if (c is '#' or ' ' or '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '}' || (!inQuery && c is '/' or '?' or '|'))
            {
                value = [];
                badOffset = i;
                return false;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        value = [.. bytes];
        return true;
    }

    /// <summary>The URI text: attributes in the order given, values percent-encoded; id always fully encoded (RFC 7512 §2.3).</summary>
    public override string ToString()
    {
        var text = new StringBuilder(PathText());
        if (Query.Count > 0)
            text.Append('?').Append(string.Join('&', Query.Select(kv => $"{kv.Key}={Encode(kv.Value, all: false)}")));
        return text.ToString();
    }

    /// <summary>"pkcs11:" and the path attributes only (no query: no PIN).</summary>
    public string PathText() => "pkcs11:" + string.Join(';', Path.Select(kv => $"{kv.Key}={Encode(kv.Value, all: kv.Key == "id")}"));

    private static string Encode(byte[] value, bool all)
    {
        var text = new StringBuilder();
        foreach (var b in value)
        {
            var c = (char)b;
            if (!all && b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or '+' or ','))
                text.Append(c);
            else
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>The PIN the URI carries: pin-value, or the first line of the pin-source file (file: URI or path).</summary>
    public string? ResolvePin()
    {
        if (PinValue is { } pin)
            return pin;
        if (PinSource is not { } source)
            return null;
        var path = source.StartsWith("file:", StringComparison.Ordinal) ? new Uri(source).LocalPath : source;
        return File.ReadLines(path).FirstOrDefault()?.TrimEnd('\r', '\n') ?? "";
    }
}

/// <summary>Finds what a PKCS#11 URI names: the token's slot and the objects.</summary>
public static class UriSelection
{
    /// <summary>The slot whose token matches the URI's token/serial/model/manufacturer; errors name what was available.</summary>
    public static Pkcs11Slot FindSlot(Pkcs11Module module, Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(uri);
        var slots = module.GetSlots();
        var matches = slots.Where(s =>
        {
            var info = s.GetTokenInfo();
            return info.Initialized && Is(uri, "token", info.Label) && Is(uri, "serial", info.SerialNumber)
                && Is(uri, "model", info.Model) && Is(uri, "manufacturer", info.Manufacturer);
        }).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 when uri.Unmatchable is { } why => throw new Pkcs11Exception($"no token matches {Redacted(uri)}: {why}"),
            0 => throw new Pkcs11Exception($"no token matches {Redacted(uri)}; tokens: {string.Join(", ", slots.Select(s => $"'{s.GetTokenInfo().Label}'"))}"),
            _ => throw new Pkcs11Exception($"{matches.Count} tokens match {Redacted(uri)}; add token= or serial= to choose one"),
        };
    }

    private static bool Is(Pkcs11Uri uri, string name, string actual) =>
        !uri.Path.TryGetValue(name, out var wanted) || System.Text.Encoding.UTF8.GetString(wanted) == actual;

    /// <summary>The object template for type/id/object.</summary>
    public static List<AttributeValue> Template(Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var template = new List<AttributeValue>();
        if (uri.Type is { } type)
        {
            template.Add(AttributeValue.Number(Ck.AttrClass, type switch
            {
                "public" => Ck.ObjectPublicKey,
                "private" => Ck.ObjectPrivateKey,
                "cert" => Ck.ObjectCertificate,
                "secret-key" => Ck.ObjectSecretKey,
                _ => Ck.ObjectData,
            }));
        }
        if (uri.Id is { } id)
            template.Add(AttributeValue.Bytes(Ck.AttrId, id));
        if (uri.ObjectLabel is { } label)
            template.Add(AttributeValue.Text(Ck.AttrLabel, label));
        return template;
    }

    /// <summary>Exactly one object; none or several is an error that says which.</summary>
    public static nuint FindOne(Pkcs11Session session, Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(session);
        var found = session.FindObjects(Template(uri));
        return found.Count switch
        {
            1 => found[0],
            0 => throw new Pkcs11Exception($"no object matches {Redacted(uri)} (log in first if it is private)"),
            _ => throw new Pkcs11Exception($"{found.Count} objects match {Redacted(uri)}; add id=, object= or type= to choose one"),
        };
    }

    /// <summary>The URI without its PIN, for messages.</summary>
    public static string Redacted(Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.ToString();
        var pin = text.IndexOf("pin-value=", StringComparison.Ordinal);
        if (pin < 0)
            return text;
        var end = text.IndexOf('&', pin);
        return text[..(pin + 10)] + "***" + (end < 0 ? "" : text[end..]);
    }
}
