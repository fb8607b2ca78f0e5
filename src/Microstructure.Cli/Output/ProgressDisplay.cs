using Spectre.Console;

namespace Microstructure.Cli.Output;

/// <summary>A progress bar for long work when someone watches a terminal; nothing otherwise (logs stay clean).</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports its progress as a fraction in [0, 1].</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="output">Where the bar is drawn (only if it is an interactive terminal).</param>
    /// <param name="description">What is running (plain text).</param>
    /// <param name="work">The work; the callback it receives may be called from any thread.</param>
    /// <returns>The work's result.</returns>
    public static T Run<T>(TextWriter output, string description, Func<Action<double>, T> work)
    {
        if (!Terminal.IsInteractive(output))
        {
            return work(static _ => { });
        }

        T result = default!;
        Terminal.For(output)
            .Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: 1.0);
                result = work(fraction => task.Value = Math.Clamp(fraction, 0, 1));
                task.Value = 1.0;
            });
        return result;
    }
}
