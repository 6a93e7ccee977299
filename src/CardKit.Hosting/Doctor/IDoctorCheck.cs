namespace CardKit.Hosting.Doctor;

/// <summary>One doctor check: looks at the machine through the shared <see cref="DoctorContext"/> and says what it found.</summary>
internal interface IDoctorCheck
{
    /// <summary>The stable name in the report ("pcscd", "protocol", ...).</summary>
    string Id { get; }

    Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
