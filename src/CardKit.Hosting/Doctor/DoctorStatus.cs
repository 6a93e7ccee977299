using System.Text.Json.Serialization;

namespace CardKit.Hosting.Doctor;

/// <summary>The verdict of one doctor check, from best to worst: OK, WARN, FAIL; SKIP when it could not run here.</summary>
public enum DoctorStatus
{
    /// <summary>Nothing wrong was found.</summary>
    [JsonStringEnumMemberName("OK")]
    Ok,

    /// <summary>Not broken now, but a known cause of trouble (the fix says what to change).</summary>
    [JsonStringEnumMemberName("WARN")]
    Warn,

    /// <summary>Smart cards will not work until the fix is applied.</summary>
    [JsonStringEnumMemberName("FAIL")]
    Fail,

    /// <summary>The check does not apply to this machine (the summary says why).</summary>
    [JsonStringEnumMemberName("SKIP")]
    Skip,
}
