namespace CardKit.Ccid;

/// <summary>Names and meanings of CCID message types and their one-byte fields (CCID Rev 1.1 §6).</summary>
public static class CcidNames
{
    /// <summary>The CCID name of a message type, e.g. 6F -> "PC_to_RDR_XfrBlock"; unknown types as "CCID message XX".</summary>
    public static string Message(byte type) => type switch
    {
        0x50 => "RDR_to_PC_NotifySlotChange",
        0x51 => "RDR_to_PC_HardwareError",
        0x61 => "PC_to_RDR_SetParameters",
        0x62 => "PC_to_RDR_IccPowerOn",
        0x63 => "PC_to_RDR_IccPowerOff",
        0x65 => "PC_to_RDR_GetSlotStatus",
        0x69 => "PC_to_RDR_Secure",
        0x6A => "PC_to_RDR_T0APDU",
        0x6B => "PC_to_RDR_Escape",
        0x6C => "PC_to_RDR_GetParameters",
        0x6D => "PC_to_RDR_ResetParameters",
        0x6E => "PC_to_RDR_IccClock",
        0x6F => "PC_to_RDR_XfrBlock",
        0x71 => "PC_to_RDR_Mechanical",
        0x72 => "PC_to_RDR_Abort",
        0x73 => "PC_to_RDR_SetDataRateAndClockFrequency",
        0x80 => "RDR_to_PC_DataBlock",
        0x81 => "RDR_to_PC_SlotStatus",
        0x82 => "RDR_to_PC_Parameters",
        0x83 => "RDR_to_PC_Escape",
        0x84 => "RDR_to_PC_DataRateAndClockFrequency",
        _ => $"CCID message {type:X2}",
    };

    /// <summary>True for a message type CCID 1.1 defines on the bulk pipes.</summary>
    public static bool IsBulkType(byte type) => type is 0x61 or 0x62 or 0x63 or 0x65 or (>= 0x69 and <= 0x6F) or 0x71 or 0x72 or 0x73 or (>= 0x80 and <= 0x84);

    /// <summary>The response type a command expects (§6.1: each command's "response" line), 0 when unknown.</summary>
    public static byte ResponseTo(byte command) => command switch
    {
        0x62 or 0x6F or 0x69 => 0x80,
        0x63 or 0x65 or 0x6E or 0x6A or 0x71 or 0x72 => 0x81,
        0x6C or 0x6D or 0x61 => 0x82,
        0x6B => 0x83,
        0x73 => 0x84,
        _ => 0,
    };

    /// <summary>bStatus bits 1-0, bmICCStatus (§6.2.6 Table 6.2-3).</summary>
    public static string IccStatus(byte status) => (status & 0x03) switch
    {
        0 => "ICC present and active",
        1 => "ICC present and inactive",
        2 => "no ICC present",
        _ => "RFU ICC status 3",
    };

    /// <summary>bStatus bits 7-6, bmCommandStatus (§6.2.6 Table 6.2-3).</summary>
    public static string CommandStatus(byte status) => (status >> 6) switch
    {
        0 => "processed without error",
        1 => "failed",
        2 => "time extension requested",
        _ => "RFU command status 3",
    };

    /// <summary>bError when bmCommandStatus is "failed" (§6.2.6 Table 6.2-2); 01-7F point at the bad field.</summary>
    public static string Error(byte error) => error switch
    {
        0xFF => "CMD_ABORTED: the host aborted the command",
        0xFE => "ICC_MUTE: the card did not answer (time out)",
        0xFD => "XFR_PARITY_ERROR: parity error while talking to the card",
        0xFC => "XFR_OVERRUN: overrun error while talking to the card",
        0xFB => "HW_ERROR: an all-inclusive hardware error occurred",
        0xF8 => "BAD_ATR_TS: the ATR's TS byte is wrong",
        0xF7 => "BAD_ATR_TCK: the ATR's TCK is wrong",
        0xF6 => "ICC_PROTOCOL_NOT_SUPPORTED",
        0xF5 => "ICC_CLASS_NOT_SUPPORTED: the card's voltage class is not supported",
        0xF4 => "PROCEDURE_BYTE_CONFLICT",
        0xF3 => "DEACTIVATED_PROTOCOL",
        0xF2 => "BUSY_WITH_AUTO_SEQUENCE: the reader is busy activating the card",
        0xF0 => "PIN_TIMEOUT: no PIN entered in time",
        0xEF => "PIN_CANCELLED: the user pressed Cancel",
        0xE0 => "CMD_SLOT_BUSY: a command is already running in this slot",
        >= 0x81 and <= 0xC0 => $"user-defined error {error:X2}",
        >= 0x01 and <= 0x7F => $"field at offset {error} of the command is not supported or incorrect",
        0x00 => "command not supported",
        _ => $"RFU error {error:X2}",
    };

