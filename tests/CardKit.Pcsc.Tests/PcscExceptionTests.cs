namespace CardKit.Pcsc.Tests;

public class PcscExceptionTests
{
    [Theory]
    [InlineData(ScardError.NoService, typeof(PcscServiceException))]
    [InlineData(ScardError.ServiceStopped, typeof(PcscServiceException))]
    [InlineData(ScardError.SharingViolation, typeof(PcscReaderBusyException))]
    [InlineData(ScardError.RemovedCard, typeof(PcscCardStateException))]
    [InlineData(ScardError.ResetCard, typeof(PcscCardStateException))]
    [InlineData(ScardError.NoSmartcard, typeof(PcscCardStateException))]
    [InlineData(ScardError.UnknownReader, typeof(PcscReaderException))]
    [InlineData(ScardError.InvalidParameter, typeof(PcscException))]
    public void Create_picks_the_type_a_caller_handles(ScardError error, Type expected)
    {
        var e = PcscException.Create(error, "SCardConnect", "Reader X");
        Assert.IsType(expected, e);
        Assert.Equal(error, e.Error);
        Assert.Equal("Reader X", e.ReaderName);
        Assert.IsAssignableFrom<CardChannelException>(e);
    }

    [Theory]
    [InlineData(ScardError.NoService, "pcscd")]
    [InlineData(ScardError.ServiceStopped, "two pcsc-lite copies")]
    [InlineData(ScardError.ServiceStopped, "Flatpak")]
    [InlineData(ScardError.SharingViolation, "scdaemon")]
    [InlineData(ScardError.NoSmartcard, "Insert the card")]
    [InlineData(ScardError.ResetCard, "another program reset the card")]
    public void Messages_say_what_to_do(ScardError error, string advice)
    {
        var e = PcscException.Create(error, "SCardTransmit");
        Assert.Contains(advice, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"SCardTransmit failed: {ScardErrors.Name(error)}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_name_no_option_or_script_of_a_host()
    {
        foreach (var error in Enum.GetValues<ScardError>())
        {
            var message = PcscException.Create(error, "SCardConnect", "Reader X").Message;
            // Other tools' commands (`gpgconf --kill scdaemon`) are fine; CardKit's own options and scripts are the host's to name.
            foreach (var host in (string[])["--reader", "--pin", "--force", "emu:", "scripts/", "cardkit ", "`cardkit"])
                Assert.DoesNotContain(host, message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(ScardError.NoService, ErrorCategory.Environment)]
    [InlineData(ScardError.SharingViolation, ErrorCategory.Environment)]
    [InlineData(ScardError.UnknownReader, ErrorCategory.Environment)]
    [InlineData(ScardError.RemovedCard, ErrorCategory.CardOrData)]
    [InlineData(ScardError.InvalidParameter, ErrorCategory.CardOrData)]
    public void Every_exception_carries_its_category_code_and_operation(ScardError error, ErrorCategory category)
    {
        var e = PcscException.Create(error, "SCardConnect", "Reader X");
        Assert.Equal(category, e.Category);
        Assert.Equal(error, e.Error);
        Assert.Equal("SCardConnect", e.Operation);
        Assert.Equal(ScardErrors.Name(error), e.ErrorName);
    }

    [Fact]
    public void Unknown_codes_are_named_in_hex() =>
        Assert.Equal("0x80100099", ScardErrors.Name((ScardError)0x80100099));
}
