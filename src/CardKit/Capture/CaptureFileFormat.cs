namespace CardKit.Capture;

/// <summary>The container a capture uses.</summary>
public enum CaptureFileFormat
{
    /// <summary>Not known yet (nothing read) or not a capture.</summary>
    Unknown,

    /// <summary>Classic libpcap format (pcap-savefile(5)), either byte order, micro- or nanosecond timestamps.</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng): sections, several interfaces.</summary>
    PcapNg,
}