    /// <summary>Short bError name for text lines (CMD_ABORTED ...), or the offset/none form.</summary>
    public static string ErrorName(byte error)
    {
        var text = Error(error);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon] : text;
    }

    /// <summary>PC_to_RDR_IccPowerOn bPowerSelect (§6.1.1).</summary>
    public static string PowerSelect(byte value) => value switch
    {
        0 => "automatic voltage selection",
        1 => "5.0 V",
        2 => "3.0 V",
        3 => "1.8 V",
        _ => $"RFU voltage {value:X2}",
    };

    /// <summary>RDR_to_PC_SlotStatus bClockStatus (§6.2.2).</summary>
    public static string ClockStatus(byte value) => value switch
    {
        0 => "clock running",
        1 => "clock stopped in state L",
        2 => "clock stopped in state H",
        3 => "clock stopped in an unknown state",
        _ => $"RFU clock status {value:X2}",
    };

    /// <summary>RDR_to_PC_DataBlock bChainParameter (§6.2.1, extended APDU level).</summary>
    public static string ChainParameter(byte value) => value switch
    {
        0x00 => "response begins and ends here",
        0x01 => "response begins, more follows",
        0x02 => "response continues and ends here",
        0x03 => "response continues, more follows",
        0x10 => "empty, continue with the next response block",
        _ => $"RFU chain parameter {value:X2}",
    };

    /// <summary>PC_to_RDR_XfrBlock wLevelParameter at extended APDU level (§6.1.4).</summary>
    public static string LevelParameter(ushort value) => value switch
    {
        0x0000 => "command APDU begins and ends here",
        0x0001 => "command APDU begins, more follows",
        0x0002 => "command APDU continues and ends here",
        0x0003 => "command APDU continues, more follows",
        0x0010 => "empty, asks for the next response block",
        _ => $"level parameter {value:X4}",
    };

    /// <summary>PC_to_RDR_Mechanical bFunction (§6.1.12).</summary>
    public static string MechanicalFunction(byte value) => value switch
    {
        1 => "accept card",
        2 => "eject card",
        3 => "capture card",
        4 => "lock card",
        5 => "unlock card",
        _ => $"RFU function {value:X2}",
    };

    /// <summary>PC_to_RDR_IccClock bClockCommand (§6.1.9).</summary>
    public static string ClockCommand(byte value) => value switch
    {
        0 => "restart clock",
        1 => "stop clock (in the state the ATR allows)",
        _ => $"RFU clock command {value:X2}",
    };

    /// <summary>PC_to_RDR_Secure bPINOperation (§6.1.11).</summary>
    public static string PinOperation(byte value) => value switch
    {
        0 => "PIN verification",
        1 => "PIN modification",
        2 => "transfer PIN from the secure buffer",
        3 => "wait for the ICC response",
        4 => "cancel PIN function",
        5 => "re-send the last I-block (T=1)",
        6 => "send the next part of the APDU (T=1)",
        _ => $"RFU PIN operation {value:X2}",
    };

    /// <summary>RDR_to_PC_HardwareError bHardwareErrorCode (§6.3.2).</summary>
    public static string HardwareError(byte value) => value == 0x01 ? "overcurrent" : $"hardware error {value:X2}";
}
