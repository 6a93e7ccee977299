using System.Buffers.Binary;
using System.Globalization;
using CardKit.Atr;
using CardKit.Ccid;
using CardKit.Iso7816;

namespace CardKit.Capture;

/// <summary>
/// Decodes the USB CCID traffic of a capture, packet by packet, into <see cref="SpyMessage"/>s:
/// finds the CCID interface (configuration descriptor, or heuristics on the bulk endpoints),
/// decodes every CCID 1.1 message, pairs requests with responses per device, slot and bSeq,
/// reassembles APDUs (extended APDU level chaining, T=1 I-block chaining) and decodes them.
/// One instance per capture; it keeps per-device state between packets.
/// </summary>
public sealed class CcidSpy
{
    private static readonly SpyStatus?[] Statuses = new SpyStatus?[256];
    private readonly SpyOptions _options;
    private readonly Dictionary<int, CcidDevice> _devices = [];

    /// <summary>A decoder with <paramref name="options"/> (default: PINs masked, every device).</summary>
    public CcidSpy(SpyOptions? options = null) => _options = options ?? new SpyOptions();

    /// <summary>
    /// Decodes a whole capture (pcap or pcapng) or pcsc-spy log from <paramref name="stream"/>,
    /// yielding each message as soon as its packet is read. Damage stops the sequence with a
    /// <see cref="CaptureFormatException"/> after everything intact before it was yielded.
    /// </summary>
    public static IEnumerable<SpyMessage> Decode(Stream stream, SpyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var first = new byte[4];
        var read = stream.ReadAtLeast(first, 4, throwOnEndOfStream: false);
        if (read > 0 && !CaptureReader.IsCapture(first.AsSpan(0, read)) && PcscSpyLog.LooksLikeLog(first.AsSpan(0, read)))
            return PcscSpyLog.Decode(stream, first.AsSpan(0, read).ToArray(), options);
        return DecodeCapture(stream, first.AsSpan(0, read).ToArray(), options);
    }

    private static IEnumerable<SpyMessage> DecodeCapture(Stream stream, byte[] first, SpyOptions? options)
    {
        var spy = new CcidSpy(options);
        var output = new List<SpyMessage>();
        using var reader = new CaptureReader(stream, first, leaveOpen: true);
        while (reader.TryReadPacket(out var packet))
        {
            spy.Decode(packet, output);
            foreach (var message in output)
                yield return message;
            output.Clear();
        }
        spy.Finish(output);
        foreach (var message in output)
            yield return message;
    }

