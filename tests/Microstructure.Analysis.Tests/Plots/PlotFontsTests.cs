using Microstructure.Analysis.Plots;
using SkiaSharp;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class PlotFontsTests
{
    [Fact]
    public void Embedded_font_resolves_with_the_glyphs_the_charts_use()
    {
        var resolver = new EmbeddedFontResolver();

        using SKTypeface? regular = resolver.CreateTypeface(PlotFonts.FamilyName, bold: false, italic: false);
        using SKTypeface? bold = resolver.CreateTypeface(PlotFonts.FamilyName, bold: true, italic: false);

        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.True(bold.IsBold);
        Assert.True(regular.ContainsGlyphs("0123456789.,-+ abcxyzQV/δσ±²≥"));
    }

    [Fact]
    public void Other_font_names_fall_through_to_the_next_resolver()
    {
        Assert.Null(new EmbeddedFontResolver().CreateTypeface("Comic Sans MS", false, false));
    }

    [Fact]
    public void Registration_is_idempotent_and_puts_the_embedded_resolver_first()
    {
        PlotFonts.EnsureRegistered();
        PlotFonts.EnsureRegistered();

        Assert.IsType<EmbeddedFontResolver>(ScottPlot.Fonts.FontResolvers[0]);
        Assert.Single(ScottPlot.Fonts.FontResolvers.OfType<EmbeddedFontResolver>());
    }
}
