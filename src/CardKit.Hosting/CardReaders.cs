using CardKit.Ccid;
using CardKit.Emulator;
using CardKit.Pcsc;

namespace CardKit.Hosting;

/// <summary>
/// Turns a reader designation into an open channel: an index ("0"), a reader name or a part of it
/// (case-insensitive, must be unambiguous), or "emu:sim" / "emu:usim" / "emu:iso" for a built-in
/// virtual card in process (no pcscd needed). No designation: the first reader with a card.
/// </summary>
public static class CardReaders
{
    /// <summary>The prefix that designates a built-in virtual card.</summary>
    public const string EmulatorPrefix = "emu:";

    /// <summary>The designations of the built-in virtual cards: "emu:sim", "emu:usim", "emu:iso".</summary>
    public static IReadOnlyList<string> VirtualCardDesignations { get; } = [.. VirtualCards.Kinds.Select(k => EmulatorPrefix + k)];

    /// <summary>True when <paramref name="designation"/> names a built-in virtual card.</summary>
    public static bool IsVirtual(string? designation) =>
        designation is not null && designation.StartsWith(EmulatorPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the card <paramref name="designation"/> names (PC/SC or in-process virtual card).</summary>
    /// <exception cref="ReaderSelectionException">The designation names no reader.</exception>
    public static ICardChannel Open(string? designation) => IsVirtual(designation)
        ? OpenVirtual(designation![EmulatorPrefix.Length..])
        : PcscCard.Open(Resolve(designation));

    /// <summary>
    /// Opens the card <paramref name="designation"/> names; an in-process virtual reader then has a simulated
    /// pin pad whose keys come from <paramref name="virtualKeypad"/> (PC/SC readers are what they are).
    /// </summary>
    /// <exception cref="ReaderSelectionException">The designation names no reader.</exception>
    public static ICardChannel Open(string? designation, Func<PinPadPrompt, string?> virtualKeypad)
    {
        ArgumentNullException.ThrowIfNull(virtualKeypad);
        return IsVirtual(designation)
            ? OpenVirtual(designation![EmulatorPrefix.Length..], new SimulatedPinPad(virtualKeypad))
            : PcscCard.Open(Resolve(designation));
    }

    private static EmulatedChannel OpenVirtual(string kind, SimulatedPinPad? pinPad = null)
    {
        if (!VirtualCards.Kinds.Contains(kind))
            throw new ReaderSelectionException(ReaderSelectionFailure.UnknownVirtualCard, EmulatorPrefix + kind, VirtualCardDesignations,
                $"there is no virtual card '{EmulatorPrefix}{kind}'; there are {string.Join(", ", VirtualCardDesignations)}");
        return new EmulatedChannel(VirtualCards.Create(kind), pinPad: pinPad);
    }

    /// <summary>The PC/SC reader name <paramref name="designation"/> means, asked of pcscd now.</summary>
    /// <exception cref="ReaderSelectionException">The designation names no reader.</exception>
    public static string Resolve(string? designation)
    {
        using var context = PcscContext.Establish();
        return Resolve(designation, context.GetReaderStates());
    }

    /// <summary>The reader name <paramref name="designation"/> means among <paramref name="readers"/>.</summary>
    /// <exception cref="ReaderSelectionException">The designation names no reader.</exception>
    public static string Resolve(string? designation, IReadOnlyList<ReaderSnapshot> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var names = readers.Select(r => r.Name).ToList();
        if (readers.Count == 0)
            throw new ReaderSelectionException(ReaderSelectionFailure.NoReaders, designation, names, "pcscd runs but has no reader");
        if (designation is null)
        {
            return readers.FirstOrDefault(r => r.CardPresent)?.Name
                ?? throw new ReaderSelectionException(ReaderSelectionFailure.NoCard, designation, names,
                    $"no card in any reader ({string.Join(", ", names)})");
        }
        if (int.TryParse(designation, out var index))
        {
            if (index < 0 || index >= readers.Count)
                throw new ReaderSelectionException(ReaderSelectionFailure.IndexOutOfRange, designation, names,
                    $"reader index {index} is out of range: there are {readers.Count} readers (0..{readers.Count - 1})");
            return readers[index].Name;
        }
        if (names.Contains(designation))
            return designation;
        var matches = names.Where(n => n.Contains(designation, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ReaderSelectionException(ReaderSelectionFailure.NoMatch, designation, names,
                $"no reader matches '{designation}'; readers: {string.Join(", ", names)}"),
            _ => throw new ReaderSelectionException(ReaderSelectionFailure.Ambiguous, designation, matches,
                $"'{designation}' matches {matches.Count} readers ({string.Join(", ", matches)}); be more specific or use the index"),
        };
    }
}
