namespace Microstructure.Analysis.Recording;

/// <summary>A plot written to the run directory, for the report's links.</summary>
/// <param name="Title">What it shows, one line.</param>
/// <param name="RelativePath">Path relative to the run directory, forward slashes.</param>
internal sealed record PlotFile(string Title, string RelativePath);
