using BenchmarkDotNet.Attributes;
using CardKit.Emulator;

namespace CardKit.Benchmarks;

/// <summary>
/// The in-process virtual card path (EmulatedChannel -> card logic): issue bar is at least
/// 1,000,000 APDUs/s single-threaded and 0 B allocated per transmit.
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- --filter '*InProcess*'
/// </summary>
[MemoryDiagnoser]
public class InProcessApduBenchmarks
{
    private readonly byte[] _selectMf = Hex.Parse("00 A4 00 0C 02 3F 00");
    private readonly byte[] _readBinary = Hex.Parse("00 B0 00 00 05");
    private readonly byte[] _gsmReadRecord = Hex.Parse("A0 B2 01 04 1E");
    private readonly byte[] _response = new byte[ICardChannel.MaxShortResponse];
    private EmulatedChannel _iso = null!;
    private EmulatedChannel _sim = null!;
    private CardSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _iso = new EmulatedChannel(VirtualCards.Create("iso"));
        _iso.Transmit(Hex.Parse("00 A4 08 0C 04 50 00 50 01"), _response);
        _sim = new EmulatedChannel(VirtualCards.Create("sim"));
        _sim.Transmit(Hex.Parse("A0 20 00 01 08 31 32 33 34 FF FF FF FF"), _response);
        _sim.Transmit(Hex.Parse("A0 A4 00 00 02 7F 10"), _response);
        _sim.Transmit(Hex.Parse("A0 A4 00 00 02 6F 3A"), _response);
        _session = new CardSession(_iso);
    }

    [Benchmark]
    public int ReadBinary() => _iso.Transmit(_readBinary, _response);

    [Benchmark]
    public int GsmReadRecord() => _sim.Transmit(_gsmReadRecord, _response);

    [Benchmark]
    public int ReadBinaryThroughCardSession() => _session.Transmit(_readBinary, _response);

    [Benchmark]
    public int SelectMfNoResponse() => _iso.Transmit(_selectMf, _response);
}
