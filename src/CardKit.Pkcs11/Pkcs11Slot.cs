using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>A slot of a <see cref="Pkcs11Module"/>: the token in it, its mechanisms, sessions with it.</summary>
public sealed unsafe class Pkcs11Slot
{
    internal Pkcs11Slot(Pkcs11Module module, SlotId id)
    {
        Module = module;
        Id = id;
    }

    /// <summary>The module the slot belongs to.</summary>
    public Pkcs11Module Module { get; }

    /// <summary>The slot number.</summary>
    public SlotId Id { get; }

    /// <summary>slotDescription (C_GetSlotInfo), trimmed.</summary>
    public string Description
    {
        get
        {
            var abi = Module.Abi;
            var info = stackalloc byte[abi.SlotInfo.Size];
            Pkcs11Module.Check(Module.Functions.GetSlotInfo(Id.Value, info), "C_GetSlotInfo");
            return new CkFields(abi, abi.SlotInfo, info).ReadText(64);
        }
    }

    /// <summary>C_GetTokenInfo: the token's label, serial, state and PIN counters.</summary>
    public TokenInfo GetTokenInfo()
    {
        var abi = Module.Abi;
        var info = stackalloc byte[abi.TokenInfo.Size];
        Pkcs11Module.Check(Module.Functions.GetTokenInfo(Id.Value, info), "C_GetTokenInfo");
        var fields = new CkFields(abi, abi.TokenInfo, info);
        var (label, manufacturer, model, serial) = (fields.ReadText(32), fields.ReadText(32), fields.ReadText(16), fields.ReadText(16));
        var flags = (TokenFlags)fields.ReadUlong();
        for (var i = 0; i < 5; i++)
            fields.Skip(); // session counts
        var (maxPin, minPin) = (fields.ReadUlong(), fields.ReadUlong());
        return new TokenInfo(label, manufacturer, model, serial, flags, Available(minPin), Available(maxPin));

        // CK_UNAVAILABLE_INFORMATION is all ones at the width of CK_ULONG.
        ulong? Available(ulong value) => value == abi.UnavailableInformation ? null : value;
    }

    /// <summary>C_GetMechanismList and C_GetMechanismInfo: every mechanism the token supports, with key sizes and flags.</summary>
    public IReadOnlyList<MechanismInfo> GetMechanisms()
    {
        var abi = Module.Abi;
        var id = Id.Value;
        var types = TwoCall.Ulongs(abi, (list, count) => Module.Functions.GetMechanismList(id, list, count), "C_GetMechanismList");
        var result = new List<MechanismInfo>(types.Count);
        var info = stackalloc byte[abi.MechanismInfo.Size];
        foreach (var type in types)
        {
            // Zeroed for each call: SoftHSM2 ORs some flags into what it is handed.
            new Span<byte>(info, abi.MechanismInfo.Size).Clear();
            Pkcs11Module.Check(Module.Functions.GetMechanismInfo(id, (nuint)type, info), "C_GetMechanismInfo");
            var fields = new CkFields(abi, abi.MechanismInfo, info);
            result.Add(new MechanismInfo((MechanismType)type, fields.ReadUlong(), fields.ReadUlong(), (MechanismFlags)fields.ReadUlong()));
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
            Pkcs11Module.Check(Module.Functions.InitToken(Id.Value, p, (nuint)pin.Length, l), "C_InitToken");
    }

    /// <summary>C_OpenSession (always a serial session; read-write when asked).</summary>
    public Pkcs11Session OpenSession(bool readWrite = false)
    {
        ulong handle = 0;
        var flags = (nuint)(0x4 | (readWrite ? 0x2 : 0)); // CKF_SERIAL_SESSION | CKF_RW_SESSION (base specification §3.3)
        Pkcs11Module.Check(Module.Functions.OpenSession(Id.Value, flags, &handle), "C_OpenSession");
        return new Pkcs11Session(this, new SessionHandle((nuint)handle));
    }
}
