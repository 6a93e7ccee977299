using System.Buffers;
using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// Sends APDUs over an <see cref="ICardChannel"/> and does the T=0 response handling a caller
/// would otherwise repeat everywhere: 61xx -> GET RESPONSE (ISO/IEC 7816-4:2020 §5.3.4,
/// ISO/IEC 7816-3:2006 §10.3.3), 6Cxx -> the same command again with Le = xx, and GSM 9Fxx ->
/// GET RESPONSE with class A0 (GSM 11.11 §9.4.1). With <see cref="Raw"/> the first response is
/// returned as is.
/// </summary>
public sealed class CardSession
{
    private const byte InsGetResponse = 0xC0;

    // A card that answers 61xx forever must not hang the caller: 256 GET RESPONSEs move 64 KiB.
    private const int MaxChainedResponses = 256;

    /// <summary>A session over <paramref name="channel"/>; <paramref name="raw"/> turns the T=0 handling off.</summary>
    public CardSession(ICardChannel channel, bool raw = false)
    {
        Channel = channel ?? throw new ArgumentNullException(nameof(channel));
        Raw = raw;
    }

    /// <summary>The channel commands go through.</summary>
    public ICardChannel Channel { get; }

    /// <summary>No automatic GET RESPONSE or Le correction.</summary>
    public bool Raw { get; }

    /// <summary>Sends <paramref name="command"/>; returns the complete response.</summary>
    public ResponseApdu Transmit(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Span<byte> encoded = command.EncodedLength <= 512 ? stackalloc byte[command.EncodedLength] : new byte[command.EncodedLength];
        command.Encode(encoded);
        return Transmit(encoded);
    }

    /// <summary>Sends an encoded command; returns the complete response.</summary>
    public ResponseApdu Transmit(ReadOnlySpan<byte> command)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ICardChannel.MaxExtendedResponse);
        try
        {
            var length = Transmit(command, buffer);
            return ResponseApdu.Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Sends an encoded command and writes the complete response (data + SW1 SW2) into
    /// <paramref name="response"/>; returns its length. Allocates nothing when the card answers
    /// directly.
    /// </summary>
    /// <exception cref="CardKitFormatException">The card answered with fewer than two bytes.</exception>
    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        var length = TransmitChecked(command, response);
        if (Raw)
            return length;
        var sw1 = response[length - 2];
        if (sw1 == 0x6C)
        {
            // ISO/IEC 7816-3:2006 §10.3.3: wrong Le; SW2 is the exact number of available bytes.
            var corrected = WithLe(command, response[length - 1]);
            if (corrected is null)
                return length;
            length = TransmitChecked(corrected, response);
            sw1 = response[length - 2];
        }
        if (sw1 == 0x61 || (sw1 == 0x9F && command.Length >= 4))
            return GetRemainingResponse(command[0], response, length);
        return length;
    }

    private int GetRemainingResponse(byte commandCla, Span<byte> response, int length)
    {
        var dataLength = length - 2;
        var sw1 = response[length - 2];
        var sw2 = response[length - 1];
        Span<byte> getResponse = stackalloc byte[5];
        for (var i = 0; i < MaxChainedResponses && (sw1 == 0x61 || sw1 == 0x9F); i++)
        {
            // GSM 11.11 §9.2.18: GET RESPONSE is class A0; otherwise keep the command's channel
            // and SM bits and drop the chaining bit (ISO/IEC 7816-4:2020 §5.4.1).
            getResponse[0] = sw1 == 0x9F || commandCla == 0xA0 ? (byte)0xA0 : ClearChaining(commandCla);
            getResponse[1] = InsGetResponse;
            getResponse[2] = 0;
            getResponse[3] = 0;
            getResponse[4] = sw2;
            var expected = (sw2 == 0 ? 256 : sw2) + 2;
            var target = response[dataLength..];
            if (target.Length < expected)
                throw new ArgumentException(
                    $"Response buffer too small: the card has {dataLength + expected} bytes of response.", nameof(response));
            var got = TransmitChecked(getResponse, target);
            if (target[got - 2] == 0x6C)
            {
                getResponse[4] = target[got - 1];
                got = TransmitChecked(getResponse, target);
            }
            dataLength += got - 2;
            sw1 = target[got - 2];
            sw2 = target[got - 1];
        }
        response[dataLength] = sw1;
        response[dataLength + 1] = sw2;
        return dataLength + 2;
    }

    private static byte ClearChaining(byte cla) => (cla & 0x80) == 0 ? (byte)(cla & ~0x10) : cla;

    private int TransmitChecked(ReadOnlySpan<byte> command, Span<byte> response)
    {
        var length = Channel.Transmit(command, response);
        if (length < 2)
            throw new CardKitFormatException(
                $"The card in '{Channel.ReaderName}' answered with {length} byte(s); a response needs at least SW1 SW2.", length);
        return length;
    }

    /// <summary>The same command with Le set to <paramref name="le"/>, or null when it cannot carry one.</summary>
    private static byte[]? WithLe(ReadOnlySpan<byte> command, byte le)
    {
        if (!CommandApdu.TryParse(command, out var parsed))
            return null;
        return parsed!.WithNe(le == 0 ? CommandApdu.MaxShortNe : le).ToArray();
    }
}
