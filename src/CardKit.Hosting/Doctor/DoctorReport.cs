namespace CardKit.Hosting.Doctor;

/// <summary>Every check of one doctor run, in a fixed order, and the worst verdict among them.</summary>
/// <param name="Status">FAIL if any check failed, else WARN if any warned, else OK.</param>
/// <param name="Checks">One result per check.</param>
public sealed record DoctorReport(DoctorStatus Status, IReadOnlyList<DoctorCheckResult> Checks)
{
    /// <summary>A report over <paramref name="checks"/> with their worst verdict (SKIP counts as OK).</summary>
    public static DoctorReport Of(IReadOnlyList<DoctorCheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var status = checks.Any(c => c.Status == DoctorStatus.Fail) ? DoctorStatus.Fail
            : checks.Any(c => c.Status == DoctorStatus.Warn) ? DoctorStatus.Warn
            : DoctorStatus.Ok;
        return new DoctorReport(status, checks);
    }

    /// <summary>The result of the check named <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No check of that name ran.</exception>
    public DoctorCheckResult this[string id] =>
        Checks.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"no doctor check '{id}' in this report");
}
