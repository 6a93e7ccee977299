namespace CardKit.Emulator;

/// <summary>A <see cref="VpcdClient"/> did not reach vpcd in time: pcscd or its vsmartcard-vpcd driver is not there.</summary>
public sealed class VpcdUnreachableException : CardKitException
{
    /// <summary>No connection to <paramref name="host"/>:<paramref name="port"/> within <paramref name="waited"/>.</summary>
    public VpcdUnreachableException(string host, int port, TimeSpan waited)
        : base(ErrorCategory.Environment,
            $"The virtual card could not reach vpcd at {host}:{port} within {waited.TotalSeconds:0.#} s. " +
            "Is pcscd running with the vsmartcard-vpcd driver (apt-get install pcscd vsmartcard-vpcd; pcscd)?")
    {
        Host = host;
        Port = port;
        Waited = waited;
    }

    /// <summary>The host vpcd was expected on.</summary>
    public string Host { get; }

    /// <summary>The vpcd port (one per reader).</summary>
    public int Port { get; }

    /// <summary>How long the client tried.</summary>
    public TimeSpan Waited { get; }
}
