using System.Text;

namespace CardKit.Cli.Commands.Pin;

/// <summary>Reads a secret (a PIN) from the person: key by key without echo on a terminal, a line from a pipe.</summary>
internal static class SecretPrompt
{
    /// <summary>Prompts on stderr and reads one secret; null when the input ended or the person pressed Escape.</summary>
    public static string? Read(CliOutput output, string prompt)
    {
        output.Error.Write(prompt);
        output.Error.Flush();
        if (!output.InputIsTerminal)
        {
            var line = output.In.ReadLine();
            output.Error.WriteLine();
            return line?.TrimEnd('\r');
        }
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    output.Error.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Escape:
                    output.Error.WriteLine();
                    return null;
                case ConsoleKey.Backspace:
                    if (secret.Length > 0)
                        secret.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                        secret.Append(key.KeyChar);
                    break;
            }
        }
    }
}
