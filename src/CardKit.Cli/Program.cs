using System.Runtime.InteropServices;
using CardKit.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
return CardKitCli.Run(args, new CliOutput(Console.Out, Console.Error), cancel.Token);
