using Microstructure.Risk.Warning;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Margin;

/// <summary>
/// Mitigation <c>predictive-margin</c> (issue 15 §3): at every risk-monitor snapshot (once a second) the exchange computes
/// the cascade early-warning features from its own state and events and scores them with a model that
/// <c>micro predict train</c> exported (<see cref="Model"/>). When the probability of a cascade reaches
/// <see cref="RaiseAt"/>, initial and maintenance margin are multiplied by <see cref="MarginFactor"/>; they return to
/// normal when it falls below <see cref="LowerAt"/> (hysteresis), and never change twice within
/// <see cref="CoolDownSeconds"/>. A decision takes effect when the clock next moves (the next command at a later time).
/// Venues do raise margins ahead of stress (CME's margin changes move 10–50%; Binance lowers the leverage brackets):
/// the default factor 1.5 is in that range. Works with any design; with <c>dynamic-margin</c> the maintenance
/// multipliers multiply.
/// </summary>
public sealed record PredictiveMarginOptions : MitigationOptions
{
    /// <summary>
    /// The exported model, <c>MODEL.ensemble.json</c> (written by <c>micro predict train</c> beside MODEL.zip). In a
    /// scenario file a relative path is relative to the scenario file's folder. Required.
    /// </summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Probability of a cascade at or above which margins are raised. Default 0.5.</summary>
    public decimal RaiseAt { get; init; } = 0.5m;

    /// <summary>Probability below which raised margins return to normal (≤ <see cref="RaiseAt"/>). Default 0.2.</summary>
    public decimal LowerAt { get; init; } = 0.2m;

    /// <summary>Multiplier on initial and maintenance margin while raised (&gt; 1). Default 1.5.</summary>
    public decimal MarginFactor { get; init; } = 1.5m;

    /// <summary>
    /// Least time between two decisions, seconds (each decision lands when the exchange's clock next moves, so a raise
    /// holds about this long at least). Default 60.
    /// </summary>
    public decimal CoolDownSeconds { get; init; } = 60m;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => "predictive-margin";

    /// <summary>The model once read (<see cref="WithModelFrom"/>); null until then, and the exchange reads <see cref="Model"/> itself.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal CascadeEnsemble? Ensemble { get; init; }

    /// <summary>SHA-256 of the model file read (hex), for run keys: a retrained model is a different run; empty until read.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ModelSha256 { get; init; } = string.Empty;

    /// <summary>
    /// These options with the model read from <see cref="Model"/>, resolved against <paramref name="baseDirectory"/> when
    /// relative (a scenario passes its own folder).
    /// </summary>
    /// <param name="baseDirectory">Folder a relative <see cref="Model"/> is relative to.</param>
    /// <param name="path">Where these options sit, for error messages (e.g. <c>mitigations[0].options</c>).</param>
    /// <exception cref="RiskConfigurationException">The file is missing, unreadable or not a model of this version's features (names <c>path.model</c> and the file).</exception>
    public PredictiveMarginOptions WithModelFrom(string baseDirectory, string path)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        Check.That(!string.IsNullOrWhiteSpace(Model), $"{path}.model", "is required: the ensemble file micro predict train writes beside its MODEL.zip (MODEL.ensemble.json)");
        string file;
        byte[] bytes;
        try
        {
            file = Path.GetFullPath(Path.Combine(baseDirectory, Model));
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RiskConfigurationException($"{path}.model",
                $"'{Model}' cannot be read ({e.Message}); a relative path is taken from the scenario file's folder, {baseDirectory}");
        }

        try
        {
            return this with { Ensemble = CascadeEnsemble.Read(bytes), ModelSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) };
        }
        catch (FormatException e)
        {
            throw new RiskConfigurationException($"{path}.model", $"{file}: {e.Message}");
        }
    }

    internal override void Validate(string path)
    {
        Check.That(!string.IsNullOrWhiteSpace(Model), $"{path}.model", "is required: the ensemble file micro predict train writes beside its MODEL.zip (MODEL.ensemble.json)");
        Check.Rate(RaiseAt, $"{path}.raiseAt", 0m, 1m, minInclusive: false);
        Check.Rate(LowerAt, $"{path}.lowerAt", 0m, 1m);
        Check.That(LowerAt <= RaiseAt, $"{path}.lowerAt", $"must not exceed raiseAt ({RaiseAt}); got {LowerAt}");
        Check.Rate(MarginFactor, $"{path}.marginFactor", 1m, 100m, minInclusive: false);
        Check.Seconds(CoolDownSeconds, $"{path}.coolDownSeconds", allowZero: true);
    }
}
