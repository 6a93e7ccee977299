namespace CardKit.Ccid;

/// <summary>bPINOperation, the first byte of PC_to_RDR_Secure's abData (CCID Rev 1.1 §6.1.11).</summary>
public enum PinOperation : byte
{
    /// <summary>00h: PIN verification; a PIN verification data structure follows.</summary>
    Verify = 0x00,

    /// <summary>01h: PIN modification; a PIN modification data structure follows.</summary>
    Modify = 0x01,

    /// <summary>02h: transfer the PIN from the secure CCID buffer.</summary>
    Transfer = 0x02,

    /// <summary>03h: wait for the ICC's response.</summary>
    WaitIccResponse = 0x03,

    /// <summary>04h: cancel the PIN function.</summary>
    Cancel = 0x04,

    /// <summary>05h: resend the last I-block (T=1 only).</summary>
    ResendLastBlock = 0x05,

    /// <summary>06h: send the next part of the APDU (T=1 only).</summary>
    SendNextPart = 0x06,
}
