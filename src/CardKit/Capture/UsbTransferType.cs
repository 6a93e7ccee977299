namespace CardKit.Capture;

/// <summary>USB transfer types as usbmon and USBPcap number them (USB 2.0 §5.4-§5.8).</summary>
public enum UsbTransferType
{
    /// <summary>Isochronous.</summary>
    Isochronous = 0,

    /// <summary>Interrupt (CCID: NotifySlotChange, HardwareError).</summary>
    Interrupt = 1,

    /// <summary>Control (descriptors, CCID class requests ABORT, GET_CLOCK_FREQUENCIES, GET_DATA_RATES).</summary>
    Control = 2,

    /// <summary>Bulk (CCID: every command and response message).</summary>
    Bulk = 3,
}
