using System.Globalization;
using System.Xml;

namespace CardKit.Hosting.Doctor;

/// <summary>
/// One USB reader driver bundle of pcscd (DIR/NAME.bundle/Contents/Info.plist) and the readers it
/// lists: pcscd's hot-plug code loads a driver for a USB device only when its vendor and product
/// ids are in these parallel arrays (ifdVendorID, ifdProductID, ifdFriendlyName).
/// </summary>
internal sealed record ReaderDriver(string Bundle, string? Version, IReadOnlyList<(int Vendor, int Product, string Name)> Readers)
{
    /// <summary>"ifd-ccid.bundle 1.5.2".</summary>
    public string Describe() => Version is null ? Bundle : $"{Bundle} {Version}";

    /// <summary>The friendly name the driver gives <paramref name="vendor"/>:<paramref name="product"/>, or null when it does not list it.</summary>
    public string? Lists(int vendor, int product) =>
        Readers.Where(r => r.Vendor == vendor && r.Product == product).Select(r => r.Name).FirstOrDefault();

    /// <summary>Every bundle under <paramref name="dropDirectory"/> (pcscd's usbdropdir).</summary>
    public static IReadOnlyList<ReaderDriver> ReadAll(string dropDirectory)
    {
        if (!Directory.Exists(dropDirectory))
            return [];
        var drivers = new List<ReaderDriver>();
        foreach (var bundle in Directory.EnumerateDirectories(dropDirectory, "*.bundle").Order(StringComparer.Ordinal))
        {
            var plist = Path.Combine(bundle, "Contents", "Info.plist");
            if (!File.Exists(plist))
                continue;
            try
            {
                using var stream = File.OpenRead(plist);
                drivers.Add(Parse(Path.GetFileName(bundle), stream));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
            {
                drivers.Add(new ReaderDriver(Path.GetFileName(bundle), null, []));
            }
        }
        return drivers;
    }

    /// <summary>Reads an Info.plist (Apple property list XML: dict of key followed by string or array of strings).</summary>
    /// <exception cref="XmlException">The file is not well-formed XML.</exception>
    public static ReaderDriver Parse(string bundle, Stream plist)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(plist, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            XmlResolver = null,
        });
        string? key = null;
        List<string>? array = null;
        reader.MoveToContent();
        while (!reader.EOF)
        {
            var element = reader.NodeType == XmlNodeType.Element;
            if (element && reader.Name == "key")
            {
                key = reader.ReadElementContentAsString().Trim();
                array = null;
                continue; // ReadElementContentAsString moved past the element
            }
            if (element && reader.Name == "string" && key is not null)
            {
                var text = reader.ReadElementContentAsString().Trim();
                if (array is not null)
                {
                    array.Add(text);
                }
                else
                {
                    values[key] = [text];
                    key = null;
                }
                continue;
            }
            if (element && reader.Name == "array" && key is not null)
            {
                values[key] = array = [];
                if (reader.IsEmptyElement)
                    (array, key) = (null, null);
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Name == "array")
            {
                (array, key) = (null, null);
            }
            else if (element && array is null && reader.Name is not ("dict" or "plist"))
            {
                key = null; // a value of another type (<true/>, <integer>)
            }
            reader.Read();
        }
        var vendors = values.GetValueOrDefault("ifdVendorID") ?? [];
        var products = values.GetValueOrDefault("ifdProductID") ?? [];
        var names = values.GetValueOrDefault("ifdFriendlyName") ?? [];
        var readers = new List<(int, int, string)>();
        for (var i = 0; i < Math.Min(vendors.Count, products.Count); i++)
        {
            if (TryHex(vendors[i], out var vendor) && TryHex(products[i], out var product))
                readers.Add((vendor, product, i < names.Count ? names[i] : ""));
        }
        return new ReaderDriver(bundle, values.GetValueOrDefault("CFBundleShortVersionString")?.FirstOrDefault(), readers);
    }

    /// <summary>"0x072F" or "072f" as a number.</summary>
    public static bool TryHex(string text, out int value)
    {
        var span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            span = span[2..];
        return int.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
