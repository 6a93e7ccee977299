namespace CardKit.Sim;

/// <summary>
/// What writing a list of contacts would do: every record in write order, or the problems that
/// stop it. A plan with problems must not be written (all or nothing).
/// </summary>
/// <param name="Writes">The records to write, each companion record before the EF_IAP record that links it; empty when there are problems.</param>
/// <param name="Problems">What stops the plan; empty when it can be written.</param>
/// <param name="Dropped">Fields left out because the card cannot hold them (only when the caller allowed dropping them).</param>
public sealed record PhonebookWritePlan(IReadOnlyList<PlannedWrite> Writes, IReadOnlyList<WriteProblem> Problems, IReadOnlyList<WriteProblem> Dropped)
{
    /// <summary>True when nothing stops the plan.</summary>
    public bool CanWrite => Problems.Count == 0;
}
