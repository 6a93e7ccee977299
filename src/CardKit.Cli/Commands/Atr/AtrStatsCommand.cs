using System.CommandLine;
using System.Globalization;
using CardKit.Atr;

namespace CardKit.Cli.Commands.Atr;

/// <summary>`cardkit atr stats`: value distributions over the ATR list (its wildcard-free entries) or a file of ATRs.</summary>
internal static class AtrStatsCommand
{
    public static Command Create(CliOutput output)
    {
        var list = new Option<string?>("--list") { Description = "smartcard_list.txt whose wildcard-free ATRs form the corpus (default: the installed one)." };
        var input = new Option<string?>("--input") { Description = "A file with one ATR per line instead of the list." };
        var field = new Option<string?>("--field") { Description = $"One field in full: {string.Join(", ", AtrStatistics.Fields)}." };
        var svg = new Option<string?>("--svg") { Description = "Write an SVG bar chart of --field (default TA1) to this file." };
        var format = new Option<string>("--format", "-f") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("stats", "Statistics over a corpus of ATRs: per-byte value distributions, IFSC, supply classes, protocols.") { list, input, field, svg, format };
        command.SetAction(parse =>
        {
            var stats = Statistics(parse.GetValue(list), parse.GetValue(input), output);
            var fields = parse.GetValue(field) is { } one ? [Check(one)] : AtrStatistics.Fields;
            var distributions = fields.Select(stats.Distribution).ToList();
            if (parse.GetValue(svg) is { } svgPath)
            {
                File.WriteAllText(svgPath, AtrStatistics.Svg(stats.Distribution(parse.GetValue(field) ?? "TA1")));
                output.Error.WriteLine($"wrote {svgPath}");
            }
            var top = parse.GetValue(field) is null ? 5 : int.MaxValue;
            switch (parse.GetValue(format))
            {
                case "csv":
                    output.Out.WriteLine("field,value,count,percent");
                    foreach (var d in distributions)
                    {
                        foreach (var (value, count) in d.Values.Append(("absent", d.Absent)))
                            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Field},\"{value}\",{count},{d.Percent(count):0.##}"));
                    }
                    break;
                case "json":
                    output.WriteJson(stats.Report(fields), CardKitJsonContext.Default.AtrStatisticsReport);
                    break;
                default:
                    output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stats.Count} ATRs, {stats.Defective} with defects"));
                    foreach (var d in distributions)
                    {
                        var shown = d.Values.Take(top).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Value} {d.Percent(v.Count):0.##}%"));
                        var more = d.Values.Count > top ? $", {d.Values.Count - top} more" : "";
                        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Field,-9} absent {d.Percent(d.Absent):0.##}%; {string.Join(", ", shown)}{more}"));
                    }
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Check(string field) => AtrStatistics.Fields.Contains(field)
        ? field
        : throw CliException.Usage($"unknown field '{field}': use one of {string.Join(", ", AtrStatistics.Fields)}");

    private static AtrStatistics Statistics(string? listPath, string? inputPath, CliOutput output)
    {
        if (inputPath is not null)
        {
            if (!File.Exists(inputPath))
                throw CliException.Usage($"input '{inputPath}' not found");
            using var reader = new StreamReader(inputPath);
            return AtrStatistics.Of(AtrCorpus.FromLines(reader));
        }
        var list = AtrLists.Load(listPath, output) ?? throw CliException.Environment("no ATR list to compute statistics on; give --list or --input");
        return AtrStatistics.Of(AtrCorpus.FromList(list));
    }
}
