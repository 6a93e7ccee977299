using System.CommandLine;
using CardKit.Hosting;
using CardKit.Hosting.Doctor;

namespace CardKit.Cli.Commands;

/// <summary>`cardkit doctor`: why smart cards do not work on this machine, and the fix. Exit 0 without a FAIL, 1 with one.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliOutput output)
    {
        var json = CardOptions.Json();
        var sysfs = new Option<string?>("--sysfs")
        {
            Description = "Read USB devices from ROOT/bus/usb/devices instead of /sys.",
            HelpName = "ROOT",
        };
        var dev = new Option<bool>("--dev") { Description = "Also check what building native PC/SC code needs (winscard.h, libpcsclite.pc)." };
        var command = new Command("doctor", "Find out why smart cards do not work on this machine, and say how to fix it.") { json, sysfs, dev };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = DoctorOptions.FromEnvironment() with
            {
                SysfsRoot = parse.GetValue(sysfs) ?? "/sys",
                Development = parse.GetValue(dev),
            };
            var report = await Doctor.RunAsync(options, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
                output.WriteJson(report, HostingJsonContext.Default.DoctorReport);
            else
                WriteText(output, report);
            return report.Status == DoctorStatus.Fail ? ExitCodes.CardOrDataError : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(CliOutput output, DoctorReport report)
    {
        var width = report.Checks.Max(c => c.Id.Length);
        foreach (var check in report.Checks)
        {
            output.Out.WriteLine($"{Label(check.Status),-4}  {check.Id.PadRight(width)}  {check.Summary}");
            var indent = new string(' ', width + 8);
            foreach (var line in check.Evidence)
                output.Out.WriteLine($"{indent}- {line}");
            if (check.Fix is not null)
                output.Out.WriteLine($"{indent}fix: {check.Fix}");
        }
        var counts = report.Checks.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Label(g.Key)}");
        output.Out.WriteLine($"{Label(report.Status)}: {string.Join(", ", counts)}");
    }

    private static string Label(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "OK",
        DoctorStatus.Warn => "WARN",
        DoctorStatus.Fail => "FAIL",
        _ => "SKIP",
    };
}
