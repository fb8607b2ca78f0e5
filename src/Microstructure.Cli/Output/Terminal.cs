using Spectre.Console;

namespace Microstructure.Cli.Output;

/// <summary>
/// Spectre.Console consoles over the command's writers. Colours, live progress and the terminal's width only when the
/// writer is the real, non-redirected standard output; otherwise (a pipe, a CI log, a test's StringWriter) plain text
/// that is 160 columns wide, so tables are never wrapped mid-number.
/// </summary>
internal static class Terminal
{
    private const int PlainWidth = 160;

    /// <summary>True when <paramref name="output"/> is standard output and a person is watching it.</summary>
    public static bool IsInteractive(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>A console that writes to <paramref name="output"/>.</summary>
    public static IAnsiConsole For(TextWriter output)
    {
        bool interactive = IsInteractive(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
