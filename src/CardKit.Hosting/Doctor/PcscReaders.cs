using CardKit.Pcsc;

namespace CardKit.Hosting.Doctor;

/// <summary>
/// The readers pcscd reports through the client library this process loaded, or the error that
/// SCardEstablishContext / SCardListReaders returned instead.
/// </summary>
internal sealed record PcscReaders(IReadOnlyList<ReaderSnapshot> Readers, ScardError? Error, string? Message)
{
    public bool Available => Error is null;

    public static PcscReaders Read()
    {
        try
        {
            using var context = PcscContext.Establish();
            return new PcscReaders(context.GetReaderStates(), null, null);
        }
        catch (PcscException e)
        {
            return new PcscReaders([], e.Error, e.Message);
        }
        catch (DllNotFoundException e)
        {
            return new PcscReaders([], ScardError.NoService, e.Message);
        }
    }

    /// <summary>
    /// Whether another process holds <paramref name="reader"/> exclusively: a shared SCardConnect fails with
    /// SCARD_E_SHARING_VIOLATION (PC/SC part 5 §3.1.4). Returns the error code of that connect (null: it succeeded).
    /// </summary>
    public static ScardError? TryShare(string reader)
    {
        try
        {
            using var context = PcscContext.Establish();
            using var card = context.Connect(reader, ShareMode.Shared);
            return null;
        }
        catch (PcscException e)
        {
            return e.Error;
        }
    }
}
