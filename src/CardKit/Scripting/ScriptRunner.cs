namespace CardKit.Scripting;

/// <summary>
/// Runs a parsed script (<see cref="ApduScript.Parse(TextReader)"/>) on a card, one step at a time as
/// the results are enumerated, so a host shows each step as it happens. An "exit" step ends the run
/// (its result is the last); expectations are checked against the whole response, or only the
/// status word when that is all they give.
/// </summary>
public sealed class ScriptRunner
{
    private readonly List<int> _mismatches = [];

    /// <summary>A runner that sends through <paramref name="session"/> (T=0 response handling unless raw).</summary>
    public ScriptRunner(CardSession session)
    {
        Session = session ?? throw new ArgumentNullException(nameof(session));
    }

    /// <summary>The session the steps go through.</summary>
    public CardSession Session { get; }

    /// <summary>How many expectations were checked so far.</summary>
    public int Checked { get; private set; }

    /// <summary>The lines whose expectation was not met so far, in order.</summary>
    public IReadOnlyList<int> Mismatches => _mismatches;

    /// <summary>Runs <paramref name="steps"/> lazily: each result is produced after its step ran.</summary>
    public IEnumerable<ScriptStepResult> Run(IEnumerable<ScriptStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return RunCore(steps);
    }

    private IEnumerable<ScriptStepResult> RunCore(IEnumerable<ScriptStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case ScriptStepKind.Exit:
                    yield return new ScriptStepResult(step.Line, step.Kind, null, null, null, null, null, null);
                    yield break;
                case ScriptStepKind.Reset:
                    Session.Channel.Reset();
                    yield return new ScriptStepResult(step.Line, step.Kind, null, null, null, null, null, null)
                    {
                        Atr = Hex.Format(Session.Channel.Atr.Span),
                    };
                    continue;
            }
            var response = Session.Transmit(step.Command);
            var exchange = Iso7816.ApduExchange.Of(step.Command, response);
            bool? matched = step.Expected?.Matches(response.ToArray());
            if (matched is { } ok)
            {
                Checked++;
                if (!ok)
                    _mismatches.Add(step.Line);
            }
            yield return new ScriptStepResult(step.Line, step.Kind, exchange.Command, exchange.Data, exchange.Sw, exchange.Meaning, step.Expected?.Text, matched)
            {
                ExpectedPattern = step.Expected,
                Exchange = exchange,
                Response = response,
            };
        }
    }
}
