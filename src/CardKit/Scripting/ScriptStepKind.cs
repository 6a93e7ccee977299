using System.Text.Json.Serialization;

namespace CardKit.Scripting;

/// <summary>What a script line asks for. In JSON: "apdu", "reset", "exit".</summary>
public enum ScriptStepKind
{
    /// <summary>Send a command APDU (and check the response when an expectation follows '=').</summary>
    [JsonStringEnumMemberName("apdu")]
    Apdu,

    /// <summary>Reset the card ("reset" anywhere on the line, as scriptor reads it).</summary>
    [JsonStringEnumMemberName("reset")]
    Reset,

    /// <summary>Stop the script ("exit").</summary>
    [JsonStringEnumMemberName("exit")]
    Exit,
}
