namespace Microstructure.Analysis.StylizedFacts;

/// <summary>One Hill estimate of the tail index α (P(|X| &gt; x) ~ x^−α).</summary>
/// <param name="Alpha">Estimated tail index; NaN when k is 0 or the tail is degenerate.</param>
/// <param name="K">Number of upper order statistics used.</param>
/// <param name="TailCount">Number of positive observations in the chosen tail (the sample the k are taken from).</param>
/// <param name="Threshold">X_(k+1), the (k+1)-th largest observation: the tail starts above it.</param>
/// <param name="StandardError">Asymptotic standard error α/√k.</param>
public readonly record struct HillEstimate(double Alpha, int K, int TailCount, double Threshold, double StandardError);
