using System.Globalization;
using System.Text;

namespace CardKit.Pkcs11;

/// <summary>
/// An RFC 7512 PKCS#11 URI: path attributes (token, manufacturer, serial, model, library-*, slot-*,
/// object, type, id) separated by ';', query attributes (pin-value, pin-source, module-name,
/// module-path) after '?', '&amp;'-separated; values percent-encoded. Parsing rejects duplicates,
/// unknown standard attribute syntax and bad escapes; vendor attributes ("x-...") are kept. Two
/// URIs are equal when they have the same attributes with the same values, in any order.
/// </summary>
public sealed class Pkcs11Uri : IEquatable<Pkcs11Uri>
{
    private const string Scheme = "pkcs11:";

    private static readonly string[] PathAttributes = ["token", "manufacturer", "serial", "model", "library-manufacturer", "library-description", "library-version", "object", "type", "id", "slot-description", "slot-manufacturer", "slot-id"];
    private static readonly string[] QueryAttributes = ["pin-source", "pin-value", "module-name", "module-path"];

    // The one table of RFC 7512 §2.3 "type" values and the object classes they name.
    private static readonly (string Type, ObjectClass Class)[] Types =
        [("public", ObjectClass.PublicKey), ("private", ObjectClass.PrivateKey), ("cert", ObjectClass.Certificate), ("secret-key", ObjectClass.SecretKey), ("data", ObjectClass.Data)];

    private Pkcs11Uri(Dictionary<string, byte[]> path, Dictionary<string, byte[]> query)
    {
        Path = path;
        Query = query;
    }

    /// <summary>Path attributes with their decoded bytes, in the order written.</summary>
    public IReadOnlyDictionary<string, byte[]> Path { get; }

    /// <summary>Query attributes with their decoded bytes, in the order written.</summary>
    public IReadOnlyDictionary<string, byte[]> Query { get; }

    /// <summary>token=: the token label.</summary>
    public string? Token => Text(Path, "token");

    /// <summary>object=: the object label (CKA_LABEL).</summary>
    public string? ObjectLabel => Text(Path, "object");

    /// <summary>type=: "public", "private", "cert", "secret-key" or "data".</summary>
    public string? Type => Text(Path, "type");

    /// <summary>type= as the object class it names.</summary>
    public ObjectClass? Class => Type is { } type && TryGetObjectClass(type, out var objectClass) ? objectClass : null;

    /// <summary>id=: the object id (CKA_ID).</summary>
    public byte[]? Id => Path.TryGetValue("id", out var id) ? id : null;

    /// <summary>True when the URI names objects (type=, id= or object=), not only a token.</summary>
    public bool NamesObjects => Type is not null || Id is not null || ObjectLabel is not null;

    /// <summary>pin-value=: the PIN itself.</summary>
    public string? PinValue => Text(Query, "pin-value");

    /// <summary>pin-source=: a file (path or file: URI) whose first line is the PIN.</summary>
    public string? PinSource => Text(Query, "pin-source");

    /// <summary>module-path=: the module to use.</summary>
    public string? ModulePath => Text(Query, "module-path");

    /// <summary>Why no slot or token can match (a value longer than its PKCS#11 field), or null.</summary>
    public string? Unmatchable => Path
        .Where(a => FieldSizes.TryGetValue(a.Key, out var size) && a.Value.Length > size.Bytes)
        .Select(a => $"'{a.Key}' is {a.Value.Length} bytes but {FieldSizes[a.Key].Field} holds {FieldSizes[a.Key].Bytes}, so nothing can match it")
        .FirstOrDefault();

