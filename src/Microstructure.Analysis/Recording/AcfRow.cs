namespace Microstructure.Analysis.Recording;

/// <summary>One lag of the return autocorrelations (a row of <c>analysis/return_acf</c>).</summary>
internal readonly record struct AcfRow(long Lag, double ReturnAcf, double AbsoluteReturnAcf, double RobustBand, double NoiseBand);
