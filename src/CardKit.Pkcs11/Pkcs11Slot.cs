using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>Token information (C_GetTokenInfo), strings trimmed, counters as numbers or null when unavailable.</summary>
public sealed record TokenInfo(string Label, string Manufacturer, string Model, string SerialNumber, ulong Flags, ulong? MinPinLength, ulong? MaxPinLength)
{
    public bool Initialized => (Flags & Ck.TokenInitialized) != 0;
    public bool LoginRequired => (Flags & Ck.TokenLoginRequired) != 0;
    public bool PinCountLow => (Flags & Ck.TokenUserPinCountLow) != 0;
    public bool PinFinalTry => (Flags & Ck.TokenUserPinFinalTry) != 0;
    public bool PinLocked => (Flags & Ck.TokenUserPinLocked) != 0;
}

/// <summary>A mechanism the token supports, with key sizes and flags (C_GetMechanismInfo).</summary>
public sealed record MechanismInfo(ulong Type, string Name, ulong MinKeySize, ulong MaxKeySize, ulong Flags)
{
    // CK_MECHANISM_INFO flags (base specification §3.6), named as pkcs11-tool -M prints them.
    private static readonly (ulong Flag, string Name)[] FlagNames =
    [
        (0x1, "hw"), (0x100, "encrypt"), (0x200, "decrypt"), (0x400, "digest"), (0x800, "sign"), (0x1000, "sign_recover"),
        (0x2000, "verify"), (0x4000, "verify_recover"), (0x8000, "generate"), (0x10000, "generate_key_pair"),
        (0x20000, "wrap"), (0x40000, "unwrap"), (0x80000, "derive"), (0x100000, "EC F_P"), (0x200000, "EC F_2M"),
        (0x400000, "EC parameters"), (0x800000, "EC OID"), (0x1000000, "EC uncompressed"), (0x2000000, "EC compressed"),
    ];

    /// <summary>What the mechanism can do, from <see cref="Flags"/>.</summary>
    public IReadOnlyList<string> Capabilities => FlagNames.Where(f => (Flags & f.Flag) != 0).Select(f => f.Name).ToList();
}

/// <summary>A slot of a <see cref="Pkcs11Module"/>.</summary>
public sealed unsafe class Pkcs11Slot
{
    internal Pkcs11Slot(Pkcs11Module module, nuint id)
    {
        Module = module;
        Id = id;
    }

    public Pkcs11Module Module { get; }

    public nuint Id { get; }

    public string Description
    {
        get
        {
            var abi = Module.Abi;
            var info = stackalloc byte[abi.SlotInfo.Size];
            Pkcs11Module.Check(Module.Functions.GetSlotInfo(Id, info), "C_GetSlotInfo");
            return new CkFields(abi, abi.SlotInfo, info).ReadText(64);
        }
    }

    public TokenInfo GetTokenInfo()
    {
        var abi = Module.Abi;
        var info = stackalloc byte[abi.TokenInfo.Size];
        Pkcs11Module.Check(Module.Functions.GetTokenInfo(Id, info), "C_GetTokenInfo");
        var fields = new CkFields(abi, abi.TokenInfo, info);
        var (label, manufacturer, model, serial) = (fields.ReadText(32), fields.ReadText(32), fields.ReadText(16), fields.ReadText(16));
        var flags = fields.ReadUlong();
        for (var i = 0; i < 5; i++)
            fields.Skip(); // session counts
        var (maxPin, minPin) = (fields.ReadUlong(), fields.ReadUlong());
        return new TokenInfo(label, manufacturer, model, serial, flags, Available(minPin), Available(maxPin));

        // CK_UNAVAILABLE_INFORMATION is all ones at the width of CK_ULONG.
        ulong? Available(ulong value) => value == abi.UnavailableInformation ? null : value;
    }

    public IReadOnlyList<MechanismInfo> GetMechanisms()
    {
        var abi = Module.Abi;
        ulong count = 0;
        Pkcs11Module.Check(Module.Functions.GetMechanismList(Id, null, &count), "C_GetMechanismList");
        var types = new byte[(int)count * abi.UlongSize];
        List<ulong> list;
        fixed (byte* p = types)
        {
            Pkcs11Module.Check(Module.Functions.GetMechanismList(Id, p, &count), "C_GetMechanismList");
            list = Module.ReadUlongs(p, count);
        }
        var result = new List<MechanismInfo>();
        var info = stackalloc byte[abi.MechanismInfo.Size];
        foreach (var type in list)
        {
            // Zeroed for each call: SoftHSM2 ORs some flags into what it is handed.
            new Span<byte>(info, abi.MechanismInfo.Size).Clear();
            Pkcs11Module.Check(Module.Functions.GetMechanismInfo(Id, (nuint)type, info), "C_GetMechanismInfo");
            var fields = new CkFields(abi, abi.MechanismInfo, info);
            result.Add(new MechanismInfo(type, Mechanisms.Name(type), fields.ReadUlong(), fields.ReadUlong(), fields.ReadUlong()));
        }
        return result;
    }

    /// <summary>C_InitToken: erases the token and gives it a label (32 bytes, blank-padded) under the SO PIN.</summary>
    public void InitToken(string soPin, string label)
    {
        ArgumentNullException.ThrowIfNull(soPin);
        ArgumentNullException.ThrowIfNull(label);
        var labelBytes = System.Text.Encoding.UTF8.GetBytes(label);
        if (labelBytes.Length > 32)
            throw new ArgumentException("a token label has at most 32 bytes", nameof(label));
        var padded = Enumerable.Repeat((byte)' ', 32).ToArray();
        labelBytes.CopyTo(padded, 0);
        var pin = System.Text.Encoding.UTF8.GetBytes(soPin);
        fixed (byte* p = pin)
        fixed (byte* l = padded)
            Pkcs11Module.Check(Module.Functions.InitToken(Id, p, (nuint)pin.Length, l), "C_InitToken");
    }

    /// <summary>C_OpenSession (always a serial session; read-write when asked).</summary>
    public Pkcs11Session OpenSession(bool readWrite = false)
    {
        ulong handle = 0;
        var flags = (nuint)(Ck.SessionSerial | (readWrite ? Ck.SessionRw : 0));
        Pkcs11Module.Check(Module.Functions.OpenSession(Id, flags, &handle), "C_OpenSession");
        return new Pkcs11Session(this, (nuint)handle);
    }
}