    private static string? Text(IReadOnlyDictionary<string, byte[]> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? Encoding.UTF8.GetString(value) : null;

    /// <summary>The object class an RFC 7512 type= value names ("private": <see cref="ObjectClass.PrivateKey"/>).</summary>
    public static bool TryGetObjectClass(string type, out ObjectClass objectClass)
    {
        foreach (var (name, value) in Types)
        {
            if (name == type)
            {
                objectClass = value;
                return true;
            }
        }
        objectClass = default;
        return false;
    }

    /// <summary>The RFC 7512 type= value of <paramref name="objectClass"/>, or null for a class the RFC does not name.</summary>
    public static string? TypeName(ObjectClass objectClass) => Array.Find(Types, t => t.Class == objectClass).Type;

    /// <summary>Parses <paramref name="uri"/>.</summary>
    /// <exception cref="CardKitFormatException">Not a PKCS#11 URI; the message says what and the offset where.</exception>
    public static Pkcs11Uri Parse(string uri)
    {
        if (!TryParse(uri, out var result, out var error, out var offset))
            throw new CardKitFormatException($"malformed PKCS#11 URI: {error}", offset);
        return result!;
    }

    /// <summary>Parses <paramref name="uri"/>; on failure <paramref name="error"/> says what and <paramref name="offset"/> where.</summary>
    public static bool TryParse(string uri, out Pkcs11Uri? result, out string error, out int offset)
    {
        result = null;
        error = "";
        offset = 0;
        if (uri is null || !uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = "it must start with 'pkcs11:'";
            return false;
        }
        var rest = uri[Scheme.Length..];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        var pathPart = q < 0 ? rest : rest[..q];
        var queryPart = q < 0 ? "" : rest[(q + 1)..];
        var path = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var query = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!ParseAttributes(pathPart, ';', PathAttributes, path, Scheme.Length, inQuery: false, ref error, ref offset)
            || !ParseAttributes(queryPart, '&', QueryAttributes, query, Scheme.Length + pathPart.Length + 1, inQuery: true, ref error, ref offset)
            || !CheckValues(path, query, ref error))
            return false;
        result = new Pkcs11Uri(path, query);
        return true;
    }

    /// <summary>A URI with these attributes, in this order (the id is always fully percent-encoded when written).</summary>
    /// <exception cref="ArgumentException">An unknown, repeated or malformed attribute, as <see cref="Parse"/> would refuse it.</exception>
    public static Pkcs11Uri Create(IEnumerable<KeyValuePair<string, byte[]>> path, IEnumerable<KeyValuePair<string, byte[]>>? query = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var error = "";
        var pathAttributes = Collect(path, PathAttributes, ref error);
        var queryAttributes = Collect(query ?? [], QueryAttributes, ref error);
        if (pathAttributes is null || queryAttributes is null || !CheckValues(pathAttributes, queryAttributes, ref error))
            throw new ArgumentException($"not a PKCS#11 URI: {error}", nameof(path));
        return new Pkcs11Uri(pathAttributes, queryAttributes);
    }

