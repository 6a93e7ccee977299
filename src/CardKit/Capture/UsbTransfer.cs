namespace CardKit.Capture;

/// <summary>
/// One URB event from a USB capture: a submission (host hands the request to the controller) or
/// a completion (the controller gives it back). OUT data travels with the submission, IN data
/// with the completion. <see cref="Payload"/> points into the capture reader's buffer.
/// </summary>
public readonly struct UsbTransfer
{
    /// <summary>A decoded URB event.</summary>
    public UsbTransfer(ulong urbId, bool isCompletion, UsbTransferType type, int bus, int device, byte endpoint, int status,
        ReadOnlyMemory<byte> setup, ReadOnlyMemory<byte> payload, int payloadOffset)
    {
        UrbId = urbId;
        IsCompletion = isCompletion;
        Type = type;
        Bus = bus;
        Device = device;
        Endpoint = endpoint;
        Status = status;
        Setup = setup;
        Payload = payload;
        PayloadOffset = payloadOffset;
    }

    /// <summary>The URB (usbmon) or IRP (USBPcap) identifier that links a submission with its completion.</summary>
    public ulong UrbId { get; }

    /// <summary>True for a completion (usbmon 'C', USBPcap PDO to FDO), false for a submission.</summary>
    public bool IsCompletion { get; }

    /// <summary>The transfer type.</summary>
    public UsbTransferType Type { get; }

    /// <summary>USB bus number.</summary>
    public int Bus { get; }

    /// <summary>Device address on the bus.</summary>
    public int Device { get; }

    /// <summary>Endpoint address, direction in bit 7 (1 = IN, device to host).</summary>
    public byte Endpoint { get; }

    /// <summary>True for an IN endpoint.</summary>
    public bool IsIn => (Endpoint & 0x80) != 0;

    /// <summary>Completion status: usbmon's negative errno or USBPcap's USBD_STATUS; 0 is success.</summary>
    public int Status { get; }

    /// <summary>The 8-byte SETUP packet of a control submission, or empty.</summary>
    public ReadOnlyMemory<byte> Setup { get; }

    /// <summary>The data carried by this event (OUT data on a submission, IN data on a completion).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Offset of <see cref="Payload"/> in the captured frame.</summary>
    public int PayloadOffset { get; }

    /// <summary>"BUS.DEVICE", the way lsusb and the spy's --device option name a device.</summary>
    public string DeviceName => $"{Bus}.{Device}";
}
