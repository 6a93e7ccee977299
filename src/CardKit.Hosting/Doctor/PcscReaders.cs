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
}
