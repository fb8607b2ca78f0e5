namespace Microstructure.Analysis.Recording;

/// <summary>One run of a comparison with its directory relative to the comparison directory (a row of <c>runs</c>).</summary>
internal sealed record ComparisonRunRow(RunSummary Run, string RelativeDirectory);
