namespace CardKit.Hosting.Doctor;

/// <summary>
/// What one check found: its verdict, one sentence, the facts it saw (files, processes, versions)
/// and, when something is wrong, the exact fix (a command or a configuration line).
/// </summary>
/// <param name="Id">The check's stable name ("pcscd", "protocol", "holders", ...).</param>
/// <param name="Status">OK, WARN, FAIL or SKIP.</param>
/// <param name="Summary">One sentence: what was found, or why the check was skipped.</param>
/// <param name="Evidence">The facts behind the verdict, one per line.</param>
/// <param name="Fix">What to do (a command or a configuration line), or null when nothing needs doing.</param>
public sealed record DoctorCheckResult(
    string Id,
    DoctorStatus Status,
    string Summary,
    IReadOnlyList<string> Evidence,
    string? Fix)
{
    /// <summary>A check that does not apply here, with the reason.</summary>
    public static DoctorCheckResult Skipped(string id, string reason) => new(id, DoctorStatus.Skip, reason, [], null);
}
