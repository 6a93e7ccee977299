using System.Runtime.InteropServices;

namespace CardKit.Pcsc.Internal;

/// <summary>A PC/SC handle (0 is none), released through the API that gave it.</summary>
internal abstract class PcscHandle : SafeHandle
{
    protected PcscHandle(IPcscApi api, nint value)
        : base(0, ownsHandle: true)
    {
        Api = api;
        SetHandle(value);
    }

    public override bool IsInvalid => handle == 0;

    protected IPcscApi Api { get; }
}

/// <summary>SCARDCONTEXT, released with SCardReleaseContext.</summary>
internal sealed class ContextHandle(IPcscApi api, nint context) : PcscHandle(api, context)
{
    protected override bool ReleaseHandle()
    {
        // A context whose pcscd went away reports an error on release; the handle is gone either way.
        Api.ReleaseContext(handle);
        return true;
    }
}

/// <summary>SCARDHANDLE, released with SCardDisconnect and the disposition chosen last.</summary>
internal sealed class CardHandle(IPcscApi api, nint card) : PcscHandle(api, card)
{
    public Disposition Disposition { get; set; } = Disposition.Leave;

    protected override bool ReleaseHandle()
    {
        Api.Disconnect(handle, (uint)Disposition);
        return true;
    }
}
