namespace CardKit.Pcsc.Internal;

/// <summary>Picks the platform's <see cref="IPcscApi"/>.</summary>
internal static class PcscApi
{
    private static readonly Lazy<IPcscApi> Platform = new(Create);

    public static IPcscApi Current => Platform.Value;

    private static IPcscApi Create()
    {
        if (OperatingSystem.IsWindows())
            return new WinScardApi();
        if (OperatingSystem.IsMacOS())
            return new MacPcscApi();
        return new PcscLiteApi();
    }

    /// <summary>Splits a PC/SC multi-string (names separated by NUL, ended by an empty name).</summary>
    public static string[] SplitMultiString(string value) =>
        value.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    public static int Clamp(ulong length, int max) => length > (ulong)max ? max : (int)length;
}
