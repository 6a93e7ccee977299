using System.Text.Json.Serialization;

namespace CardKit.Capture;

/// <summary>A T=1 block carried by a TPDU-level XfrBlock or DataBlock (ISO/IEC 7816-3:2006 §11.3).</summary>
public sealed record SpyT1Block
{
    /// <summary>"I(0) M", "R(1) EDC/parity error", "S(WTX request) 09".</summary>
    public required string Text { get; init; }

    /// <summary>"I", "R" or "S".</summary>
    public required string Block { get; init; }

    /// <summary>NAD.</summary>
    public int Nad { get; init; }

    /// <summary>PCB.</summary>
    public int Pcb { get; init; }

    /// <summary>I-block N(S).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Ns { get; init; }

    /// <summary>I-block M (more data follows).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? More { get; init; }

    /// <summary>R-block N(R).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Nr { get; init; }

    /// <summary>R-block error: "none", "EDC/parity", "other".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>S-block function and direction: "WTX request", "IFS response", ...</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Function { get; init; }

    /// <summary>LEN.</summary>
    public int Len { get; init; }

    /// <summary>INF in hex (PIN data masked).</summary>
    public required string Inf { get; init; }

    /// <summary>The EDC received, hex.</summary>
    public required string Edc { get; init; }

    /// <summary>True when the EDC is right.</summary>
    public bool EdcOk { get; init; }

    /// <summary>The EDC it should have been, when wrong.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExpectedEdc { get; init; }
}
