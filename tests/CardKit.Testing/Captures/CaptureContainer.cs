namespace CardKit.Testing.Captures;

/// <summary>The file formats the test capture writer produces.</summary>
public enum CaptureContainer
{
    /// <summary>pcapng, microsecond timestamps.</summary>
    PcapNg,
    /// <summary>Classic pcap, microsecond timestamps (magic A1B2C3D4).</summary>
    PcapMicroseconds,
    /// <summary>Classic pcap, nanosecond timestamps (magic A1B23C4D).</summary>
    PcapNanoseconds,
}
