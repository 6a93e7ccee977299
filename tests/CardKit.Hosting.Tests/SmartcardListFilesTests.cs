using CardKit.Testing;

namespace CardKit.Hosting.Tests;

public class SmartcardListFilesTests
{
    [Fact]
    public void The_search_path_starts_in_the_user_cache_and_ends_with_pcsc_tools_copies()
    {
        var path = SmartcardListFiles.SearchPath();
        Assert.EndsWith("smartcard_list.txt", path[0], StringComparison.Ordinal);
        Assert.Equal("/usr/share/pcsc/smartcard_list.txt", path[2]);
        Assert.Equal("/usr/local/share/pcsc/smartcard_list.txt", path[3]);
    }

    [Fact]
    public void The_installed_list_is_found()
    {
        var found = SmartcardListFiles.FindDefault();
        Assert.NotNull(found);
        Assert.True(File.Exists(found));
    }

    [Fact]
    public void A_file_is_loaded_with_its_path_as_source_and_matched_by_streaming()
    {
        using var file = TempPath.WithText("3B 02 14 50\n\tA test card\n\n3B 02 14 ..\n\tAny\n", ".txt");
        var list = SmartcardListFiles.Load(file.Path);
        Assert.Equal(file.Path, list.Source);
        Assert.Equal(2, list.Match(Hex.Parse("3B 02 14 50")).Count);
        Assert.Equal(["A test card", "Any"], SmartcardListFiles.Match(file.Path, Hex.Parse("3B 02 14 50")).Select(e => e.Descriptions[0]));
    }

    [Fact]
    public void A_missing_file_is_a_FileNotFoundException()
    {
        using var directory = TempPath.Directory();
        Assert.Throws<FileNotFoundException>(() => SmartcardListFiles.Load(directory.Combine("smartcard_list.txt")));
        Assert.Throws<FileNotFoundException>(() => SmartcardListFiles.Match(directory.Combine("smartcard_list.txt"), [0x3B]));
    }
}
