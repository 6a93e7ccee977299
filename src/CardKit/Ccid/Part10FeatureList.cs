using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>
/// The answer to CM_IOCTL_GET_FEATURE_REQUEST: a list of TLVs, each a one-byte FEATURE_* tag, a length
/// byte of 4 and the feature's control code, big endian (PC/SC Part 10 v2.02, the IOCTL mechanism).
/// Tags CardKit does not name are kept with their control code.
/// </summary>
public sealed class Part10FeatureList
{
    private readonly KeyValuePair<Part10Feature, uint>[] _features;

    /// <summary>A list of the given features and their control codes, in the given order.</summary>
    /// <exception cref="ArgumentException">A feature appears twice.</exception>
    public Part10FeatureList(IEnumerable<KeyValuePair<Part10Feature, uint>> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        _features = [.. features];
        if (_features.Select(f => f.Key).Distinct().Count() != _features.Length)
            throw new ArgumentException("A feature appears twice.", nameof(features));
    }

    /// <summary>Every feature the reader offers with its control code, in the reader's order.</summary>
    public IReadOnlyList<KeyValuePair<Part10Feature, uint>> Features => _features;

    /// <summary>The control code of <paramref name="feature"/>, when the reader offers it.</summary>
    public bool TryGetControlCode(Part10Feature feature, out uint controlCode)
    {
        foreach (var (key, code) in _features)
        {
            if (key == feature)
            {
                controlCode = code;
                return true;
            }
        }
        controlCode = 0;
        return false;
    }

    /// <summary>True when the reader offers <paramref name="feature"/>.</summary>
    public bool Supports(Part10Feature feature) => TryGetControlCode(feature, out _);

    /// <summary>Bytes <see cref="Encode(Span{byte})"/> writes: 6 per feature.</summary>
    public int EncodedLength => 6 * _features.Length;

    /// <summary>Decodes the feature list.</summary>
    /// <exception cref="CardKitFormatException">A TLV is truncated, has a length other than 4, or repeats a tag; the offset says where.</exception>
    public static Part10FeatureList Parse(ReadOnlySpan<byte> source) =>
        TryParse(source, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes the feature list without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> source, out Part10FeatureList? result) =>
        TryParse(source, out result, out _);

    private static bool TryParse(ReadOnlySpan<byte> source, out Part10FeatureList? result, out CardKitFormatException? error)
    {
        result = null;
        error = null;
        var features = new List<KeyValuePair<Part10Feature, uint>>(source.Length / 6);
        for (var at = 0; at < source.Length; at += 6)
        {
            if (source.Length - at < 2)
            {
                error = new CardKitFormatException($"feature TLV at {at} is truncated: no length byte", source.Length);
                return false;
            }
            var tag = (Part10Feature)source[at];
            if (source[at + 1] != 4)
            {
                error = new CardKitFormatException(
                    $"feature {source[at]:X2} has length {source[at + 1]}; a control code is 4 bytes", at + 1);
                return false;
            }
            if (source.Length - at < 6)
            {
                error = new CardKitFormatException(
                    $"feature {source[at]:X2} is truncated: 4 bytes of control code, {source.Length - at - 2} present", source.Length);
                return false;
            }
            if (features.Exists(f => f.Key == tag))
            {
                error = new CardKitFormatException($"feature {source[at]:X2} appears twice", at);
                return false;
            }
            features.Add(new(tag, BinaryPrimitives.ReadUInt32BigEndian(source[(at + 2)..])));
        }
        result = new Part10FeatureList(features);
        return true;
    }

    /// <summary>Writes the TLV list; returns <see cref="EncodedLength"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedLength"/>.</exception>
    public int Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
            throw new ArgumentException($"Destination needs {EncodedLength} bytes.", nameof(destination));
        var at = 0;
        foreach (var (feature, code) in _features)
        {
            destination[at] = (byte)feature;
            destination[at + 1] = 4;
            BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 2)..], code);
            at += 6;
        }
        return at;
    }

    /// <summary>The TLV list as a new array.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        Encode(bytes);
        return bytes;
    }
}
