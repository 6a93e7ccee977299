namespace CardKit.Atr;

/// <summary>
/// Where an ATR that no list knows can be submitted: a base URL followed by the ATR in hex without
/// spaces. The host decides the base (the CLI reads CARDKIT_ATR_SUBMIT_URL, a self-hosted service
/// points to itself); <see cref="DefaultBaseUrl"/> is Ludovic Rousseau's public service.
/// </summary>
public static class AtrSubmission
{
    /// <summary>The public service behind smartcard_list.txt.</summary>
    public const string DefaultBaseUrl = "https://smartcard-atr.apdu.fr/parse?ATR=";

    /// <summary>The submission link for <paramref name="atr"/> under <paramref name="baseUrl"/> (null or empty: <see cref="DefaultBaseUrl"/>).</summary>
    public static string Link(ReadOnlySpan<byte> atr, string? baseUrl = null) =>
        (string.IsNullOrEmpty(baseUrl) ? DefaultBaseUrl : baseUrl) + Hex.Format(atr, '\0');
}
