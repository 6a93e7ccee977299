using CardKit.Emulator;
using CardKit.Pcsc;

namespace CardKit.Cli;

/// <summary>
/// Turns a `--reader` value into an open channel: an index ("0"), a reader name or a part of it
/// (case-insensitive, must be unambiguous), or "emu:sim" / "emu:usim" / "emu:iso" for a built-in
/// virtual card in process (no pcscd needed). Without a value: the first reader with a card.
/// </summary>
internal static class CardConnector
{
    public const string EmulatorPrefix = "emu:";

    public static ICardChannel Open(string? reader, CliOutput output, bool trace)
    {
        ICardChannel channel = reader is not null && reader.StartsWith(EmulatorPrefix, StringComparison.OrdinalIgnoreCase)
            ? OpenEmulated(reader[EmulatorPrefix.Length..])
            : PcscCard.Open(ResolveReader(reader));
        return trace ? new TracingChannel(channel, new TextTraceObserver(output.Error)) : channel;
    }

    private static EmulatedChannel OpenEmulated(string kind)
    {
        if (!VirtualCards.Kinds.Contains(kind))
            throw CliException.Usage($"unknown virtual card 'emu:{kind}': use {string.Join(", ", VirtualCards.Kinds.Select(k => EmulatorPrefix + k))}");
        return new EmulatedChannel(VirtualCards.Create(kind));
    }

    /// <summary>The PC/SC reader name a `--reader` value designates.</summary>
    public static string ResolveReader(string? spec)
    {
        using var context = PcscContext.Establish();
        var readers = context.GetReaderStates();
        if (readers.Count == 0)
            throw CliException.Environment("pcscd runs but has no reader. Plug one in, start a virtual card (`cardkit emulate sim`), or use `--reader emu:sim`.");
        if (spec is null)
        {
            return readers.FirstOrDefault(r => r.CardPresent)?.Name
                ?? throw CliException.CardOrData($"no card in any reader ({string.Join(", ", readers.Select(r => r.Name))}). " +
                                                 "Insert one, start `cardkit emulate sim`, or use `--reader emu:sim`.");
        }
        if (int.TryParse(spec, out var index))
        {
            if (index < 0 || index >= readers.Count)
                throw CliException.Usage($"reader index {index} is out of range: there are {readers.Count} readers (0..{readers.Count - 1}); `cardkit readers` lists them");
            return readers[index].Name;
        }
        var exact = readers.FirstOrDefault(r => r.Name == spec);
        if (exact is not null)
            return exact.Name;
        var matches = readers.Where(r => r.Name.Contains(spec, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Name,
            0 => throw CliException.Environment($"no reader matches '{spec}'; readers: {string.Join(", ", readers.Select(r => r.Name))}"),
            _ => throw CliException.Usage($"'{spec}' matches {matches.Count} readers ({string.Join(", ", matches.Select(r => r.Name))}); be more specific or use the index"),
        };
    }
}
