using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CardKit.Hosting.Doctor;

/// <summary>
/// The dynamic loader's cache, /etc/ld.so.cache, in glibc's "glibc-ld.so.cache1.1" format
/// (glibc sysdeps/generic/dl-cache.h, struct cache_file_new): a 48-byte header {magic[17] "glibc-ld.so.cache",
/// version[3] "1.1", uint32 nlibs, uint32 len_strings, uint8 flags, 3 padding, uint32 extension_offset,
/// uint32 unused[3]} then nlibs 24-byte entries {int32 flags, uint32 key, uint32 value, uint32 osversion,
/// uint64 hwcap}; key and value are offsets of NUL-terminated strings from the start of the file.
/// The old "ld.so-1.7.0" format (a prefix before the new one) is skipped.
/// </summary>
internal static class LdSoCache
{
    private const string Magic = "glibc-ld.so.cache1.1";
    private const int HeaderSize = 48;
    private const int EntrySize = 24;

    /// <summary>
    /// The (name, path) entries for the running architecture: the flags' low byte is FLAG_ELF_LIBC6 (3)
    /// and the required bits are FLAG_X8664_LIB64 (0x0300) on x64, FLAG_AARCH64_LIB64 (0x0a00) on arm64.
    /// A cache that does not parse gives no entries (the loader then falls back to its default paths).
    /// </summary>
    public static IReadOnlyList<(string Name, string Path)> Read(string path = "/etc/ld.so.cache")
    {
        try
        {
            return Parse(File.ReadAllBytes(path), ArchitectureFlags());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Parses a cache image; malformed or truncated data gives the entries read so far.</summary>
    public static IReadOnlyList<(string Name, string Path)> Parse(ReadOnlySpan<byte> cache, int? requiredFlags)
    {
        var entries = new List<(string, string)>();
        var start = cache.IndexOf(Encoding.ASCII.GetBytes(Magic));
        if (start < 0 || cache.Length - start < HeaderSize)
            return entries;
        var header = cache[start..];
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        for (long i = 0; i < count; i++)
        {
            var offset = HeaderSize + (i * EntrySize);
            if (offset + EntrySize > header.Length)
                break;
            var entry = header.Slice((int)offset, EntrySize);
            var flags = BinaryPrimitives.ReadInt32LittleEndian(entry);
            if ((flags & 0xFF) != 3 || (requiredFlags is { } required && (flags & 0xFF00) != required))
                continue;
            var name = StringAt(header, BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]));
            var value = StringAt(header, BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]));
            if (name is not null && value is not null)
                entries.Add((name, value));
        }
        return entries;
    }

    private static string? StringAt(ReadOnlySpan<byte> cache, uint offset)
    {
        if (offset >= cache.Length)
            return null;
        var rest = cache[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }

    private static int? ArchitectureFlags() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x0300,
        Architecture.Arm64 => 0x0A00,
        _ => null,
    };
}
