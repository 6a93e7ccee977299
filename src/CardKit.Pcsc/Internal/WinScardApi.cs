using System.Runtime.InteropServices;

namespace CardKit.Pcsc.Internal;

/// <summary>
/// Windows WinSCard: 32-bit DWORD/LONG, pointer-sized SCARDCONTEXT/SCARDHANDLE, UTF-16 "W" entry
/// points, a 36-byte ATR in SCARD_READERSTATEW and an enumerated SCardStatus state (winscard.h).
/// </summary>
internal sealed unsafe partial class WinScardApi : IPcscApi
{
    private const string Library = "winscard.dll";

    public uint ProtocolRaw => 0x10000;

    public int MaxAtrSize => WinReaderState.AtrCapacity;

    // winsmcrd.h: SCARD_CTL_CODE(code) = CTL_CODE(FILE_DEVICE_SMARTCARD = 0x31, code, METHOD_BUFFERED, FILE_ANY_ACCESS).
    public uint ControlCode(uint function) => 0x310000u | (function << 2);

    // winscard.h: SCARD_UNKNOWN 0, ABSENT 1, PRESENT 2, SWALLOWED 3, POWERED 4, NEGOTIABLE 5, SPECIFIC 6.
    public CardStates MapCardState(uint nativeState) => nativeState switch
    {
        1 => CardStates.Absent,
        2 => CardStates.Present,
        3 => CardStates.Present | CardStates.Swallowed,
        4 => CardStates.Present | CardStates.Swallowed | CardStates.Powered,
        5 => CardStates.Present | CardStates.Swallowed | CardStates.Powered | CardStates.Negotiable,
        6 => CardStates.Present | CardStates.Swallowed | CardStates.Powered | CardStates.Specific,
        _ => CardStates.Unknown,
    };

    public uint EstablishContext(uint scope, out nint context)
    {
        nint handle;
        var rc = SCardEstablishContext(scope, 0, 0, &handle);
        context = handle;
        return (uint)rc;
    }

    public uint ReleaseContext(nint context) => (uint)SCardReleaseContext(context);

    public uint IsValidContext(nint context) => (uint)SCardIsValidContext(context);

    public uint ListReaders(nint context, out string[] readers)
    {
        readers = [];
        uint length = 0;
        var rc = (uint)SCardListReadersW(context, null, null, &length);
        if (rc != 0)
            return rc;
        var buffer = new char[length];
        fixed (char* p = buffer)
            rc = (uint)SCardListReadersW(context, null, p, &length);
        if (rc == 0)
            readers = PcscApi.SplitMultiString(new string(buffer, 0, PcscApi.Clamp(length, buffer.Length)));
        return rc;
    }

