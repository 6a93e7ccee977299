using System.Runtime.InteropServices;
using System.Text;

namespace CardKit.Pcsc.Internal;

/// <summary>
/// pcsc-lite (libpcsclite.so.1): DWORD and LONG are C `unsigned long`/`long`, 64-bit on LP64
/// (pcsc-lite PCSC/pcsclite.h, wintypes.h), SCARD_READERSTATE holds a 33-byte ATR.
/// </summary>
internal sealed unsafe partial class PcscLiteApi : IPcscApi
{
    private const string Library = "libpcsclite.so.1";

    public uint ProtocolRaw => 4;

    public int MaxAtrSize => LinuxReaderState.AtrCapacity;

    // pcsc-lite reader.h: SCARD_CTL_CODE(code) = 0x42000000 + code.
    public uint ControlCode(uint function) => 0x42000000u + function;

    // pcsc-lite puts the card event counter in the upper 16 bits of dwState.
    public CardStates MapCardState(uint nativeState) => (CardStates)(nativeState & 0xFFFF);

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
        nuint length = 0;
        var rc = (uint)SCardListReaders(context, null, null, &length);
        if (rc != 0)
            return rc;
        var buffer = new byte[(int)length];
        fixed (byte* p = buffer)
            rc = (uint)SCardListReaders(context, null, p, &length);
        if (rc == 0)
            readers = PcscApi.SplitMultiString(Encoding.UTF8.GetString(buffer, 0, PcscApi.Clamp(length, buffer.Length)));
        return rc;
    }

    public uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol)
    {
        nint handle;
        nuint active;
        var rc = SCardConnect(context, reader, shareMode, protocols, &handle, &active);
        card = handle;
        activeProtocol = (uint)active;
        return (uint)rc;
    }

    public uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol)
    {
        nuint active;
        var rc = SCardReconnect(card, shareMode, protocols, initialization, &active);
        activeProtocol = (uint)active;
        return (uint)rc;
    }

    public uint Disconnect(nint card, uint disposition) => (uint)SCardDisconnect(card, disposition);

    public uint BeginTransaction(nint card) => (uint)SCardBeginTransaction(card);

    public uint EndTransaction(nint card, uint disposition) => (uint)SCardEndTransaction(card, disposition);

    public uint Status(nint card, out string readerName, out uint state, out uint protocol, Span<byte> atr, out int atrLength)
    {
        var name = stackalloc byte[512];
        nuint nameLength = 512, dwState, dwProtocol, atrLen = (nuint)atr.Length;
        nint rc;
        fixed (byte* pAtr = atr)
            rc = SCardStatus(card, name, &nameLength, &dwState, &dwProtocol, pAtr, &atrLen);
        readerName = rc == 0 ? Encoding.UTF8.GetString(name, PcscApi.Clamp(nameLength, 512)).TrimEnd('\0') : "";
        state = (uint)dwState;
        protocol = (uint)dwProtocol;
        atrLength = rc == 0 ? PcscApi.Clamp(atrLen, atr.Length) : 0;
        return (uint)rc;
    }

    public uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new LinuxIoRequest { Protocol = protocol, PciLength = (nuint)sizeof(LinuxIoRequest) };
        nuint length = (nuint)response.Length;
        nint rc;
        fixed (byte* send = command)
        fixed (byte* recv = response)
            rc = SCardTransmit(card, &pci, send, (nuint)command.Length, null, recv, &length);
        received = rc == 0 ? PcscApi.Clamp(length, response.Length) : 0;
        return (uint)rc;
    }

    public uint Control(nint card, uint controlCode, ReadOnlySpan<byte> input, Span<byte> output, out int returned)
    {
        nuint length = 0;
        nint rc;
        fixed (byte* pIn = input)
        fixed (byte* pOut = output)
            rc = SCardControl(card, controlCode, pIn, (nuint)input.Length, pOut, (nuint)output.Length, &length);
        returned = rc == 0 ? PcscApi.Clamp(length, output.Length) : 0;
        return (uint)rc;
    }

    public uint GetAttrib(nint card, uint attribute, Span<byte> buffer, out int length)
    {
        nuint len = (nuint)buffer.Length;
        nint rc;
        fixed (byte* p = buffer)
            rc = SCardGetAttrib(card, attribute, buffer.IsEmpty ? null : p, &len);
        length = (int)Math.Min(len, int.MaxValue);
        return (uint)rc;
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, Span<ReaderStatus> readers) =>
        ReaderStateMarshal.GetStatusChange<LinuxReaderState>(readers, (states, count) => (uint)SCardGetStatusChange(context, timeoutMilliseconds, (LinuxReaderState*)states, count));

    public uint Cancel(nint context) => (uint)SCardCancel(context);

    [LibraryImport(Library)]
    private static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, nint* context);

    [LibraryImport(Library)]
    private static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    private static partial nint SCardIsValidContext(nint context);

    [LibraryImport(Library)]
    private static partial nint SCardListReaders(nint context, byte* groups, byte* readers, nuint* readersLength);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint SCardConnect(nint context, string reader, nuint shareMode, nuint protocols, nint* card, nuint* activeProtocol);

    [LibraryImport(Library)]
    private static partial nint SCardReconnect(nint card, nuint shareMode, nuint protocols, nuint initialization, nuint* activeProtocol);

    [LibraryImport(Library)]
    private static partial nint SCardDisconnect(nint card, nuint disposition);

    [LibraryImport(Library)]
    private static partial nint SCardBeginTransaction(nint card);

    [LibraryImport(Library)]
    private static partial nint SCardEndTransaction(nint card, nuint disposition);

    [LibraryImport(Library)]
    private static partial nint SCardStatus(nint card, byte* readerName, nuint* readerLength, nuint* state, nuint* protocol, byte* atr, nuint* atrLength);

    [LibraryImport(Library)]
    private static partial nint SCardTransmit(nint card, LinuxIoRequest* sendPci, byte* send, nuint sendLength, LinuxIoRequest* recvPci, byte* recv, nuint* recvLength);

    [LibraryImport(Library)]
    private static partial nint SCardControl(nint card, nuint controlCode, byte* input, nuint inputLength, byte* output, nuint outputLength, nuint* returned);

    [LibraryImport(Library)]
    private static partial nint SCardGetAttrib(nint card, nuint attribute, byte* buffer, nuint* length);

    [LibraryImport(Library)]
    private static partial nint SCardGetStatusChange(nint context, nuint timeout, LinuxReaderState* states, nuint count);

    [LibraryImport(Library)]
    private static partial nint SCardCancel(nint context);
}

/// <summary>pcsc-lite SCARD_IO_REQUEST: two unsigned longs.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LinuxIoRequest
{
    public nuint Protocol;
    public nuint PciLength;
}

/// <summary>pcsc-lite SCARD_READERSTATE (natural alignment; 80 bytes on x64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LinuxReaderState : INativeReaderState<LinuxReaderState>
{
    public const int AtrCapacity = 33;

    public nint Reader;
    public nint UserData;
    public nuint CurrentState;
    public nuint EventState;
    public nuint AtrLength;
    public fixed byte Atr[AtrCapacity];

    public readonly uint Event => (uint)EventState;

    public static nint AllocateName(string name) => Marshal.StringToCoTaskMemUTF8(name);

    public static LinuxReaderState Create(nint name, uint currentState) => new() { Reader = name, CurrentState = currentState };

    public byte[] CopyAtr()
    {
        fixed (byte* atr = Atr)
            return new ReadOnlySpan<byte>(atr, PcscApi.Clamp(AtrLength, AtrCapacity)).ToArray();
    }
}