    private static Dictionary<string, byte[]>? Collect(IEnumerable<KeyValuePair<string, byte[]>> attributes, string[] known, ref string error)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!IsAttributeName(name, known, ref error))
                return null;
            if (!result.TryAdd(name, (byte[])value.Clone()))
            {
                error = $"attribute '{name}' appears twice";
                return null;
            }
        }
        return result;
    }

    /// <summary>
    /// The URI of an object on this URI's token: its token attributes (token, manufacturer, serial,
    /// model) and then <paramref name="id"/> and the type of <paramref name="objectClass"/>; no query, so no PIN.
    /// </summary>
    /// <exception cref="ArgumentException">RFC 7512 has no type= for <paramref name="objectClass"/>.</exception>
    public Pkcs11Uri ObjectUri(byte[] id, ObjectClass objectClass)
    {
        ArgumentNullException.ThrowIfNull(id);
        var type = TypeName(objectClass) ?? throw new ArgumentException($"RFC 7512 has no type for {objectClass}", nameof(objectClass));
        var path = Path.Where(a => a.Key is "token" or "manufacturer" or "serial" or "model").ToList();
        path.Add(new("id", id));
        path.Add(new("type", Encoding.UTF8.GetBytes(type)));
        return Create(path);
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

    private static bool CheckValues(Dictionary<string, byte[]> path, Dictionary<string, byte[]> query, ref string error)
    {
        if (path.TryGetValue("type", out var type) && !TryGetObjectClass(Encoding.UTF8.GetString(type), out _))
        {
            error = $"type '{Encoding.UTF8.GetString(type)}' is not {string.Join(", ", Types[..^1].Select(t => t.Type))} or {Types[^1].Type}";
            return false;
        }
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
        if (query.ContainsKey("pin-value") && query.ContainsKey("pin-source"))
        {
            error = "pin-value and pin-source exclude each other (RFC 7512 §2.3)";
            return false;
        }
        return true;
    }

    // A standard name, or a vendor's: RFC 7512 §2.3 pk11-v-attr-nm-char is ALPHA / DIGIT / "-" / "_",
    // and CardKit wants the "x-" prefix the RFC recommends.
    private static bool IsAttributeName(string name, string[] known, ref string error)
    {
        if (known.Contains(name))
            return true;
        if (name.StartsWith("x-", StringComparison.Ordinal) && name.Length > 2 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return true;
        error = name.StartsWith("x-", StringComparison.Ordinal)
            ? $"vendor attribute '{name}' has characters other than letters, digits, '-' and '_'"
            : $"unknown attribute '{name}' (vendor attributes start with x-)";
        return false;
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
            if (!IsAttributeName(name, known, ref error))
            {
                offset = position;
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
    public override string ToString() => Format(redact: false);

    /// <summary>The URI text with the value of pin-value replaced by "***", for messages.</summary>
    public string Redacted() => Format(redact: true);

    /// <summary>"pkcs11:" and the path attributes only (no query: no PIN).</summary>
    public string PathText() => Scheme + string.Join(';', Path.Select(kv => $"{kv.Key}={Encode(kv.Value, all: kv.Key == "id")}"));

    private string Format(bool redact)
    {
        var text = new StringBuilder(PathText());
        if (Query.Count > 0)
            text.Append('?').Append(string.Join('&', Query.Select(kv => $"{kv.Key}={(redact && kv.Key == "pin-value" ? "***" : Encode(kv.Value, all: false))}")));
        return text.ToString();
    }

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

    /// <summary>The PIN the URI carries: pin-value, or the first line of the pin-source file (file: URI or path); null when it has neither.</summary>
    /// <exception cref="PinSourceException">The pin-source file cannot be read.</exception>
    public string? ResolvePin()
    {
        if (PinValue is { } pin)
            return pin;
        if (PinSource is not { } source)
            return null;
        try
        {
            return File.ReadLines(FilePath(source)).FirstOrDefault()?.TrimEnd('\r', '\n') ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UriFormatException or ArgumentException)
        {
            throw new PinSourceException(source, $"the pin-source '{source}' cannot be read: {e.Message}", e);
        }
    }

    // A pin-source is a path or a file URI (RFC 8089 §2: file:/path, file:///path, file://localhost/path).
    private static string FilePath(string source)
    {
        if (!source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return source;
        var rest = source[5..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            var host = slash < 0 ? rest[2..] : rest[2..slash];
            if (host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                throw new UriFormatException($"a file URI on another host ('{host}') cannot be read here");
            rest = slash < 0 ? "/" : rest[slash..];
        }
        return Uri.UnescapeDataString(rest);
    }

    /// <summary>True when <paramref name="other"/> has the same attributes with the same values (order does not matter).</summary>
    public bool Equals(Pkcs11Uri? other) =>
        other is not null && SameAttributes(Path, other.Path) && SameAttributes(Query, other.Query);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Pkcs11Uri);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var name in Path.Keys.Concat(Query.Keys))
            hash ^= StringComparer.Ordinal.GetHashCode(name); // order-independent, as Equals is
        return hash;
    }

    private static bool SameAttributes(IReadOnlyDictionary<string, byte[]> a, IReadOnlyDictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var value) && value.AsSpan().SequenceEqual(kv.Value));
}
