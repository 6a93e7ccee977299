namespace CardKit.Ccid;

/// <summary>
/// The FEATURE_* tags of the TLV list a reader returns for CM_IOCTL_GET_FEATURE_REQUEST
/// (PC/SC Part 10 v2.02, features and their control codes).
/// </summary>
public enum Part10Feature : byte
{
    /// <summary>01h FEATURE_VERIFY_PIN_START.</summary>
    VerifyPinStart = 0x01,
    /// <summary>02h FEATURE_VERIFY_PIN_FINISH.</summary>
    VerifyPinFinish = 0x02,
    /// <summary>03h FEATURE_MODIFY_PIN_START.</summary>
    ModifyPinStart = 0x03,
    /// <summary>04h FEATURE_MODIFY_PIN_FINISH.</summary>
    ModifyPinFinish = 0x04,
    /// <summary>05h FEATURE_GET_KEY_PRESSED.</summary>
    GetKeyPressed = 0x05,
    /// <summary>06h FEATURE_VERIFY_PIN_DIRECT: takes a PIN_VERIFY_STRUCTURE, returns the card's SW1 SW2.</summary>
    VerifyPinDirect = 0x06,
    /// <summary>07h FEATURE_MODIFY_PIN_DIRECT: takes a PIN_MODIFY_STRUCTURE, returns the card's SW1 SW2.</summary>
    ModifyPinDirect = 0x07,
    /// <summary>08h FEATURE_MCT_READER_DIRECT.</summary>
    MctReaderDirect = 0x08,
    /// <summary>09h FEATURE_MCT_UNIVERSAL.</summary>
    MctUniversal = 0x09,
    /// <summary>0Ah FEATURE_IFD_PIN_PROPERTIES: returns a PIN_PROPERTIES_STRUCTURE.</summary>
    IfdPinProperties = 0x0A,
    /// <summary>0Bh FEATURE_ABORT.</summary>
    Abort = 0x0B,
    /// <summary>0Ch FEATURE_SET_SPE_MESSAGE.</summary>
    SetSpeMessage = 0x0C,
    /// <summary>0Dh FEATURE_VERIFY_PIN_DIRECT_APP_ID.</summary>
    VerifyPinDirectAppId = 0x0D,
    /// <summary>0Eh FEATURE_MODIFY_PIN_DIRECT_APP_ID.</summary>
    ModifyPinDirectAppId = 0x0E,
    /// <summary>0Fh FEATURE_WRITE_DISPLAY.</summary>
    WriteDisplay = 0x0F,
    /// <summary>10h FEATURE_GET_KEY.</summary>
    GetKey = 0x10,
    /// <summary>11h FEATURE_IFD_DISPLAY_PROPERTIES.</summary>
    IfdDisplayProperties = 0x11,
    /// <summary>12h FEATURE_GET_TLV_PROPERTIES: returns the reader's properties as TLVs.</summary>
    GetTlvProperties = 0x12,
    /// <summary>13h FEATURE_CCID_ESC_COMMAND: sends a PC_to_RDR_Escape.</summary>
    CcidEscCommand = 0x13,
    /// <summary>20h FEATURE_EXECUTE_PACE (PC/SC Part 10 amendment 1).</summary>
    ExecutePace = 0x20,
}
