using System.CommandLine;
using System.Globalization;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>`cardkit sim info`: kind, ICCID, IMSI when readable, CHV1 state, phone book files (<see cref="SimSession.ReadInfo"/>).</summary>
internal static class SimInfoCommand
{
    public static Command Create(CliOutput output)
    {
        var options = new SimOptions();
        var json = CardOptions.Json();
        var command = new Command("info", "Card kind, ICCID, IMSI (when the PIN allows), CHV1 state and the phone book files.") { json };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var (channel, sim) = options.Open(parse, output);
            using (channel)
            {
                var info = sim.ReadInfo();
                if (parse.GetValue(json))
                {
                    output.WriteJson(info, CardKitJsonContext.Default.SimInfo);
                    return ExitCodes.Ok;
                }
                var chv = info.Chv1;
                var attempts = chv.RemainingAttempts >= 0 ? chv.RemainingAttempts.ToString(CultureInfo.InvariantCulture) : "unknown";
                output.Out.WriteLine($"Card:       {(info.Kind == SimKind.Gsm ? "GSM SIM (GSM 11.11, class A0)" : "UICC with USIM (TS 102 221 / TS 31.102, class 00)")}");
                output.Out.WriteLine($"ATR:        {info.Atr}");
                output.Out.WriteLine($"ICCID:      {info.Iccid}");
                output.Out.WriteLine($"IMSI:       {info.Imsi ?? "(needs the PIN: --pin or --pin-env)"}");
                output.Out.WriteLine($"CHV1:       {(chv.Enabled ? "enabled" : "disabled")}, {attempts} attempt(s) left{(chv.Blocked ? " (BLOCKED)" : "")}");
                output.Out.WriteLine($"Phone book: {info.Phonebook.Location}");
                foreach (var file in info.Phonebook.Files)
                    output.Out.WriteLine($"  {file.Name,-9} {file.Fid:X4}: {file.RecordCount} records of {file.RecordLength} bytes ({file.Size} bytes)");
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
