using System.Text.Json;
using CardKit.Atr;

namespace CardKit.Tests.Atr;

public class AtrStatisticsTests
{
    [Fact]
    public void The_corpus_of_a_list_is_its_wildcard_free_entries()
    {
        var list = SmartcardList.Parse("3B 02 14 50\n\tone\n\n3B 02 14 ..\n\twildcard\n\n3B 0[12] 14 50\n\tclass\n\n3B 80 81 11 00 10\n\tdefective\n");
        var corpus = AtrCorpus.FromList(list).Select(a => a.ToString()).ToList();
        Assert.Equal(["3B 02 14 50", "3B 80 81 11 00 10"], corpus);
    }

    [Fact]
    public void The_corpus_of_a_text_skips_lines_that_are_not_ATRs()
    {
        var corpus = AtrCorpus.FromLines(new StringReader("3B 02 14 50\n# comment\n\nnot hex\n 3B 40 FF \n")).Select(a => a.ToString());
        Assert.Equal(["3B 02 14 50", "3B 40 FF"], corpus);
    }

    [Fact]
    public void The_report_counts_values_most_frequent_first_and_absences()
    {
        var stats = AtrStatistics.Of(AtrCorpus.FromLines(new StringReader("3B 02 14 50\n3B 02 14 50\n3B 40 FF\n3B 80 81 11 00 10\n")));
        var report = stats.Report();
        Assert.Equal(4, report.Atrs);
        Assert.Equal(1, report.Defective);
        Assert.Equal(["02", "40", "80"], report.T0!.Values.Keys);
        Assert.Equal(2, report.T0.Values["02"]);
        Assert.Equal(3, report.TC1!.Absent);
        Assert.Equal(1, report.TC1.Values["FF"]);
    }

    [Fact]
    public void The_JSON_has_atrs_defective_and_one_object_per_field_asked_for()
    {
        var stats = AtrStatistics.Of([AtrParser.Parse("3B 02 14 50"), AtrParser.Parse("3B 40 FF")]);
        var root = JsonDocument.Parse(JsonSerializer.Serialize(stats.Report(["TS", "TC1", "IFSC"]), CardKitJsonContext.Default.AtrStatisticsReport)).RootElement;
        Assert.Equal(["atrs", "defective", "TS", "TC1", "IFSC"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("atrs").GetInt32());
        Assert.Equal(["absent", "values"], root.GetProperty("TC1").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("TC1").GetProperty("absent").GetInt32());
        Assert.Equal(1, root.GetProperty("TC1").GetProperty("values").GetProperty("FF").GetInt32());
        Assert.Equal(2, root.GetProperty("IFSC").GetProperty("absent").GetInt32());
        Assert.Empty(root.GetProperty("IFSC").GetProperty("values").EnumerateObject());
    }

    [Fact]
    public void The_full_report_has_every_field()
    {
        var stats = AtrStatistics.Of([AtrParser.Parse("3B 02 14 50")]);
        var root = JsonDocument.Parse(JsonSerializer.Serialize(stats.Report(), CardKitJsonContext.Default.AtrStatisticsReport)).RootElement;
        Assert.Equal(["atrs", "defective", .. AtrStatistics.Fields], root.EnumerateObject().Select(p => p.Name));
    }
}
