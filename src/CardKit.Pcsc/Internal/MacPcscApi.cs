using System.Runtime.InteropServices;
using System.Text;

namespace CardKit.Pcsc.Internal;

/// <summary>
/// macOS PCSC.framework: DWORD/LONG/SCARDCONTEXT/SCARDHANDLE are 32-bit and the structs are
/// declared under `#pragma pack(1)` (PCSC.framework wintypes.h, winscard.h).
/// </summary>
internal sealed unsafe partial class MacPcscApi : IPcscApi
{
    private const string Library = "/System/Library/Frameworks/PCSC.framework/PCSC";

    public uint ProtocolRaw => 4;

    public int MaxAtrSize => MacReaderState.AtrCapacity;

    public uint ControlCode(uint function) => 0x42000000u + function;

    // pcsc-lite puts the card event counter in the upper 16 bits of dwState.
    public CardStates MapCardState(uint nativeState) => (CardStates)(nativeState & 0xFFFF);

    public uint EstablishContext(uint scope, out nint context)
    {
        int handle;
        var rc = SCardEstablishContext(scope, 0, 0, &handle);
        context = handle;
        return (uint)rc;
    }

    public uint ReleaseContext(nint context) => (uint)SCardReleaseContext((int)context);

    public uint IsValidContext(nint context) => (uint)SCardIsValidContext((int)context);

    public uint ListReaders(nint context, out string[] readers)
    {
        readers = [];
        uint length = 0;
        var rc = (uint)SCardListReaders((int)context, null, null, &length);
        if (rc != 0)
            return rc;
        var buffer = new byte[length];
        fixed (byte* p = buffer)
            rc = (uint)SCardListReaders((int)context, null, p, &length);
        if (rc == 0)
            readers = PcscApi.SplitMultiString(Encoding.UTF8.GetString(buffer, 0, PcscApi.Clamp(length, buffer.Length)));
        return rc;
    }

