using System.Text.Json;
using CardKit.Hosting.Doctor;

namespace CardKit.Hosting.Tests;

/// <summary>
/// The report as `cardkit doctor --json` prints it (HostingJsonContext), parsed back and checked field by
/// field: {status, checks: [{id, status, summary, evidence[], fix}]}.
/// </summary>
internal static class DoctorJson
{
    private static readonly string[] Statuses = ["OK", "WARN", "FAIL", "SKIP"];

    /// <summary>Serialises <paramref name="report"/>, checks every field's name and type, and returns the check <paramref name="id"/>.</summary>
    public static JsonElement Check(DoctorReport report, string id)
    {
        var json = JsonSerializer.Serialize(report, HostingJsonContext.Default.DoctorReport);
        using var document = JsonDocument.Parse(json);
        return CheckDocument(document.RootElement, id).Clone();
    }

    /// <summary>Checks a parsed report (from the library or the CLI) and returns the check <paramref name="id"/>.</summary>
    public static JsonElement CheckDocument(JsonElement root, string id)
    {
        Assert.Equal(["status", "checks"], root.EnumerateObject().Select(p => p.Name));
        Assert.Contains(root.GetProperty("status").GetString(), Statuses);
        JsonElement? found = null;
        foreach (var check in root.GetProperty("checks").EnumerateArray())
        {
            Assert.Equal(["id", "status", "summary", "evidence", "fix"], check.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.String, check.GetProperty("id").ValueKind);
            Assert.Contains(check.GetProperty("status").GetString(), Statuses);
            Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("summary").GetString()));
            Assert.All(check.GetProperty("evidence").EnumerateArray(), e => Assert.Equal(JsonValueKind.String, e.ValueKind));
            Assert.Contains(check.GetProperty("fix").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            if (check.GetProperty("id").GetString() == id)
                found = check;
        }
        Assert.True(found.HasValue, $"no check '{id}' in the JSON");
        return found.Value;
    }

    public static string Status(this JsonElement check) => check.GetProperty("status").GetString()!;

    public static string Summary(this JsonElement check) => check.GetProperty("summary").GetString()!;

    public static string? Fix(this JsonElement check) => check.GetProperty("fix").GetString();

    public static IReadOnlyList<string> Evidence(this JsonElement check) =>
        [.. check.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!)];
}
