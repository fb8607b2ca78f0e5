using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// The one font every chart uses: DejaVu Sans, embedded in this assembly and registered with ScottPlot ahead of
/// its system-font resolver. Plots therefore render text on a machine with no fonts at all (SkiaSharp's
/// NoDependencies build sees none on a clean Linux) and look the same on every machine.
/// </summary>
internal static class PlotFonts
{
    /// <summary>Family name charts ask for.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>
    /// Registers the embedded font with ScottPlot once per process (thread-safe, idempotent) and makes it ScottPlot's
    /// default font. ScottPlot's font settings are process-wide; nothing else in this process draws with ScottPlot.
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            // First in the list: ScottPlot asks resolvers in order, and the system resolver would otherwise answer
            // with whatever the machine has (or an empty typeface on a machine without fonts).
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());

            // Text styles created later (legend items, colour-bar labels, text plottables) start from these names;
            // on a machine without fonts they would be empty and the text invisible.
            Fonts.Default = FamilyName;
            Fonts.Sans = FamilyName;
            _registered = true;
        }
    }
}
