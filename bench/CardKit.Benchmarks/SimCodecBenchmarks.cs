using BenchmarkDotNet.Attributes;
using CardKit.Sim;

namespace CardKit.Benchmarks;

/// <summary>
/// ADN record decoding (issue bar: 1,000,000 records/s single-threaded) and encoding.
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- --filter '*SimCodec*'
/// </summary>
[MemoryDiagnoser]
public class SimCodecBenchmarks
{
    private readonly byte[] _gsm = Hex.Parse("566F696365204D61696CFFFFFFFFFFFF07918150367742F3FFFFFFFFFFFF");
    private readonly byte[] _ucs2 = Hex.Parse("809673539A5764002F004DFFFFFFFFFF068121436587F9FFFFFFFFFFFFFF");
    private readonly byte[] _ucs2Base = Hex.Parse("820505302D82D32D31FFFFFFFFFFFFFF07917314103254F6FFFFFFFFFFFF");
    private readonly byte[] _empty = Hex.Parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");

    [Benchmark]
    public AdnRecord DecodeGsm() => AdnRecord.Decode(1, _gsm);

    [Benchmark]
    public AdnRecord DecodeUcs2() => AdnRecord.Decode(2, _ucs2);

    [Benchmark]
    public AdnRecord DecodeUcs2Base() => AdnRecord.Decode(4, _ucs2Base);

    [Benchmark]
    public AdnRecord DecodeEmpty() => AdnRecord.Decode(9, _empty);

    [Benchmark]
    public byte[] EncodeCyrillic() => AdnRecord.Encode("гдеST", "+74951234567", 30);
}
