using System.Runtime.InteropServices;
using CardKit.Cli;
using CardKit.Cli.Commands.Atr;

// `cardkit atr <hex bytes>` races ATR_analysis on start-up: no command tree, no signal handlers.
if (AtrCommand.IsPlainInvocation(args))
    return AtrCommand.RunPlain(args, new CliOutput(Console.Out, Console.Error));

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
