using CardKit.Cli;

return CardKitCli.Run(args, new CliOutput(Console.Out, Console.Error));
