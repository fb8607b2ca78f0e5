namespace Microstructure.Analysis.Plots;

/// <summary>Size of a rendered chart in pixels.</summary>
public readonly record struct ChartSize
{
    /// <summary>Creates a size; both sides must lie in 16 … 10,000 pixels.</summary>
    public ChartSize(int width, int height)
    {
        if (width is < 16 or > 10_000 || height is < 16 or > 10_000)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(width), "Chart sides must lie in 16 … 10,000 pixels.");
        }

        Width = width;
        Height = height;
    }

    /// <summary>The default size, 1200 × 700.</summary>
    public static ChartSize Default { get; } = new(1200, 700);

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }
}
