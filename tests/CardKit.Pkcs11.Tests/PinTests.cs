using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>Where a PIN comes from: the URI first (pin-value, pin-source), then a given PIN, then an environment variable.</summary>
public class PinTests
{
    [Fact]
    public void The_URI_wins_then_the_given_PIN_then_the_variable()
    {
        var variable = "CARDKIT_TEST_PIN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            Assert.Equal("from-uri", Pins.Resolve(Pkcs11Uri.Parse("pkcs11:token=t?pin-value=from-uri"), "given", variable));
            Assert.Equal("given", Pins.Resolve(Pkcs11Uri.Parse("pkcs11:token=t"), "given", variable));
            Assert.Equal("from-env", Pins.Resolve(Pkcs11Uri.Parse("pkcs11:token=t"), null, variable));
            Assert.Equal("from-env", Pins.Resolve(null, null, variable));
            Assert.Null(Pins.Resolve(Pkcs11Uri.Parse("pkcs11:token=t")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void An_unset_variable_is_a_usage_error_that_names_it()
    {
        var variable = "CARDKIT_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        var e = Assert.Throws<PinSourceException>(() => Pins.Resolve(null, null, variable));
        Assert.Equal(variable, e.SourceName);
        Assert.Equal(ErrorCategory.Usage, e.Category);
        Assert.Equal($"the environment variable {variable} is not set", e.Message);
    }

    [Fact]
    public void A_pin_source_file_gives_its_first_line_as_a_path_or_a_file_URI()
    {
        using var file = TempPath.WithText("2468\r\nsecond line\n");
        Assert.Equal("2468", Pkcs11Uri.Parse($"pkcs11:token=t?pin-source={file.Path}").ResolvePin());
        Assert.Equal("2468", Pins.Resolve(Pkcs11Uri.Parse($"pkcs11:token=t?pin-source=file:{file.Path}"), "ignored"));
        Assert.Equal("2468", Pkcs11Uri.Parse($"pkcs11:token=t?pin-source=file://{file.Path}").ResolvePin());
        Assert.Equal("2468", Pkcs11Uri.Parse($"pkcs11:token=t?pin-source=file://localhost{file.Path}").ResolvePin());
        Assert.Contains("another host ('example.org')", Assert.Throws<PinSourceException>(() => Pkcs11Uri.Parse("pkcs11:token=t?pin-source=file://example.org/pin").ResolvePin()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pin_source_that_cannot_be_read_is_a_usage_error_not_a_crash()
    {
        using var missing = TempPath.File(".pin");
        var e = Assert.Throws<PinSourceException>(() => Pkcs11Uri.Parse($"pkcs11:token=t?pin-source=file:{missing.Path}").ResolvePin());
        Assert.Equal(ErrorCategory.Usage, e.Category);
        Assert.Contains($"the pin-source 'file:{missing.Path}' cannot be read", e.Message, StringComparison.Ordinal);
    }
}
