namespace CardKit.Capture;

/// <summary>The link-layer header types a USB capture uses (tcpdump.org LINKTYPE_* registry).</summary>
public enum CaptureLinkType
{
    /// <summary>LINKTYPE_USB_LINUX: Linux usbmon with the 48-byte header (Documentation/usb/usbmon.rst, binary API).</summary>
    UsbLinux = 189,

    /// <summary>LINKTYPE_USB_LINUX_MMAPPED: Linux usbmon with the 64-byte header (what tcpdump and dumpcap write).</summary>
    UsbLinuxMmapped = 220,

    /// <summary>LINKTYPE_USBPCAP: Windows USBPcap (the USBPCAP_BUFFER_PACKET_HEADER, little-endian).</summary>
    UsbPcap = 249,
}
