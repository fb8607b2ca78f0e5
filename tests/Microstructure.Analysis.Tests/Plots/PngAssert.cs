using System.Buffers.Binary;
using SkiaSharp;

namespace Microstructure.Analysis.Tests.Plots;

/// <summary>Checks that bytes are a real PNG of a given size with a picture in it (not one flat colour).</summary>
internal static class PngAssert
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void IsNonTrivialPng(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 1_000, $"only {png.Length} bytes");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var counts = new Dictionary<uint, int>();
        foreach (SKColor c in bitmap.Pixels)
        {
            counts[(uint)c] = counts.GetValueOrDefault((uint)c) + 1;
        }

        int dominant = counts.Values.Max();
        Assert.True(counts.Count >= 20, $"only {counts.Count} distinct colours");
        Assert.True(dominant < 0.97 * width * height, $"one colour covers {100.0 * dominant / (width * height):F1}% of the image");
    }

    /// <summary>Number of pixels in the top <paramref name="rows"/> rows that are not white (e.g. title text).</summary>
    public static int InkInTopRows(byte[] png, int rows)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        int ink = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                ink += c.Red < 200 || c.Green < 200 || c.Blue < 200 ? 1 : 0;
            }
        }

        return ink;
    }

    /// <summary>
    /// The chart decodes and has dark text in its middle (the "No liquidations in this run" note): grid lines are
    /// light, so dark pixels around the centre are the note's letters.
    /// </summary>
    public static void HasTextInTheMiddle(byte[] png, double top = 0.4, double bottom = 0.6)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        int ink = 0;
        for (int y = (int)(bitmap.Height * top); y < (int)(bitmap.Height * bottom); y++)
        {
            for (int x = bitmap.Width / 3; x < bitmap.Width * 2 / 3; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                ink += c.Red < 80 && c.Green < 80 && c.Blue < 80 ? 1 : 0;
            }
        }

        Assert.True(ink > 100, $"only {ink} dark pixels in the middle: no note");
    }
}
