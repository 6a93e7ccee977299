namespace CardKit.Emulator.FileSystem;

/// <summary>A PIN with its unblocking key: retry counters, enabled flag, verified state (ISO/IEC 7816-4:2020 §11.5.6-11.5.10).</summary>
public sealed class Pin(string value, string unblockKey, int maxTries = 3, int maxUnblockTries = 10)
{
    /// <summary>The current PIN: the characters of a PIN block before its FF padding (GSM 11.11 §9.2.9).</summary>
    public string Value { get; private set; } = value;

    /// <summary>The unblocking key (PUK / UNBLOCK CHV), as ASCII digits.</summary>
    public string UnblockKey { get; } = unblockKey;

    /// <summary>Wrong presentations allowed before the PIN blocks.</summary>
    public int MaxTries { get; } = maxTries;

    /// <summary>Wrong presentations left; 0 means blocked.</summary>
    public int RemainingTries { get; private set; } = maxTries;

    /// <summary>Wrong unblocking keys allowed before the PIN is blocked for good.</summary>
    public int MaxUnblockTries { get; } = maxUnblockTries;

    /// <summary>Wrong unblocking keys left; 0 means the PIN can no longer be unblocked.</summary>
    public int RemainingUnblockTries { get; private set; } = maxUnblockTries;

    /// <summary>Whether the PIN protects anything; a disabled PIN is always satisfied (DISABLE/ENABLE VERIFICATION).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Verified since power-on (or not needed because disabled).</summary>
    public bool Verified { get; private set; }

    /// <summary>No tries left: VERIFY is refused until the PIN is unblocked.</summary>
    public bool Blocked => RemainingTries == 0;

    /// <summary>Whether access conditions that need this PIN are met: disabled, or verified.</summary>
    public bool Satisfied => !Enabled || Verified;

    /// <summary>Forgets the verification, as a reset or power-off does; counters are kept.</summary>
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

    /// <summary>Replaces the PIN with <paramref name="newValue"/>; the caller has checked the old one.</summary>
    public void Change(string newValue) => Value = newValue;

    /// <summary>
    /// Checks <paramref name="key"/> against the unblocking key: if right, sets the PIN to <paramref name="newValue"/>,
    /// restores both counters and marks it verified; if wrong, costs one unblock try. Returns false once no unblock try is left.
    /// </summary>
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
