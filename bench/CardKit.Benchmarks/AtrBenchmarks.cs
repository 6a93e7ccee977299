using BenchmarkDotNet.Attributes;
using CardKit.Atr;

namespace CardKit.Benchmarks;

/// <summary>
/// ATR parse (bar: 2,000,000/s, nothing allocated beyond the result) and identification against the
/// installed smartcard_list.txt (bar: 5 us median).
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- --filter '*Atr*'
/// </summary>
[MemoryDiagnoser]
public class AtrBenchmarks
{
    private readonly byte[] _uicc = Hex.Parse("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2");
    private readonly byte[] _mifare = Hex.Parse("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");
    private readonly byte[] _unknown = Hex.Parse("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00");
    private SmartcardList _list = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var reader = new StreamReader("/usr/share/pcsc/smartcard_list.txt");
        _list = SmartcardList.Parse(reader);
    }

    [Benchmark]
    public AnswerToReset ParseUicc() => AtrParser.Parse(_uicc);

    [Benchmark]
    public AnswerToReset ParseMifare() => AtrParser.Parse(_mifare);

    [Benchmark]
    public int IdentifyMifare() => _list.Match(_mifare).Count;

    [Benchmark]
    public int IdentifyUnknown() => _list.Match(_unknown).Count;

    [Benchmark]
    public int Explain() => AtrExplanation.Explain(AtrParser.Parse(_uicc)).Count;
}
