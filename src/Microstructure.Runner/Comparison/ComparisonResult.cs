using Microstructure.Analysis.Recording;

namespace Microstructure.Runner.Comparison;

/// <summary>The outcome of a design comparison.</summary>
/// <param name="Summary">The aggregate per design (mean, spread) and where the comparison report is.</param>
/// <param name="Runs">Every run's summary, in plan order (design-major, then seed).</param>
/// <param name="ReportPath">The comparison's report.md.</param>
public sealed record ComparisonResult(ComparisonSummary Summary, IReadOnlyList<RunSummary> Runs, string ReportPath);
