namespace CardKit.Sim;

/// <summary>A contact, or one of its fields, that a write plan cannot place.</summary>
/// <param name="Contact">The contact.</param>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Reason">What is wrong, without naming the contact: "record 1 holds \"Voice Mail\"".</param>
public sealed record WriteProblem(Contact Contact, WriteProblemKind Kind, string Reason)
{
    /// <summary>The contact as people recognise it: "\"Zoe\" +4930999".</summary>
    public string Label => Labels.Of(Contact);

    /// <summary>The contact and the reason: "\"Zoe\" +4930999: record 1 holds \"Voice Mail\"".</summary>
    public string Message => $"{Label}: {Reason}";
}
