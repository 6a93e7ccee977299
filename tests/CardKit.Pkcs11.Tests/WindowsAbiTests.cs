using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>
/// The Windows call path (32-bit CK_ULONG, packed structures) against the Unix one on the same
/// SoftHSM2 token: every structure and CK_ULONG array read through the bridge must say what the
/// module says directly. The other test classes run their operations through both ABIs too.
/// </summary>
[Collection("SoftHSM")]
public class WindowsAbiTests
{
    [Fact(Timeout = 60_000)]
    public void Both_ABIs_read_the_same_info_slots_tokens_and_mechanisms()
    {
        using var unix = TestModules.Load("Unix");
        using var windows = TestModules.Load("Windows");
        Assert.Equal(unix.GetInfo(), windows.GetInfo());
        Assert.Equal(unix.GetSlots(tokenPresent: false).Select(s => s.Id), windows.GetSlots(tokenPresent: false).Select(s => s.Id));
        var unixSlot = unix.FindToken(TokenSetup.Label)!;
        var windowsSlot = windows.FindToken(TokenSetup.Label)!;
        Assert.Equal(unixSlot.Description, windowsSlot.Description);
        Assert.Equal(unixSlot.GetTokenInfo(), windowsSlot.GetTokenInfo());
        Assert.NotNull(windowsSlot.GetTokenInfo().MaxPinLength);
        var unixMechanisms = unixSlot.GetMechanisms();
        Assert.True(unixMechanisms.Count > 30, $"{unixMechanisms.Count} mechanisms");
        Assert.Equal(unixMechanisms, windowsSlot.GetMechanisms());
        // C_WaitForSlotEvent(CKF_DONT_BLOCK) and its CK_ULONG out-parameter through both call paths: no event.
        Assert.Null(unix.PollSlotEvent());
        Assert.Null(windows.PollSlotEvent());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Finding_more_objects_than_one_batch_returns_each_once(string abi)
    {
        using var module = TestModules.Load(abi);
        using var session = module.FindToken(TokenSetup.Label)!.OpenSession(readWrite: true);
        session.Login(SoftHsm.Pin);
        var label = "batch-" + abi + "-" + Guid.NewGuid().ToString("N");
        var created = Enumerable.Range(0, 150).Select(i => session.CreateObject(
        [
            AttributeValue.Of(ObjectClass.Data), AttributeValue.Bool(AttributeType.Token, false),
            AttributeValue.Text(AttributeType.Label, label), AttributeValue.Bytes(AttributeType.Value, [(byte)i]),
        ])).ToList();
        var found = session.FindObjects([AttributeValue.Of(ObjectClass.Data), AttributeValue.Text(AttributeType.Label, label)]);
        Assert.Equal(created.Select(h => h.Value).Order(), found.Select(h => h.Value).Order());
        var values = found.Select(o => session.GetAttributes(o, AttributeType.Class, AttributeType.Value)).ToList();
        Assert.All(values, v => Assert.Equal(ObjectClass.Data, v[AttributeType.Class].AsObjectClass()));
        Assert.Equal(Enumerable.Range(0, 150).Select(i => (byte)i).Order(), values.Select(v => v[AttributeType.Value].AsBytes()[0]).Order());
        foreach (var o in created)
            session.DestroyObject(o);
        Assert.Empty(session.FindObjects([AttributeValue.Text(AttributeType.Label, label)]));
    }
}
