using CardKit.Hosting;
using CardKit.Pcsc;

namespace CardKit.Web.CardConsole;

/// <summary>What the console offers to choose from: the PC/SC readers pcscd lists now, then the built-in virtual cards.</summary>
public static class ConsoleReaders
{
    /// <summary>The PC/SC reader names (empty when pcscd is not reachable) and the virtual card designations.</summary>
    public static (IReadOnlyList<string> Pcsc, IReadOnlyList<string> Virtual, string? PcscProblem) List()
    {
        try
        {
            using var context = PcscContext.Establish();
            return ([.. context.GetReaderStates().Select(r => r.Name)], CardReaders.VirtualCardDesignations, null);
        }
        catch (CardKitException e)
        {
            return ([], CardReaders.VirtualCardDesignations, e.Message);
        }
    }
}
