namespace CardKit.Ccid;

/// <summary>bMessageType of every CCID message (CCID Rev 1.1 §6.1 bulk-out, §6.2 bulk-in, §6.3 interrupt-in).</summary>
public enum CcidMessageType : byte
{
    /// <summary>§6.3.1 RDR_to_PC_NotifySlotChange (interrupt).</summary>
    NotifySlotChange = 0x50,
    /// <summary>§6.3.2 RDR_to_PC_HardwareError (interrupt).</summary>
    HardwareError = 0x51,
    /// <summary>§6.1.7 PC_to_RDR_SetParameters.</summary>
    SetParameters = 0x61,
    /// <summary>§6.1.1 PC_to_RDR_IccPowerOn.</summary>
    IccPowerOn = 0x62,
    /// <summary>§6.1.2 PC_to_RDR_IccPowerOff.</summary>
    IccPowerOff = 0x63,
    /// <summary>§6.1.3 PC_to_RDR_GetSlotStatus.</summary>
    GetSlotStatus = 0x65,
    /// <summary>§6.1.11 PC_to_RDR_Secure.</summary>
    Secure = 0x69,
    /// <summary>§6.1.10 PC_to_RDR_T0APDU.</summary>
    T0Apdu = 0x6A,
    /// <summary>§6.1.8 PC_to_RDR_Escape.</summary>
    Escape = 0x6B,
    /// <summary>§6.1.5 PC_to_RDR_GetParameters.</summary>
    GetParameters = 0x6C,
    /// <summary>§6.1.6 PC_to_RDR_ResetParameters.</summary>
    ResetParameters = 0x6D,
    /// <summary>§6.1.9 PC_to_RDR_IccClock.</summary>
    IccClock = 0x6E,
    /// <summary>§6.1.4 PC_to_RDR_XfrBlock.</summary>
    XfrBlock = 0x6F,
    /// <summary>§6.1.12 PC_to_RDR_Mechanical.</summary>
    Mechanical = 0x71,
    /// <summary>§6.1.13 PC_to_RDR_Abort.</summary>
    Abort = 0x72,
    /// <summary>§6.1.14 PC_to_RDR_SetDataRateAndClockFrequency.</summary>
    SetDataRateAndClockFrequency = 0x73,
    /// <summary>§6.2.1 RDR_to_PC_DataBlock.</summary>
    DataBlock = 0x80,
    /// <summary>§6.2.2 RDR_to_PC_SlotStatus.</summary>
    SlotStatus = 0x81,
    /// <summary>§6.2.3 RDR_to_PC_Parameters.</summary>
    Parameters = 0x82,
    /// <summary>§6.2.4 RDR_to_PC_Escape.</summary>
    EscapeResponse = 0x83,
    /// <summary>§6.2.5 RDR_to_PC_DataRateAndClockFrequency.</summary>
    DataRateAndClockFrequency = 0x84,
}
