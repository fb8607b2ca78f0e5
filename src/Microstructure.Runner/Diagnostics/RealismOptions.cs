namespace Microstructure.Runner.Diagnostics;

/// <summary>How <see cref="MarketQualityProbe.Analyze"/> measures a run.</summary>
internal sealed record RealismOptions
{
    /// <summary>Time skipped at the start while the book forms (ns). Default 60 s.</summary>
    public long WarmupNs { get; init; } = 60_000_000_000;

    /// <summary>Horizon of the short returns (ns). Default 1 s.</summary>
    public long ReturnStepNs { get; init; } = 1_000_000_000;

    /// <summary>Window that defines V (volume per window) and σ of the impact law (ns). Default 60 s.</summary>
    public long ImpactWindowNs { get; init; } = 60_000_000_000;
}
