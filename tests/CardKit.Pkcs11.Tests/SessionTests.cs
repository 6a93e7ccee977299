using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>What the commands used to do themselves, now in the library: summaries, opening a session from a URI, ids in use, slot events.</summary>
[Collection("SoftHSM")]
public class SessionTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void The_module_summary_lists_every_slot_with_its_token(string abi)
    {
        using var module = TestModules.Load(abi);
        var summary = ModuleSummary.Read(module);
        Assert.Equal(module.Path, summary.Module);
        Assert.Equal("SoftHSM", summary.Manufacturer);
        Assert.Equal(module.GetInfo().CryptokiVersion, summary.CryptokiVersion);
        var slot = Assert.Single(summary.Slots, s => s.Token == TokenSetup.Label);
        Assert.True(slot.Initialized);
        Assert.Equal("SoftHSM v2", slot.Model);
        Assert.Equal(module.FindToken(TokenSetup.Label)!.Id.Value, slot.Id);
        Assert.Contains(summary.Slots, s => !s.Initialized); // SoftHSM2's free slot
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void A_session_from_a_URI_logs_in_with_the_PIN_and_refuses_to_go_on_without_one_when_needed(string abi)
    {
        using var module = TestModules.Load(abi);
        var uri = Pkcs11Uri.Parse($"pkcs11:token={TokenSetup.Label}");
        var required = Assert.Throws<PinRequiredException>(() => UriSelection.OpenSession(module, uri, pin: null, readWrite: false, loginRequired: true));
        Assert.Equal(ErrorCategory.Usage, required.Category);
        Assert.Equal($"pkcs11:token={TokenSetup.Label}", required.Uri);
        using (var anonymous = UriSelection.OpenSession(module, uri, pin: null, readWrite: false, loginRequired: false))
            Assert.Equal(module.FindToken(TokenSetup.Label)!.Id, anonymous.Slot.Id);
        using var session = UriSelection.OpenSession(module, uri, SoftHsm.Pin, readWrite: true, loginRequired: true);
        var id = System.Security.Cryptography.RandomNumberGenerator.GetBytes(4);
        var (publicKey, privateKey) = session.GenerateKeyPair(KeySpec.Parse("ec:p256"), "summary", id);
        Assert.Equal(new ObjectSummary("private", "summary", Convert.ToHexString(id), "EC"), ObjectSummary.Read(session, privateKey));
        Assert.Equal(new ObjectSummary("public", "summary", Convert.ToHexString(id), "EC"), ObjectSummary.Read(session, publicKey));
        var inUse = Assert.Throws<ObjectIdInUseException>(() => session.ThrowIfIdInUse(id));
        Assert.Equal(2, inUse.Count);
        Assert.Equal(id, inUse.Id);
        Assert.Equal($"the token already has 2 object(s) with id {Convert.ToHexString(id)}", inUse.Message);
        session.ThrowIfIdInUse([0xEE, 0xEE, 0xEE, 0xEE, 0xEE]);
        var data = session.CreateObject([AttributeValue.Of(ObjectClass.Data), AttributeValue.Bool(AttributeType.Token, false), AttributeValue.Text(AttributeType.Label, "plain")]);
        Assert.Equal(new ObjectSummary("data", "plain", "", ""), ObjectSummary.Read(session, data));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public async Task Watching_slot_events_polls_until_cancelled_and_a_token_that_stays_put_gives_none(string abi)
    {
        using var module = TestModules.Load(abi);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        watch.CancelAfter(TimeSpan.FromMilliseconds(300));
        var seen = new List<SlotId>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var slot in module.WatchSlotEventsAsync(TimeSpan.FromMilliseconds(20), watch.Token))
                seen.Add(slot.Id);
        });
        Assert.Empty(seen);
    }
}
