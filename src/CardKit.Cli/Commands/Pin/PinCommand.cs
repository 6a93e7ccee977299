using System.CommandLine;
using CardKit.Ccid;
using CardKit.Hosting;
using CardKit.Pcsc;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Pin;

/// <summary>
/// `cardkit pin verify|change`: CHV1/PIN1 of a SIM or USIM, typed on the reader's pin pad (--pinpad, PC/SC
/// Part 10) or on the keyboard without echo. The attempts left are read first; a PIN is not tried on the
/// last attempt without --force, and never retried.
/// </summary>
internal static class PinCommand
{
    private static readonly Dictionary<string, PinFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ascii"] = PinFormat.AsciiPadded,
        ["bcd"] = PinFormat.BcdPadded,
        ["iso9564-2"] = PinFormat.Iso9564Format2,
    };

    public static Command Create(CliOutput output)
    {
        var command = new Command("pin", "Verify or change CHV1/PIN1, typed on the reader's pin pad or on the keyboard (not echoed).");
        command.Subcommands.Add(Create(output, change: false));
        command.Subcommands.Add(Create(output, change: true));
        return command;
    }

    private static Command Create(CliOutput output, bool change)
    {
        var card = new CardOptions();
        var pinPad = new Option<bool>("--pinpad") { Description = "Type the PIN on the reader's pin pad (PC/SC Part 10); the PIN never reaches this computer." };
        var format = new Option<string>("--format")
        {
            Description = "How the pin pad writes the PIN: ascii (GSM/UICC: ASCII digits, FF padding; the default), bcd, iso9564-2.",
            DefaultValueFactory = _ => "ascii",
        };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var force = new Option<bool>("--force") { Description = "Try the PIN even when only one attempt is left (a wrong PIN then blocks the card)." };
        var command = change
            ? new Command("change", "CHANGE CHV1: the current PIN, then the new one twice.") { pinPad, format, force }
            : new Command("verify", "VERIFY CHV1 once.") { pinPad, format, force };
        card.AddTo(command);
        command.SetAction(parse =>
        {
            var pinFormat = Formats[parse.GetValue(format)!];
            var usePad = parse.GetValue(pinPad);
            if (!usePad && !change && pinFormat != PinFormat.AsciiPadded)
                throw CliException.Usage("--format tells a pin pad how to write the PIN; it needs --pinpad (a typed PIN goes in the card's ASCII format)");
            var reader = CardReaders.Open(parse.GetValue(card.Reader), prompt => SecretPrompt.Read(output, $"[virtual pin pad] {Prompt(prompt, change)}: "));
            using var channel = parse.GetValue(card.Trace) ? new TracingChannel(reader, new TextTraceObserver(output.Error)) : reader;
            IPinEntry entry = usePad
                ? OpenPinPad(reader, change)
                : new SoftwarePinPad(channel, prompt => SecretPrompt.Read(output, $"{Prompt(prompt, change)}: "));
            var sim = SimSession.Open(channel);
            try
            {
                var outcome = change
                    ? SimPinOperations.ChangeChv1(sim, entry, pinFormat, parse.GetValue(force))
                    : usePad
                        ? SimPinOperations.VerifyChv1(sim, entry, pinFormat, parse.GetValue(force))
                        : VerifyTyped(sim, output, parse.GetValue(force));
                output.Out.WriteLine(Describe(outcome, entry));
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage(e.Message);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static PinPad OpenPinPad(ICardChannel reader, bool change)
    {
        try
        {
            var pad = PinPad.Open(reader);
            if (change ? pad.CanModify : pad.CanVerify)
                return pad;
            throw new PinPadUnavailableException(pad.ReaderName,
                $"the pin pad of reader '{pad.ReaderName}' does not {(change ? "change" : "verify")} PINs (no FEATURE_{(change ? "MODIFY" : "VERIFY")}_PIN_DIRECT)");
        }
        catch (PinPadUnavailableException e)
        {
            throw CliException.Environment(e.Message +
                ". Without --pinpad, cardkit asks for the PIN here instead (not echoed), after checking the attempts left.");
        }
    }

    // The keyboard path for VERIFY is SimSession's own: it checks the attempts left and never retries.
    private static PinOutcome VerifyTyped(SimSession sim, CliOutput output, bool force)
    {
        var status = sim.ReadChv1Status();
        if (!status.Enabled)
            return PinOutcome.NotNeeded;
        if (status.Verified)
            return PinOutcome.AlreadyVerified;
        var pin = SecretPrompt.Read(output, "PIN: ") ?? throw CliException.Usage("no PIN was typed");
        sim.VerifyChv1(pin, force);
        return PinOutcome.Verified;
    }

    private static string Prompt(PinPadPrompt prompt, bool change) => prompt switch
    {
        PinPadPrompt.EnterPin => change ? "Current PIN" : "PIN",
        PinPadPrompt.EnterNewPin => "New PIN",
        _ => "New PIN again",
    };

    private static string Describe(PinOutcome outcome, IPinEntry entry) => outcome switch
    {
        PinOutcome.Verified => $"CHV1 verified (typed on {entry.Description}).",
        PinOutcome.Changed => $"CHV1 changed (typed on {entry.Description}).",
        PinOutcome.AlreadyVerified => "CHV1 is already verified; nothing was sent.",
        _ => "CHV1 is disabled: no PIN is needed; nothing was sent.",
    };
}
