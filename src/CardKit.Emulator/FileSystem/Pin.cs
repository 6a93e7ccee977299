namespace CardKit.Emulator.FileSystem;

/// <summary>A PIN with its unblocking key: retry counters, enabled flag, verified state (ISO/IEC 7816-4:2020 §11.5.6-11.5.10).</summary>
public sealed class Pin(string value, string unblockKey, int maxTries = 3, int maxUnblockTries = 10)
{
    public string Value { get; private set; } = value;

    public string UnblockKey { get; } = unblockKey;

    public int MaxTries { get; } = maxTries;

    public int RemainingTries { get; private set; } = maxTries;

    public int MaxUnblockTries { get; } = maxUnblockTries;

    public int RemainingUnblockTries { get; private set; } = maxUnblockTries;

    public bool Enabled { get; set; } = true;

    /// <summary>Verified since power-on (or not needed because disabled).</summary>
    public bool Verified { get; private set; }

    public bool Blocked => RemainingTries == 0;

    public bool Satisfied => !Enabled || Verified;

    public void ResetSecurityState() => Verified = false;

    /// <summary>Checks <paramref name="candidate"/>; a wrong value costs one try, a right one restores them all.</summary>
    public bool Check(string candidate)
    {
        if (Blocked)
            return false;
        if (candidate == Value)
        {
            RemainingTries = MaxTries;
            Verified = true;
            return true;
        }
        RemainingTries--;
        Verified = false;
        return false;
    }

    public void Change(string newValue) => Value = newValue;

    public bool Unblock(string key, string newValue)
    {
        if (RemainingUnblockTries == 0)
            return false;
        if (key != UnblockKey)
        {
            RemainingUnblockTries--;
            return false;
        }
        RemainingUnblockTries = MaxUnblockTries;
        RemainingTries = MaxTries;
        Value = newValue;
        Verified = true;
        return true;
    }
}
