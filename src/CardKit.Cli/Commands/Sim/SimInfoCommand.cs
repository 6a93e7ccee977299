using System.CommandLine;
using System.Text.Json;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>`cardkit sim info`: kind, ICCID, IMSI when readable, CHV1 state, phone book files.</summary>
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
                var iccid = sim.ReadIccid();
                var chv = sim.ReadChv1Status();
                var imsi = sim.TryReadImsi();
                var layouts = sim.FindPhonebooks();
                var kind = sim.Kind == SimKind.Gsm ? "GSM SIM (GSM 11.11, class A0)" : "UICC with USIM (TS 102 221 / TS 31.102, class 00)";
                if (parse.GetValue(json))
                {
                    output.WriteJson(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", sim.Kind == SimKind.Gsm ? "gsm" : "usim");
                        w.WriteString("atr", Hex.Format(channel.Atr.Span));
                        w.WriteString("iccid", iccid);
                        if (imsi is null) w.WriteNull("imsi"); else w.WriteString("imsi", imsi);
                        w.WriteStartObject("chv1");
                        w.WriteBoolean("enabled", chv.Enabled);
                        w.WriteNumber("remainingAttempts", chv.RemainingAttempts);
                        w.WriteEndObject();
                        w.WriteStartObject("phonebook");
                        w.WriteString("location", string.Join("; ", layouts.Select(l => l.Location)));
                        foreach (var file in sim.PhonebookFiles())
                        {
                            w.WriteStartObject(file.Name);
                            w.WriteString("fid", file.Fid.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                            w.WriteNumber("recordLength", file.RecordLength);
                            w.WriteNumber("recordCount", file.RecordCount);
                            w.WriteEndObject();
                        }
                        w.WriteEndObject();
                        w.WriteEndObject();
                    });
                    return ExitCodes.Ok;
                }
                output.Out.WriteLine($"Card:       {kind}");
                output.Out.WriteLine($"ATR:        {Hex.Format(channel.Atr.Span)}");
                output.Out.WriteLine($"ICCID:      {iccid}");
                output.Out.WriteLine($"IMSI:       {imsi ?? "(needs the PIN: --pin or --pin-env)"}");
                output.Out.WriteLine($"CHV1:       {(chv.Enabled ? "enabled" : "disabled")}, {(chv.RemainingAttempts >= 0 ? chv.RemainingAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")} attempt(s) left{(chv.Blocked ? " (BLOCKED)" : "")}");
                output.Out.WriteLine($"Phone book: {string.Join("; ", layouts.Select(l => l.Location))}");
                foreach (var file in sim.PhonebookFiles())
                {
                    output.Out.WriteLine($"  {file.Name,-9} {file.Fid:X4}: {file.RecordCount} records of {file.RecordLength} bytes ({file.Size} bytes)");
                }
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
