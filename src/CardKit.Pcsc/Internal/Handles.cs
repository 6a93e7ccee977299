using System.Runtime.InteropServices;

namespace CardKit.Pcsc.Internal;

/// <summary>SCARDCONTEXT, released with SCardReleaseContext.</summary>
internal sealed class ContextHandle : SafeHandle
{
    private readonly IPcscApi _api;

    public ContextHandle(IPcscApi api, nint context)
        : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        // A context whose pcscd went away reports an error on release; the handle is gone either way.
        _api.ReleaseContext(handle);
        return true;
    }
}

/// <summary>SCARDHANDLE, released with SCardDisconnect and the disposition chosen last.</summary>
internal sealed class CardHandle : SafeHandle
{
    private readonly IPcscApi _api;

    public CardHandle(IPcscApi api, nint card)
        : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(card);
    }

    public Disposition Disposition { get; set; } = Disposition.Leave;

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.Disconnect(handle, (uint)Disposition);
        return true;
    }
}
