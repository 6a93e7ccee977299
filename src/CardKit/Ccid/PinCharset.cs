namespace CardKit.Ccid;

/// <summary>Which characters a PIN may hold (CryptoTokenKit's TKSmartCardPINCharset has the same three).</summary>
public enum PinCharset
{
    /// <summary>Digits 0-9 only: what a pin pad's keys can type.</summary>
    Numeric,

    /// <summary>ASCII letters and digits.</summary>
    Alphanumeric,

    /// <summary>Any text, written as UTF-8.</summary>
    Utf8,
}
