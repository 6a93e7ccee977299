namespace CardKit.Pkcs11;

/// <summary>Where a PIN comes from, in this order: the URI (pin-value=, pin-source=), a PIN given as such, an environment variable.</summary>
public static class Pins
{
    /// <summary>The PIN from <paramref name="uri"/>, else <paramref name="pin"/>, else the variable <paramref name="environmentVariable"/>; null when none of them is given.</summary>
    /// <exception cref="PinSourceException">The variable is not set, or the URI's pin-source cannot be read.</exception>
    public static string? Resolve(Pkcs11Uri? uri, string? pin = null, string? environmentVariable = null) =>
        uri?.ResolvePin() ?? pin ?? (environmentVariable is null ? null : FromEnvironment(environmentVariable));

    /// <summary>The PIN held by the environment variable <paramref name="variable"/>.</summary>
    /// <exception cref="PinSourceException">It is not set.</exception>
    public static string FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return Environment.GetEnvironmentVariable(variable)
            ?? throw new PinSourceException(variable, $"the environment variable {variable} is not set");
    }
}
