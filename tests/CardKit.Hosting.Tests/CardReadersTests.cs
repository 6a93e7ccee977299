using CardKit.Emulator;
using CardKit.Pcsc;
using CardKit.Testing;

namespace CardKit.Hosting.Tests;

/// <summary>Reader choice; the last test uses "Virtual PCD G 00 00".</summary>
[Collection("Reader G")]
public class CardReadersTests
{
    private static readonly ReaderSnapshot[] Readers =
    [
        new("Virtual PCD 00 00", ReaderStates.Empty, []),
        new("Virtual PCD 00 01", ReaderStates.Present, [0x3B, 0x00]),
        new("ACS ACR39U 00 00", ReaderStates.Empty, []),
    ];

    [Theory]
    [InlineData(null, "Virtual PCD 00 01")]
    [InlineData("0", "Virtual PCD 00 00")]
    [InlineData("2", "ACS ACR39U 00 00")]
    [InlineData("acr39", "ACS ACR39U 00 00")]
    [InlineData("Virtual PCD 00 01", "Virtual PCD 00 01")]
    public void A_designation_names_one_reader(string? designation, string expected) =>
        Assert.Equal(expected, CardReaders.Resolve(designation, Readers));

    [Theory]
    [InlineData("3", ReaderSelectionFailure.IndexOutOfRange, ErrorCategory.Usage)]
    [InlineData("-1", ReaderSelectionFailure.IndexOutOfRange, ErrorCategory.Usage)]
    [InlineData("virtual", ReaderSelectionFailure.Ambiguous, ErrorCategory.Usage)]
    [InlineData("gemalto", ReaderSelectionFailure.NoMatch, ErrorCategory.Environment)]
    public void A_designation_that_names_no_reader_says_why(string designation, ReaderSelectionFailure failure, ErrorCategory category)
    {
        var e = Assert.Throws<ReaderSelectionException>(() => CardReaders.Resolve(designation, Readers));
        Assert.Equal(failure, e.Failure);
        Assert.Equal(category, e.Category);
        Assert.Equal(designation, e.Designation);
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_name_lists_only_the_readers_it_matches()
    {
        var e = Assert.Throws<ReaderSelectionException>(() => CardReaders.Resolve("virtual", Readers));
        Assert.Equal(["Virtual PCD 00 00", "Virtual PCD 00 01"], e.Candidates);
    }

    [Fact]
    public void Without_a_designation_and_without_a_card_nothing_is_guessed()
    {
        var e = Assert.Throws<ReaderSelectionException>(() => CardReaders.Resolve(null, [Readers[0], Readers[2]]));
        Assert.Equal(ReaderSelectionFailure.NoCard, e.Failure);
        Assert.Equal(ErrorCategory.CardOrData, e.Category);
    }

    [Fact]
    public void No_reader_at_all_is_an_environment_failure()
    {
        var e = Assert.Throws<ReaderSelectionException>(() => CardReaders.Resolve("0", []));
        Assert.Equal(ReaderSelectionFailure.NoReaders, e.Failure);
        Assert.Equal(ErrorCategory.Environment, e.Category);
    }

    [Theory]
    [InlineData("emu:sim", "3B")]
    [InlineData("EMU:usim", "3B")]
    [InlineData("emu:iso", "3B")]
    public void A_virtual_card_opens_in_process(string designation, string atrStart)
    {
        using var channel = CardReaders.Open(designation);
        Assert.IsType<EmulatedChannel>(channel);
        Assert.StartsWith(atrStart, Hex.Format(channel.Atr.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_virtual_card_lists_the_ones_there_are()
    {
        var e = Assert.Throws<ReaderSelectionException>(() => CardReaders.Open("emu:javacard"));
        Assert.Equal(ReaderSelectionFailure.UnknownVirtualCard, e.Failure);
        Assert.Equal(["emu:sim", "emu:usim", "emu:iso"], e.Candidates);
    }

    [Fact]
    public async Task A_name_fragment_opens_the_card_in_the_real_pcscd_reader()
    {
        var reader = VirtualReaders.Hosting[0];
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("iso"), reader, TestContext.Current.CancellationToken);
        using var channel = CardReaders.Open(reader.Name["Virtual ".Length..].ToLowerInvariant()); // "pcd g 00 00"
        Assert.Equal(reader.Name, channel.ReaderName);
        Assert.Equal(inserted.Card.Atr.ToArray(), channel.Atr.ToArray());
    }
}
