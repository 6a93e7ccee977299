using CardKit.Atr;
using CardKit.Capture;

namespace CardKit.Emulator;

/// <summary>
/// A virtual card that plays a recorded session back: it answers with the recorded ATR and, for
/// each command, the response recorded for the same command in order. The first command that
/// differs is kept in <see cref="FirstDifference"/> and reported through <see cref="Diverged"/>;
/// the card then looks further on in the recording for the command and answers 6F00 (no precise
/// diagnosis, ISO/IEC 7816-4:2020 §5.6) when it is nowhere.
/// </summary>
public sealed class ReplayCard : VirtualCard
{
    private readonly RecordedSession _session;
    private readonly byte[] _atr;
    private int _next;
    private int _received;

    /// <summary>A card for <paramref name="session"/>.</summary>
    public ReplayCard(RecordedSession session)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        // A recording without an ATR still needs one for the reader: a minimal T=1 ATR.
        _atr = session.Atr.Length > 0 ? session.Atr : [0x3B, 0x80, 0x80, 0x01, 0x01];
    }

    /// <inheritdoc/>
    public override ReadOnlyMemory<byte> Atr => _atr;

    /// <inheritdoc/>
    public override string Kind => "replay";

    /// <summary>T=0 when the ATR offers it first (or nothing else), else T=1.</summary>
    public override CardProtocol Protocol => AtrParser.Parse(_atr).Protocols is [0, ..] or [] ? CardProtocol.T0 : CardProtocol.T1;

    /// <summary>The recording.</summary>
    public RecordedSession Session => _session;

    /// <summary>Commands received so far.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Recorded exchanges played so far (the position in the recording).</summary>
    public int Played => Volatile.Read(ref _next);

    /// <summary>The first command that left the recording, or null while the replay follows it.</summary>
    public ReplayDifference? FirstDifference { get; private set; }

    /// <summary>Raised once, on the first command that differs from the recording.</summary>
    public event Action<ReplayDifference>? Diverged;

    /// <inheritdoc/>
    public override int Process(ReadOnlySpan<byte> command, Span<byte> response)
    {
        var index = Interlocked.Increment(ref _received);
        var exchanges = _session.Exchanges;
        var at = _next;
        if (at >= exchanges.Count || !exchanges[at].Matches(command))
        {
            if (FirstDifference is null)
            {
                FirstDifference = new ReplayDifference(index, Hex.Format(command), at < exchanges.Count ? exchanges[at].CommandText() : null,
                    at < exchanges.Count ? exchanges[at].Frame : null);
                Diverged?.Invoke(FirstDifference);
            }
            at = -1;
            for (var i = _next; i < exchanges.Count; i++)
            {
                if (exchanges[i].Matches(command))
                {
                    at = i;
                    break;
                }
            }
            if (at < 0)
            {
                response[0] = 0x6F;
                response[1] = 0x00;
                return 2;
            }
        }
        var recorded = exchanges[at].Response;
        if (recorded.Length > response.Length)
        {
            response[0] = 0x6F;
            response[1] = 0x00;
            return 2;
        }
        recorded.CopyTo(response);
        Volatile.Write(ref _next, at + 1);
        return recorded.Length;
    }

    /// <summary>A reset does not move in the recording: the recorded session goes on across resets.</summary>
    public override void Reset()
    {
    }
}