    public uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol)
    {
        int handle;
        uint active;
        var rc = SCardConnect((int)context, reader, shareMode, protocols, &handle, &active);
        card = handle;
        activeProtocol = active;
        return (uint)rc;
    }

    public uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol)
    {
        uint active;
        var rc = SCardReconnect((int)card, shareMode, protocols, initialization, &active);
        activeProtocol = active;
        return (uint)rc;
    }

    public uint Disconnect(nint card, uint disposition) => (uint)SCardDisconnect((int)card, disposition);

    public uint BeginTransaction(nint card) => (uint)SCardBeginTransaction((int)card);

    public uint EndTransaction(nint card, uint disposition) => (uint)SCardEndTransaction((int)card, disposition);

    public uint Status(nint card, out string readerName, out uint state, out uint protocol, Span<byte> atr, out int atrLength)
    {
        var name = stackalloc byte[512];
        uint nameLength = 512, dwState, dwProtocol, atrLen = (uint)atr.Length;
        int rc;
        fixed (byte* pAtr = atr)
            rc = SCardStatus((int)card, name, &nameLength, &dwState, &dwProtocol, pAtr, &atrLen);
        readerName = rc == 0 ? Encoding.UTF8.GetString(name, PcscApi.Clamp(nameLength, 512)).TrimEnd('\0') : "";
        state = dwState;
        protocol = dwProtocol;
        atrLength = rc == 0 ? PcscApi.Clamp(atrLen, atr.Length) : 0;
        return (uint)rc;
    }

    public uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new MacIoRequest { Protocol = protocol, PciLength = (uint)sizeof(MacIoRequest) };
        uint length = (uint)response.Length;
        int rc;
        fixed (byte* send = command)
        fixed (byte* recv = response)
            rc = SCardTransmit((int)card, &pci, send, (uint)command.Length, null, recv, &length);
        received = rc == 0 ? PcscApi.Clamp(length, response.Length) : 0;
        return (uint)rc;
    }

    public uint Control(nint card, uint controlCode, ReadOnlySpan<byte> input, Span<byte> output, out int returned)
    {
        uint length = 0;
        int rc;
        fixed (byte* pIn = input)
        fixed (byte* pOut = output)
            rc = SCardControl((int)card, controlCode, pIn, (uint)input.Length, pOut, (uint)output.Length, &length);
        returned = rc == 0 ? PcscApi.Clamp(length, output.Length) : 0;
        return (uint)rc;
    }

    public uint GetAttrib(nint card, uint attribute, Span<byte> buffer, out int length)
    {
        uint len = (uint)buffer.Length;
        int rc;
        fixed (byte* p = buffer)
            rc = SCardGetAttrib((int)card, attribute, buffer.IsEmpty ? null : p, &len);
        length = (int)Math.Min(len, int.MaxValue);
        return (uint)rc;
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, Span<ReaderStatus> readers) =>
        ReaderStateMarshal.GetStatusChange<MacReaderState>(readers, (states, count) => (uint)SCardGetStatusChange((int)context, timeoutMilliseconds, (MacReaderState*)states, count));

    public uint Cancel(nint context) => (uint)SCardCancel((int)context);

    [LibraryImport(Library)]
    private static partial int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, int* context);

    [LibraryImport(Library)]
    private static partial int SCardReleaseContext(int context);

    [LibraryImport(Library)]
    private static partial int SCardIsValidContext(int context);

    [LibraryImport(Library)]
    private static partial int SCardListReaders(int context, byte* groups, byte* readers, uint* readersLength);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SCardConnect(int context, string reader, uint shareMode, uint protocols, int* card, uint* activeProtocol);

    [LibraryImport(Library)]
    private static partial int SCardReconnect(int card, uint shareMode, uint protocols, uint initialization, uint* activeProtocol);

    [LibraryImport(Library)]
    private static partial int SCardDisconnect(int card, uint disposition);

    [LibraryImport(Library)]
    private static partial int SCardBeginTransaction(int card);

    [LibraryImport(Library)]
    private static partial int SCardEndTransaction(int card, uint disposition);

    [LibraryImport(Library)]
    private static partial int SCardStatus(int card, byte* readerName, uint* readerLength, uint* state, uint* protocol, byte* atr, uint* atrLength);

    [LibraryImport(Library)]
    private static partial int SCardTransmit(int card, MacIoRequest* sendPci, byte* send, uint sendLength, MacIoRequest* recvPci, byte* recv, uint* recvLength);

    [LibraryImport(Library)]
    private static partial int SCardControl(int card, uint controlCode, byte* input, uint inputLength, byte* output, uint outputLength, uint* returned);

    [LibraryImport(Library)]
    private static partial int SCardGetAttrib(int card, uint attribute, byte* buffer, uint* length);

    [LibraryImport(Library)]
    private static partial int SCardGetStatusChange(int context, uint timeout, MacReaderState* states, uint count);

    [LibraryImport(Library)]
    private static partial int SCardCancel(int context);
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct MacIoRequest
{
    public uint Protocol;
    public uint PciLength;
}

/// <summary>PCSC.framework SCARD_READERSTATE, packed to 1 (61 bytes on 64-bit).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct MacReaderState : INativeReaderState<MacReaderState>
{
    public const int AtrCapacity = 33;

    public nint Reader;
    public nint UserData;
    public uint CurrentState;
    public uint EventState;
    public uint AtrLength;
    public fixed byte Atr[AtrCapacity];

    public readonly uint Event => EventState;

    public static nint AllocateName(string name) => Marshal.StringToCoTaskMemUTF8(name);

    public static MacReaderState Create(nint name, uint currentState) => new() { Reader = name, CurrentState = currentState };

    public byte[] CopyAtr()
    {
        fixed (byte* atr = Atr)
            return new ReadOnlySpan<byte>(atr, PcscApi.Clamp(AtrLength, AtrCapacity)).ToArray();
    }
}
