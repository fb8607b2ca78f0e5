using System.Text.Json;
using System.Text.Json.Serialization;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Liquidation;

/// <summary>
/// Liquidation designs and mitigations by name: the names a scenario writes, their typed options with defaults, and
/// factories that read options from JSON and validate them with errors that name the field.
/// </summary>
/// <example>
/// <code>
/// var design = LiquidationPolicies.CreateDesign("time-sliced", JsonDocument.Parse("""{"sliceFraction":0.25}""").RootElement);
/// var band = LiquidationPolicies.CreateMitigation("price-band");
/// var exchange = new Exchange(new ExchangeOptions { Liquidation = design, Mitigations = [band] });
/// </code>
/// </example>
public static class LiquidationPolicies
{
    /// <summary>One market order for the whole position.</summary>
    public const string FullClose = "full-close";

    /// <summary>Reduce to the next-lower bracket, stop when healthy, else take over.</summary>
    public const string TieredPartial = "tiered-partial";

    /// <summary>Takeover at the bankruptcy price; the fund unwinds; ADL when it cannot cover.</summary>
    public const string InsuranceFund = "insurance-fund";

    /// <summary>Auto-deleveraging against ranked opposite positions.</summary>
    public const string Adl = "adl";

    /// <summary>Slices with cool-downs and per-interval caps.</summary>
    public const string TimeSliced = "time-sliced";

    /// <summary>A vault takes over below a fraction of maintenance margin.</summary>
    public const string BackstopVault = "backstop-vault";

    /// <summary>MakerDAO-style Dutch auction.</summary>
    public const string DutchAuction = "dutch-auction";

    /// <summary>Mitigation: price band around the mark or index.</summary>
    public const string PriceBand = "price-band";

    /// <summary>Mitigation: CME-style soft limits with pauses and a hard limit.</summary>
    public const string CircuitBreaker = "circuit-breaker";

    /// <summary>Mitigation: maintenance margin scaled by realised volatility.</summary>
    public const string DynamicMargin = "dynamic-margin";

    /// <summary>Mitigation: initial and maintenance margin raised while a learned early warning expects a cascade.</summary>
    public const string PredictiveMargin = "predictive-margin";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Every design name, in the order of DESIGN.md §3.</summary>
    public static IReadOnlyList<string> DesignNames { get; } = [FullClose, TieredPartial, InsuranceFund, Adl, TimeSliced, BackstopVault, DutchAuction];

    /// <summary>Every mitigation name.</summary>
    public static IReadOnlyList<string> MitigationNames { get; } = [PriceBand, CircuitBreaker, DynamicMargin, PredictiveMargin];

    /// <summary>
    /// The options of design <paramref name="name"/>: its defaults, overridden by the fields of <paramref name="options"/>
    /// when given (camelCase names, enums as camelCase strings, unknown fields refused), validated.
    /// </summary>
    /// <param name="name">A name from <see cref="DesignNames"/>.</param>
    /// <param name="options">A JSON object of options, or null for the defaults.</param>
    /// <param name="path">Where the design sits in the scenario, for error messages.</param>
    /// <exception cref="RiskConfigurationException">Unknown name, unknown or malformed field, or a value out of range.</exception>
    public static LiquidationDesignOptions CreateDesign(string name, JsonElement? options = null, string path = "liquidation")
    {
        LiquidationDesignOptions result = name switch
        {
            FullClose => Read<FullCloseOptions>(options, path),
            TieredPartial => Read<TieredPartialOptions>(options, path),
            InsuranceFund => Read<InsuranceFundOptions>(options, path),
            Adl => Read<AdlOptions>(options, path),
            TimeSliced => Read<TimeSlicedOptions>(options, path),
            BackstopVault => Read<BackstopVaultOptions>(options, path),
            DutchAuction => Read<DutchAuctionOptions>(options, path),
            _ => throw new RiskConfigurationException($"{path}.design", $"unknown liquidation design '{name}'; expected one of: {string.Join(", ", DesignNames)}"),
        };
        result.Validate($"{path}.options");
        _ = result.HedgeSettings($"{path}.options");
        return result;
    }

    /// <summary>The options of mitigation <paramref name="name"/>, like <see cref="CreateDesign"/>.</summary>
    /// <param name="name">A name from <see cref="MitigationNames"/>.</param>
    /// <param name="options">A JSON object of options, or null for the defaults.</param>
    /// <param name="path">Where the mitigation sits in the scenario, for error messages.</param>
    /// <exception cref="RiskConfigurationException">Unknown name, unknown or malformed field, or a value out of range.</exception>
    public static MitigationOptions CreateMitigation(string name, JsonElement? options = null, string path = "mitigations[0]")
    {
        MitigationOptions result = name switch
        {
            PriceBand => Read<PriceBandOptions>(options, path),
            CircuitBreaker => Read<CircuitBreakerOptions>(options, path),
            DynamicMargin => Read<DynamicMarginOptions>(options, path),
            PredictiveMargin => Read<PredictiveMarginOptions>(options, path),
            _ => throw new RiskConfigurationException($"{path}.name", $"unknown mitigation '{name}'; expected one of: {string.Join(", ", MitigationNames)}"),
        };
        result.Validate($"{path}.options");
        return result;
    }

    /// <summary>Validates options built in code; throws <see cref="RiskConfigurationException"/> naming the bad field.</summary>
    /// <param name="options">The design's options.</param>
    /// <param name="path">Path prefix for error messages.</param>
    public static void Validate(LiquidationDesignOptions options, string path = "liquidation.options")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(path);
        _ = options.HedgeSettings(path);
    }

    private static T Read<T>(JsonElement? options, string path)
        where T : class, new()
    {
        if (options is null || options.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new T();
        }

        if (options.Value.ValueKind != JsonValueKind.Object)
        {
            throw new RiskConfigurationException($"{path}.options", $"must be a JSON object; got {options.Value.ValueKind}");
        }

        try
        {
            return options.Value.Deserialize<T>(Json) ?? new T();
        }
        catch (JsonException e)
        {
            string field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : e.Path.TrimStart('$');
            string problem = e.Message.Split(" Path:", 2)[0];
            throw new RiskConfigurationException($"{path}.options{field}", problem);
        }
    }
}
