using System.Runtime.InteropServices;

namespace CardKit.Pkcs11.Native;

// PKCS#11 2.40 base specification §3 (data types). On Unix CK_ULONG is C `unsigned long`
// (pointer-sized on LP64) and structs are naturally aligned; on Windows CK_ULONG is 32-bit and
// every struct is packed to 1 (pkcs11.h "#pragma pack(push, cryptoki, 1)").

[StructLayout(LayoutKind.Sequential)]
internal struct CkVersion
{
    public byte Major;
    public byte Minor;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkInfo
{
    public CkVersion CryptokiVersion;
    public fixed byte ManufacturerId[32];
    public nuint Flags;
    public fixed byte LibraryDescription[32];
    public CkVersion LibraryVersion;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkSlotInfo
{
    public fixed byte SlotDescription[64];
    public fixed byte ManufacturerId[32];
    public nuint Flags;
    public CkVersion HardwareVersion;
    public CkVersion FirmwareVersion;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkTokenInfo
{
    public fixed byte Label[32];
    public fixed byte ManufacturerId[32];
    public fixed byte Model[16];
    public fixed byte SerialNumber[16];
    public nuint Flags;
    public nuint MaxSessionCount;
    public nuint SessionCount;
    public nuint MaxRwSessionCount;
    public nuint RwSessionCount;
    public nuint MaxPinLen;
    public nuint MinPinLen;
    public nuint TotalPublicMemory;
    public nuint FreePublicMemory;
    public nuint TotalPrivateMemory;
    public nuint FreePrivateMemory;
    public CkVersion HardwareVersion;
    public CkVersion FirmwareVersion;
    public fixed byte UtcTime[16];
}

[StructLayout(LayoutKind.Sequential)]
internal struct CkSessionInfo
{
    public nuint SlotId;
    public nuint State;
    public nuint Flags;
    public nuint DeviceError;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CkMechanismInfo
{
    public nuint MinKeySize;
    public nuint MaxKeySize;
    public nuint Flags;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkMechanism
{
    public nuint Mechanism;
    public void* Parameter;
    public nuint ParameterLength;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkAttribute
{
    public nuint Type;
    public void* Value;
    public nuint ValueLength;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkCInitializeArgs
{
    public void* CreateMutex;
    public void* DestroyMutex;
    public void* LockMutex;
    public void* UnlockMutex;
    public nuint Flags;
    public void* Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CkRsaPkcsPssParams
{
    public nuint HashAlgorithm;
    public nuint Mgf;
    public nuint SaltLength;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkRsaPkcsOaepParams
{
    public nuint HashAlgorithm;
    public nuint Mgf;
    public nuint Source;
    public void* SourceData;
    public nuint SourceDataLength;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkEcdh1DeriveParams
{
    public nuint Kdf;
    public nuint SharedDataLength;
    public byte* SharedData;
    public nuint PublicDataLength;
    public byte* PublicData;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkGcmParams
{
    public byte* Iv;
    public nuint IvLength;
    public nuint IvBits;
    public byte* Aad;
    public nuint AadLength;
    public nuint TagBits;
}

// The Windows layouts (32-bit CK_ULONG, packed to 1). CardKit's calls use the Unix layout; these
// document and test the Windows one for the port (see the closing note of issue 5).
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct WinCkAttribute
{
    public uint Type;
    public void* Value;
    public uint ValueLength;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct WinCkInfo
{
    public CkVersion CryptokiVersion;
    public fixed byte ManufacturerId[32];
    public uint Flags;
    public fixed byte LibraryDescription[32];
    public CkVersion LibraryVersion;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct WinCkSlotInfo
{
    public fixed byte SlotDescription[64];
    public fixed byte ManufacturerId[32];
    public uint Flags;
    public CkVersion HardwareVersion;
    public CkVersion FirmwareVersion;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct WinCkTokenInfo
{
    public fixed byte Label[32];
    public fixed byte ManufacturerId[32];
    public fixed byte Model[16];
    public fixed byte SerialNumber[16];
    public uint Flags;
    public fixed uint Counters[10];
    public CkVersion HardwareVersion;
    public CkVersion FirmwareVersion;
    public fixed byte UtcTime[16];
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct WinCkSessionInfo
{
    public uint SlotId;
    public uint State;
    public uint Flags;
    public uint DeviceError;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct WinCkMechanismInfo
{
    public uint MinKeySize;
    public uint MaxKeySize;
    public uint Flags;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct WinCkGcmParams
{
    public byte* Iv;
    public uint IvLength;
    public uint IvBits;
    public byte* Aad;
    public uint AadLength;
    public uint TagBits;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct WinCkCInitializeArgs
{
    public void* CreateMutex;
    public void* DestroyMutex;
    public void* LockMutex;
    public void* UnlockMutex;
    public uint Flags;
    public void* Reserved;
}
