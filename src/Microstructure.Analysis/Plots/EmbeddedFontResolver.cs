using ScottPlot;
using SkiaSharp;

namespace Microstructure.Analysis.Plots;

/// <summary>Resolves <see cref="PlotFonts.FamilyName"/> to the DejaVu Sans faces embedded in this assembly.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private readonly SKData _regular = Load("DejaVuSans.ttf");
    private readonly SKData _bold = Load("DejaVuSans-Bold.ttf");

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        // Other names fall through to ScottPlot's next resolver; italics use the upright face (none is embedded).
        if (!string.Equals(fontName, PlotFonts.FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return SKTypeface.FromData(bold ? _bold : _regular);
    }

    private static SKData Load(string file)
    {
        string name = "Microstructure.Analysis.Fonts." + file;
        using Stream stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font resource '{name}' is missing from the assembly.");
        return SKData.Create(stream);
    }
}
