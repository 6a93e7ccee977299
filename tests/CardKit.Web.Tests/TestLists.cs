namespace CardKit.Web.Tests;

/// <summary>A small smartcard_list.txt the tests control (the installed one changes with pcsc-tools).</summary>
public static class TestLists
{
    public const string Mifare1K = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
    public const string Unknown = "3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2";
    public const string AlsoUnknown = "3B 02 14 50";

    public const string Text = """
        # test list
        3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A
        	NXP/Philips MIFARE Classic 1K (as per PCSC std part3)
        	https://www.nxp.com/

        3B 8F 80 01 80 4F 0C A0 00 00 03 06 .. 00 01 00 00 00 00 ..
        	MIFARE Classic 1K (as per PCSC std part3)

        3B FA 13 00 FF 81 31 80 45 00 31 C1 73 C0 01 00 00 90 00 B1
        	OpenPGP Card V2

        3B 81 80 01 80 80
        	Mifare DESFire

        """;

    /// <summary>Writes the list into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory)
    {
        var path = Path.Combine(directory, "smartcard_list.txt");
        File.WriteAllText(path, Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }
}
