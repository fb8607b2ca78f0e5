namespace Microstructure.Analysis.StylizedFacts;

/// <summary>Which tail of the return distribution a tail estimator looks at.</summary>
public enum TailSide
{
    /// <summary>Both tails pooled: the magnitudes |r|.</summary>
    Both = 0,

    /// <summary>Losses: −r for the negative returns.</summary>
    Left = 1,

    /// <summary>Gains: r for the positive returns.</summary>
    Right = 2,
}
