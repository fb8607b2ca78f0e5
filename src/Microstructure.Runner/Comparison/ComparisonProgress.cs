namespace Microstructure.Runner.Comparison;

/// <summary>A run of a comparison finished.</summary>
/// <param name="Completed">Runs finished so far (this one included).</param>
/// <param name="Total">Runs in the comparison.</param>
/// <param name="Design">The design of the run that finished.</param>
/// <param name="Seed">Its seed.</param>
public readonly record struct ComparisonProgress(int Completed, int Total, string Design, long Seed);