    public uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol)
    {
        nint handle;
        uint active;
        var rc = SCardConnectW(context, reader, shareMode, protocols, &handle, &active);
        card = handle;
        activeProtocol = active;
        return (uint)rc;
    }

    public uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol)
    {
        uint active;
        var rc = SCardReconnect(card, shareMode, protocols, initialization, &active);
        activeProtocol = active;
        return (uint)rc;
    }

    public uint Disconnect(nint card, uint disposition) => (uint)SCardDisconnect(card, disposition);

    public uint BeginTransaction(nint card) => (uint)SCardBeginTransaction(card);

    public uint EndTransaction(nint card, uint disposition) => (uint)SCardEndTransaction(card, disposition);

    public uint Status(nint card, out string readerName, out uint state, out uint protocol, Span<byte> atr, out int atrLength)
    {
        var name = stackalloc char[512];
        uint nameLength = 512, dwState, dwProtocol, atrLen = (uint)atr.Length;
        int rc;
        fixed (byte* pAtr = atr)
            rc = SCardStatusW(card, name, &nameLength, &dwState, &dwProtocol, pAtr, &atrLen);
        readerName = rc == 0 ? new string(name, 0, PcscApi.Clamp(nameLength, 512)).TrimEnd('\0') : "";
        state = dwState;
        protocol = dwProtocol;
        atrLength = rc == 0 ? PcscApi.Clamp(atrLen, atr.Length) : 0;
        return (uint)rc;
    }

    public uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new WinIoRequest { Protocol = protocol, PciLength = (uint)sizeof(WinIoRequest) };
        uint length = (uint)response.Length;
        int rc;
        fixed (byte* send = command)
        fixed (byte* recv = response)
            rc = SCardTransmit(card, &pci, send, (uint)command.Length, null, recv, &length);
        received = rc == 0 ? PcscApi.Clamp(length, response.Length) : 0;
        return (uint)rc;
    }

    public uint Control(nint card, uint controlCode, ReadOnlySpan<byte> input, Span<byte> output, out int returned)
    {
        uint length = 0;
        int rc;
        fixed (byte* pIn = input)
        fixed (byte* pOut = output)
            rc = SCardControl(card, controlCode, pIn, (uint)input.Length, pOut, (uint)output.Length, &length);
        returned = rc == 0 ? PcscApi.Clamp(length, output.Length) : 0;
        return (uint)rc;
    }

    public uint GetAttrib(nint card, uint attribute, Span<byte> buffer, out int length)
    {
        uint len = (uint)buffer.Length;
        int rc;
        fixed (byte* p = buffer)
            rc = SCardGetAttrib(card, attribute, buffer.IsEmpty ? null : p, &len);
        length = (int)Math.Min(len, int.MaxValue);
        return (uint)rc;
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, Span<ReaderStatus> readers) =>
        ReaderStateMarshal.GetStatusChange<WinReaderState>(readers, (states, count) => (uint)SCardGetStatusChangeW(context, timeoutMilliseconds, (WinReaderState*)states, count));

    public uint Cancel(nint context) => (uint)SCardCancel(context);

    [LibraryImport(Library)]
    private static partial int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, nint* context);

    [LibraryImport(Library)]
    private static partial int SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    private static partial int SCardIsValidContext(nint context);

    [LibraryImport(Library)]
    private static partial int SCardListReadersW(nint context, char* groups, char* readers, uint* readersLength);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    private static partial int SCardConnectW(nint context, string reader, uint shareMode, uint protocols, nint* card, uint* activeProtocol);

    [LibraryImport(Library)]
    private static partial int SCardReconnect(nint card, uint shareMode, uint protocols, uint initialization, uint* activeProtocol);

    [LibraryImport(Library)]
    private static partial int SCardDisconnect(nint card, uint disposition);

    [LibraryImport(Library)]
    private static partial int SCardBeginTransaction(nint card);

    [LibraryImport(Library)]
    private static partial int SCardEndTransaction(nint card, uint disposition);

    [LibraryImport(Library)]
    private static partial int SCardStatusW(nint card, char* readerName, uint* readerLength, uint* state, uint* protocol, byte* atr, uint* atrLength);

    [LibraryImport(Library)]
    private static partial int SCardTransmit(nint card, WinIoRequest* sendPci, byte* send, uint sendLength, WinIoRequest* recvPci, byte* recv, uint* recvLength);

    [LibraryImport(Library)]
    private static partial int SCardControl(nint card, uint controlCode, byte* input, uint inputLength, byte* output, uint outputLength, uint* returned);

    [LibraryImport(Library)]
    private static partial int SCardGetAttrib(nint card, uint attribute, byte* buffer, uint* length);

    [LibraryImport(Library)]
    private static partial int SCardGetStatusChangeW(nint context, uint timeout, WinReaderState* states, uint count);

    [LibraryImport(Library)]
    private static partial int SCardCancel(nint context);
}

[StructLayout(LayoutKind.Sequential)]
internal struct WinIoRequest
{
    public uint Protocol;
    public uint PciLength;
}

/// <summary>WinSCard SCARD_READERSTATEW (natural alignment; 64 bytes on x64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WinReaderState : INativeReaderState<WinReaderState>
{
    public const int AtrCapacity = 36;

    public nint Reader;
    public nint UserData;
    public uint CurrentState;
    public uint EventState;
    public uint AtrLength;
    public fixed byte Atr[AtrCapacity];

    public readonly uint Event => EventState;

    public static nint AllocateName(string name) => Marshal.StringToCoTaskMemUni(name);

    public static WinReaderState Create(nint name, uint currentState) => new() { Reader = name, CurrentState = currentState };

    public byte[] CopyAtr()
    {
        fixed (byte* atr = Atr)
            return new ReadOnlySpan<byte>(atr, PcscApi.Clamp(AtrLength, AtrCapacity)).ToArray();
    }
}