    /// <summary>Decodes one packet; appends what it completes to <paramref name="output"/>.</summary>
    /// <exception cref="CaptureFormatException">The packet's USB header or CCID message is malformed.</exception>
    public void Decode(in CapturePacket packet, ICollection<SpyMessage> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!UsbPacketDecoder.IsUsb(packet.LinkType))
            return;
        UsbTransfer transfer;
        try
        {
            transfer = UsbPacketDecoder.Decode(packet);
        }
        catch (CardKitFormatException e)
        {
            throw new CaptureFormatException(e.Reason, packet.Frame, packet.DataOffset + Math.Max(0, e.Offset), e);
        }
        if (transfer.Payload.IsEmpty)
            return;
        var key = transfer.Bus << 16 | transfer.Device;
        if (!_devices.TryGetValue(key, out var device))
        {
            var name = transfer.DeviceName;
            if (_options.Device is not null && _options.Device != name)
                return;
            _devices[key] = device = new CcidDevice(name);
        }
        try
        {
            switch (transfer.Type)
            {
                case UsbTransferType.Control when transfer.IsCompletion && transfer.IsIn:
                    ReadDescriptors(device, packet, transfer, output);
                    break;
                case UsbTransferType.Bulk when transfer.IsIn == transfer.IsCompletion:
                    DecodeBulk(device, packet, transfer, output);
                    break;
                case UsbTransferType.Interrupt when transfer.IsIn && transfer.IsCompletion:
                    DecodeInterrupt(device, packet, transfer, output);
                    break;
            }
        }
        catch (CardKitFormatException e) when (e is not CaptureFormatException)
        {
            throw new CaptureFormatException(e.Reason, packet.Frame, packet.DataOffset + transfer.PayloadOffset + Math.Max(0, e.Offset), e);
        }
    }

    /// <summary>At the end of the capture: a notice for every request that got no response.</summary>
    public void Finish(ICollection<SpyMessage> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var device in _devices.Values)
        {
            foreach (var pending in device.Pending.Values.OrderBy(p => p.Message.Frame))
                output.Add(Unanswered(pending.Message, "no response in the capture"));
            device.Pending.Clear();
        }
    }

    private static SpyMessage Unanswered(SpyMessage request, string note) => new()
    {
        Frame = request.Frame,
        Time = request.Time,
        Device = request.Device,
        Direction = "none",
        Slot = request.Slot,
        Seq = request.Seq,
        Message = "unanswered request",
        Type = request.Type,
        Request = request.Frame,
        Note = $"{request.Message}: {note}",
        RequestMessage = request,
    };

    // USB 2.0 §9.6.3-§9.6.6: configuration, interface, endpoint descriptors; CCID Rev 1.1 §5.1 class descriptor.
    private static void ReadDescriptors(CcidDevice device, in CapturePacket packet, in UsbTransfer transfer, ICollection<SpyMessage> output)
    {
        var d = transfer.Payload.Span;
        if (d.Length < 9 || d[0] != 9 || d[1] != 2)
            return;
        var inCcid = false;
        CcidClassDescriptor? found = null;
        byte bulkIn = 0, bulkOut = 0, interrupt = 0;
        for (var at = 0; at + 2 <= d.Length && d[at] >= 2;)
        {
            var length = d[at];
            if (at + length > d.Length)
                break;
            var type = d[at + 1];
            if (type == 4 && length >= 9)
            {
                inCcid = d[at + 5] == 0x0B;
            }
            else if (inCcid && type == CcidClassDescriptor.DescriptorType && length >= CcidClassDescriptor.Size)
            {
                found = CcidClassDescriptor.Parse(d.Slice(at, length));
            }
            else if (inCcid && type == 5 && length >= 7)
            {
                var address = d[at + 2];
                switch (d[at + 3] & 3)
                {
                    case 2 when (address & 0x80) != 0: bulkIn = address; break;
                    case 2: bulkOut = address; break;
                    case 3: interrupt = address; break;
                }
            }
            at += length;
        }
        if (found is null || found == device.Descriptor)
            return;
        device.Descriptor = found;
        device.FromDescriptor = true;
        device.BulkIn = bulkIn;
        device.BulkOut = bulkOut;
        device.Interrupt = interrupt;
        device.Announced = true;
        output.Add(InterfaceMessage(device, packet, new SpyInterface
        {
            Source = "descriptor",
            ExchangeLevel = LevelName(found.ExchangeLevel),
            Features = found.Features,
            PinSupport = found.PinSupport,
            MaxMessageLength = found.MaxCcidMessageLength,
            MaxSlotIndex = found.MaxSlotIndex,
            MaxIfsd = found.MaxIfsd,
        }));
    }

    // The line that says how a device's CCID interface was recognised.
    private static SpyMessage InterfaceMessage(CcidDevice device, in CapturePacket packet, SpyInterface found, string? note = null) => new()
    {
        Frame = packet.Frame,
        Time = SpyTime.Format(packet.TimestampNanoseconds),
        Device = device.Name,
        Direction = "none",
        Message = "CCID interface",
        Interface = found,
        Note = note,
    };

    private static string LevelName(CcidExchangeLevel level) => level switch
    {
        CcidExchangeLevel.Character => "character",
        CcidExchangeLevel.Tpdu => "TPDU",
        CcidExchangeLevel.ShortApdu => "short APDU",
        _ => "extended APDU",
    };

    private void DecodeBulk(CcidDevice device, in CapturePacket packet, in UsbTransfer transfer, ICollection<SpyMessage> output)
    {
        var payload = transfer.Payload.Span;
        if (device.FromDescriptor)
        {
            if (transfer.Endpoint != (transfer.IsIn ? device.BulkIn : device.BulkOut))
                return;
        }
        else if (!CcidHeader.TryRead(payload, out var probe) || !CcidNames.IsBulkType(probe.Type) || probe.IsCommand == transfer.IsIn)
        {
            return;
        }
        var header = CcidHeader.Read(payload);
        Announce(device, packet, output);
        var message = header.IsCommand || !transfer.IsIn
            ? Command(device, packet, header, payload[CcidHeader.Size..])
            : Response(device, packet, header, payload[CcidHeader.Size..]);
        output.Add(message);
    }

    private static void Announce(CcidDevice device, in CapturePacket packet, ICollection<SpyMessage> output)
    {
        if (device.Announced)
            return;
        device.Announced = true;
        output.Add(InterfaceMessage(device, packet, new SpyInterface { Source = "heuristic", ExchangeLevel = "unknown" },
            "no configuration descriptor in the capture: CCID recognised from the messages on the bulk endpoints"));
    }

    // CCID Rev 1.1 §6.1: PC_to_RDR messages.
    private SpyMessage Command(CcidDevice device, in CapturePacket packet, CcidHeader header, ReadOnlySpan<byte> data)
    {
        var slot = device.Slot(header.Slot);
        string? detail = null, note = null, hex = null;
        CcidProtocolData? parameters = null;
        SpyT1Block? t1 = null;
        SpySecure? secure = null;
        CommandSummary? apdu = null;
        byte[]? apduBytes = null;
        switch (header.MessageType)
        {
            case CcidMessageType.IccPowerOn:
                detail = CcidNames.PowerSelect(header.Byte7);
                break;
            case CcidMessageType.XfrBlock:
                detail = Join(header.Byte7 != 0 ? $"BWI {header.Byte7}" : null,
                    device.Level == CcidExchangeLevel.ExtendedApdu || header.Word89 != 0 ? CcidNames.LevelParameter(header.Word89) : null);
                (apduBytes, t1, note, hex) = Payload(device, slot, header, data, fromHost: true);
                break;
            case CcidMessageType.Secure:
                detail = Join(header.Byte7 != 0 ? $"BWI {header.Byte7}" : null, data.Length > 0 ? CcidNames.PinOperation(data[0]) : "no bPINOperation");
                secure = SpySecure.FromCcid(data, _options.Aids);
                slot.LastCommand = null;
                break;
            case CcidMessageType.SetParameters:
                parameters = slot.Use(CcidProtocolData.Parse(header.Byte7, data));
                break;
            case CcidMessageType.Escape:
                hex = Hex.Format(data, '\0');
                break;
            case CcidMessageType.IccClock:
                detail = CcidNames.ClockCommand(header.Byte7);
                break;
            case CcidMessageType.T0Apdu:
                detail = $"bmChanges {header.Byte7:X2}, GET RESPONSE class {header.Byte8:X2}, ENVELOPE class {header.Byte9:X2}";
                break;
            case CcidMessageType.Mechanical:
                detail = CcidNames.MechanicalFunction(header.Byte7);
                break;
            case CcidMessageType.SetDataRateAndClockFrequency:
                detail = DataRate(data);
                break;
            case CcidMessageType.IccPowerOff or CcidMessageType.GetSlotStatus or CcidMessageType.GetParameters
                or CcidMessageType.ResetParameters or CcidMessageType.Abort:
                break;
            default:
                note = "not a CCID 1.1 message type";
                hex = data.Length > 0 ? Hex.Format(data, '\0') : null;
                break;
        }
        if (apduBytes is not null)
        {
            apdu = CommandSummary.Of(apduBytes, _options.ShowSecrets, _options.Aids, slot.Continues(apduBytes));
            slot.LastCommand = apduBytes;
        }
        var key = header.Slot << 8 | header.Seq;
        PendingRequest? busy = null;
        foreach (var p in device.Pending.Values)
        {
            if (p.Slot == header.Slot)
                busy = p;
        }
        if (busy is not null && header.MessageType != CcidMessageType.Abort && busy.Message.Type != (int)CcidMessageType.Abort)
        {
            device.Pending.Remove(header.Slot << 8 | busy.Seq);
            note = Join(note, $"the {busy.Message.Message} of frame {busy.Message.Frame} (seq {busy.Seq}) got no response before this one");
        }
        var message = new SpyMessage(packet, device.Name, "out", header.Type, header.Slot, header.Seq)
        {
            Detail = detail,
            Apdu = apdu,
            T1 = t1,
            Secure = secure,
            Parameters = parameters,
            Data = hex,
            Note = note,
            CommandBytes = apduBytes,
        };
        device.Pending[key] = new PendingRequest(message, header.Slot, header.Seq, packet.TimestampNanoseconds);
        return message;
    }

    // CCID Rev 1.1 §6.2: RDR_to_PC messages.
    private SpyMessage Response(CcidDevice device, in CapturePacket packet, CcidHeader header, ReadOnlySpan<byte> data)
    {
        var slot = device.Slot(header.Slot);
        var key = header.Slot << 8 | header.Seq;
        var commandStatus = header.Byte7 >> 6;
        device.Pending.TryGetValue(key, out var pending);
        // §6.2.6: a time extension is not the answer; the answer follows with the same bSeq.
        if (pending is not null && commandStatus != 2)
            device.Pending.Remove(key);
        string? detail = null, note = null, hex = null;
        SpyAtr? atr = null;
        SpyT1Block? t1 = null;
        ResponseSummary? response = null;
        CcidProtocolData? parameters = null;
        byte[]? responseBytes = null, answered = null;
        if (pending is null)
        {
            note = $"unexpected response: no request with slot {header.Slot} and sequence {header.Seq} is pending";
        }
        else if (CcidNames.ResponseTo((byte)pending.Message.Type) is var expected and not 0 && expected != header.Type)
        {
            note = $"answers {pending.Message.Message}, which expects {CcidNames.Message(expected)}";
        }
        var status = Statuses[header.Byte7] ??= new SpyStatus(header.Byte7, CcidNames.IccStatus(header.Byte7), CcidNames.CommandStatus(header.Byte7));
        SpyError? error = commandStatus == 1 ? new SpyError(header.Byte8, CcidNames.ErrorName(header.Byte8), CcidNames.Error(header.Byte8)) : null;
        if (commandStatus == 2)
            detail = $"time extension requested, multiplier {header.Byte8}";
        switch (header.MessageType)
        {
            case CcidMessageType.DataBlock when commandStatus != 2:
                if (device.Level == CcidExchangeLevel.ExtendedApdu || header.Byte9 != 0)
                    detail = CcidNames.ChainParameter(header.Byte9);
                if (pending?.Message.Type == (int)CcidMessageType.IccPowerOn)
                {
                    if (data.Length > 0)
                        atr = Atr(data);
                    slot.PowerOn();
                }
                else if (data.Length > 0 && (pending is null || pending.Message.Type is (int)CcidMessageType.XfrBlock or (int)CcidMessageType.Secure))
                {
                    (responseBytes, t1, note, hex) = Payload(device, slot, header, data, fromHost: false, note);
                    if (responseBytes is not null)
                    {
                        answered = pending is null ? null : slot.LastCommand;
                        response = ResponseSummary.Of(responseBytes, answered ?? []);
                        if (answered is not null)
                            slot.Answered(packet.Frame, responseBytes);
                    }
                }
                else if (data.Length > 0)
                {
                    hex = Hex.Format(data, '\0');
                }
                break;
            case CcidMessageType.SlotStatus:
                detail = Join(detail, CcidNames.ClockStatus(header.Byte9));
                break;
            case CcidMessageType.Parameters:
                if (data.Length > 0)
                    parameters = slot.Use(CcidProtocolData.Parse(header.Byte9, data));
                break;
            case CcidMessageType.EscapeResponse:
                hex = data.Length > 0 ? Hex.Format(data, '\0') : null;
                break;
            case CcidMessageType.DataRateAndClockFrequency:
                detail = data.Length > 0 ? DataRate(data) : detail;
                break;
        }
        var elapsed = pending is null ? 0 : (packet.TimestampNanoseconds - pending.Nanoseconds) / 1e6;
        return new SpyMessage(packet, device.Name, "in", header.Type, header.Slot, header.Seq)
        {
            Request = pending?.Message.Frame ?? 0,
            ElapsedMs = elapsed,
            Detail = detail,
            Status = status,
            Error = error,
            Response = response,
            Atr = atr,
            T1 = t1,
            Parameters = parameters,
            Data = hex,
            Note = note,
            RequestMessage = pending?.Message,
            ResponseBytes = responseBytes,
            AnsweredCommand = answered,
        };
    }

    private SpyAtr Atr(ReadOnlySpan<byte> bytes)
    {
        var parsed = AtrParser.Parse(bytes);
        var defects = parsed.Defects.Where(d => d.IsError).Select(d => d.Message).ToList();
        var cards = _options.Cards?.Match(bytes).SelectMany(e => e.Descriptions).ToList();
        return new SpyAtr
        {
            Hex = Hex.Format(bytes, '\0'),
            Valid = parsed.IsValid,
            Protocols = parsed.Protocols,
            Defects = defects.Count > 0 ? defects : null,
            Cards = cards is { Count: > 0 } ? cards : null,
        };
    }

    /// <summary>
    /// The payload of an XfrBlock or DataBlock by exchange level: an APDU (with extended-level
    /// chaining, CCID Rev 1.1 §6.1.4 / §6.2.1), a T=1 block (ISO/IEC 7816-3:2006 §11) or raw bytes.
    /// Returns the APDU (command or response) this message completes, if any.
    /// </summary>
    private (byte[]? Apdu, SpyT1Block? T1, string? Note, string? Hex) Payload(CcidDevice device, CcidSlot slot, CcidHeader header,
        ReadOnlySpan<byte> data, bool fromHost, string? note = null)
    {
        if (device.Level == CcidExchangeLevel.Character)
            return (null, null, note, Hex.Format(data, '\0'));
        if (device.Level == CcidExchangeLevel.Tpdu || device.Level is null)
        {
            if (IsT1(slot, data))
                return T1(slot, data, fromHost, note);
            if (device.Level == CcidExchangeLevel.Tpdu && slot.Protocol == 1)
                return (null, null, Join(note, "not a well-formed T=1 block"), Hex.Format(data, '\0'));
        }
        if (device.Level != CcidExchangeLevel.ExtendedApdu)
            return (data.ToArray(), null, note, null);
        var chain = fromHost ? slot.CommandChain : slot.ResponseChain;
        var parameter = fromHost ? header.Word89 : header.Byte9;
        switch (parameter)
        {
            case 0x00:
                chain.Clear();
                return (data.ToArray(), null, note, null);
            case 0x01:
                chain.Clear();
                chain.AddRange(data);
                return (null, null, note, null);
            case 0x03:
                chain.AddRange(data);
                return (null, null, note, null);
            case 0x02:
                chain.AddRange(data);
                var whole = chain.ToArray();
                chain.Clear();
                return (whole, null, note, null);
            default:
                return (null, null, note, data.Length > 0 ? Hex.Format(data, '\0') : null);
        }
    }

    private static bool IsT1(CcidSlot slot, ReadOnlySpan<byte> data) => slot.Protocol switch
    {
        1 => true,
        0 => false,
        _ => T1Block.TryParse(data, false, out var block) && block!.EdcValid && (block.Nad & 0x88) == 0,
    };

    private (byte[]? Apdu, SpyT1Block? T1, string? Note, string? Hex) T1(CcidSlot slot, ReadOnlySpan<byte> data, bool fromHost, string? note)
    {
        if (!T1Block.TryParse(data, slot.Crc, out var block))
        {
            try
            {
                T1Block.Parse(data, slot.Crc);
            }
            catch (CardKitFormatException e)
            {
                return (null, null, Join(note, "not a T=1 block: " + e.Reason), Hex.Format(data, '\0'));
            }
        }
        byte[]? apdu = null;
        var secret = false;
        if (!block!.EdcValid)
        {
            note = Join(note, $"EDC mismatch: received {EdcHex(block.Edc, block.UsesCrc)}, computed {EdcHex(block.ExpectedEdc, block.UsesCrc)}; the block is not accepted");
        }
        else if (block.Kind == T1BlockKind.Information)
        {
            var direction = fromHost ? slot.HostT1 : slot.CardT1;
            if (direction.LastSequence == block.SendSequence)
            {
                note = Join(note, $"repeats I-block N(S)={block.SendSequence} (retransmission)");
            }
            else
            {
                direction.LastSequence = block.SendSequence;
                if (direction.Chain.Count == 0 && fromHost)
                {
                    direction.Secret = ApduDecoder.CarriesSecret(block.Information);
                    slot.CardT1.Chain.Clear();
                }
                direction.Chain.AddRange(block.Information);
                if (!block.More)
                {
                    apdu = [.. direction.Chain];
                    direction.Chain.Clear();
                }
            }
            secret = fromHost && direction.Secret && !_options.ShowSecrets;
        }
        else if (block.Kind == T1BlockKind.Supervisory && block.SupervisoryFunction == 0 && block.IsResponse)
        {
            slot.ResetT1();
        }
        var inf = !secret ? Hex.Format(block.Information, '\0')
            : fromHost && slot.HostT1.Chain.Count == block.Length || apdu is not null && apdu.Length == block.Length
                ? CommandSummary.MaskedHex(block.Information, false)
                : string.Concat(Enumerable.Repeat("**", block.Length));
        var summary = new SpyT1Block
        {
            Text = block.Describe(),
            Block = block.Kind switch { T1BlockKind.Information => "I", T1BlockKind.Receive => "R", _ => "S" },
            Nad = block.Nad,
            Pcb = block.Pcb,
            Ns = block.Kind == T1BlockKind.Information ? block.SendSequence : null,
            More = block.Kind == T1BlockKind.Information ? block.More : null,
            Nr = block.Kind == T1BlockKind.Receive ? block.ReceiveSequence : null,
            Error = block.Kind == T1BlockKind.Receive ? block.ReceiveError switch { 0 => "none", 1 => "EDC/parity", 2 => "other", _ => "RFU" } : null,
            Function = block.Kind == T1BlockKind.Supervisory ? $"{block.SupervisoryName} {(block.IsResponse ? "response" : "request")}" : null,
            Len = block.Length,
            Inf = inf,
            Edc = EdcHex(block.Edc, block.UsesCrc),
            EdcOk = block.EdcValid,
            ExpectedEdc = block.EdcValid ? null : EdcHex(block.ExpectedEdc, block.UsesCrc),
        };
        return (apdu, summary, note, null);
    }

    private static string EdcHex(int edc, bool crc) => crc ? edc.ToString("X4", CultureInfo.InvariantCulture) : edc.ToString("X2", CultureInfo.InvariantCulture);

    // CCID Rev 1.1 §6.3.1 NotifySlotChange (2 bits per slot), §6.3.2 HardwareError.
    private static void DecodeInterrupt(CcidDevice device, in CapturePacket packet, in UsbTransfer transfer, ICollection<SpyMessage> output)
    {
        var d = transfer.Payload.Span;
        if (device.FromDescriptor ? transfer.Endpoint != device.Interrupt : !(d[0] == 0x50 && d.Length is >= 2 and <= 33 || d[0] == 0x51 && d.Length == 4))
            return;
        Announce(device, packet, output);
        if (d[0] == 0x50)
        {
            var count = device.Descriptor is { } descriptor ? Math.Min(descriptor.MaxSlotIndex + 1, (d.Length - 1) * 4) : (d.Length - 1) * 4;
            var slots = new List<SpySlotChange>(count);
            for (var i = 0; i < count; i++)
            {
                var bits = d[1 + i / 4] >> (i % 4 * 2);
                slots.Add(new SpySlotChange(i, (bits & 1) != 0, (bits & 2) != 0));
            }
            output.Add(new SpyMessage(packet, device.Name, "in", 0x50, slot: null, seq: null)
            {
                Slots = slots,
                Detail = string.Join(", ", slots.Where(s => s.Changed).Select(s => $"slot {s.Slot} card {(s.Present ? "inserted" : "removed")}")) is { Length: > 0 } text ? text : "no change",
            });
        }
        else if (d[0] == 0x51)
        {
            if (d.Length != 4)
                throw new CardKitFormatException($"RDR_to_PC_HardwareError has 4 bytes, got {d.Length}", 0);
            output.Add(new SpyMessage(packet, device.Name, "in", 0x51, slot: d[1], seq: d[2]) { Detail = CcidNames.HardwareError(d[3]) });
        }
        else
        {
            throw new CardKitFormatException($"interrupt message type {d[0]:X2} is neither 50 (NotifySlotChange) nor 51 (HardwareError)", 0);
        }
    }

    // CCID Rev 1.1 §6.1.14: dwClockFrequency then dwDataRate, little-endian.
    private static string DataRate(ReadOnlySpan<byte> data) => data.Length == 8
        ? string.Create(CultureInfo.InvariantCulture, $"clock {BinaryPrimitives.ReadUInt32LittleEndian(data)} kHz, data rate {BinaryPrimitives.ReadUInt32LittleEndian(data[4..])} bps")
        : $"{data.Length} data bytes (8 expected: clock and data rate)";

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + "; " + b;

    private sealed record PendingRequest(SpyMessage Message, byte Slot, byte Seq, long Nanoseconds);

    private sealed class CcidDevice(string name)
    {
        private readonly Dictionary<int, CcidSlot> _slots = [];

        public string Name { get; } = name;
        public Dictionary<int, PendingRequest> Pending { get; } = [];
        public CcidClassDescriptor? Descriptor { get; set; }
        public bool FromDescriptor { get; set; }
        public bool Announced { get; set; }
        public byte BulkIn { get; set; }
        public byte BulkOut { get; set; }
        public byte Interrupt { get; set; }
        public CcidExchangeLevel? Level => Descriptor?.ExchangeLevel;

        public CcidSlot Slot(int index)
        {
            if (!_slots.TryGetValue(index, out var slot))
                _slots[index] = slot = new CcidSlot();
            return slot;
        }
    }

    private sealed class T1Direction
    {
        public List<byte> Chain { get; } = [];
        public int LastSequence { get; set; } = -1;
        public bool Secret { get; set; }
    }

    private sealed class CcidSlot
    {
        private long _lastFrame;
        private byte _lastSw1, _lastSw2;
        private byte[]? _lastAnswered;

        public int Protocol { get; set; } = -1;
        public bool Crc { get; set; }
        public List<byte> CommandChain { get; } = [];
        public List<byte> ResponseChain { get; } = [];
        public T1Direction HostT1 { get; } = new();
        public T1Direction CardT1 { get; } = new();
        public byte[]? LastCommand { get; set; }

        public void PowerOn()
        {
            Protocol = -1;
            Crc = false;
            CommandChain.Clear();
            ResponseChain.Clear();
            ResetT1();
            _lastAnswered = null;
        }

        // CCID Rev 1.1 §6.1.7, §6.2.3: the protocol data of SetParameters and of Parameters say how the slot talks from then on.
        public CcidProtocolData Use(CcidProtocolData parameters)
        {
            Protocol = parameters.Protocol;
            Crc = parameters.UsesCrc;
            return parameters;
        }

        public void ResetT1()
        {
            HostT1.Chain.Clear();
            CardT1.Chain.Clear();
            HostT1.LastSequence = CardT1.LastSequence = -1;
        }

        public void Answered(long frame, byte[] response)
        {
            _lastFrame = frame;
            (_lastSw1, _lastSw2) = response.Length >= 2 ? (response[^2], response[^1]) : ((byte)0, (byte)0);
            _lastAnswered = LastCommand;
        }

        /// <summary>ISO/IEC 7816-3:2006 §10.3.3/§12.2.3 and GSM 11.11 §9.4.1: GET RESPONSE after 61xx/9Fxx, the same command with Le = xx after 6Cxx.</summary>
        public long? Continues(byte[] command)
        {
            if (_lastAnswered is null || command.Length < 4)
                return null;
            if (_lastSw1 is 0x61 or 0x9F && command[1] == 0xC0)
                return _lastFrame;
            if (_lastSw1 == 0x6C && _lastAnswered.Length >= 4 && command.AsSpan(0, 4).SequenceEqual(_lastAnswered.AsSpan(0, 4)) && command[^1] == _lastSw2)
                return _lastFrame;
            return null;
        }
    }
}
