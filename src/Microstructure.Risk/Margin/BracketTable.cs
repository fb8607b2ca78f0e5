namespace Microstructure.Risk.Margin;

/// <summary>
/// Tiered maintenance margin: MM = ⌈notional × rate_b⌉ − cum_b for the bracket b whose cap is the first at or above
/// the notional (the last bracket applies above its cap). Rates must not decrease from one bracket to the next.
/// </summary>
public sealed class BracketTable
{
    private readonly MarginBracket[] _brackets;

    /// <summary>Builds a table and computes each bracket's cum.</summary>
    /// <param name="specs">Brackets in increasing notional order.</param>
    /// <param name="path">Field path used in error messages.</param>
    /// <exception cref="RiskConfigurationException">The rows are empty, unordered or out of range.</exception>
    public BracketTable(IReadOnlyList<MarginBracketSpec> specs, string path = "brackets")
    {
        Check.That(specs is { Count: > 0 }, path, "needs at least one bracket");
        _brackets = new MarginBracket[specs.Count];
        long cum = 0;
        for (int i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            string at = $"{path}[{i}]";
            Check.That(spec is not null, at, "is null");
            long cap = Check.Cash(spec.NotionalCap, $"{at}.notionalCap", min: 0.00000001m);
            Check.That(spec.MaxLeverage is >= 1 and <= 1000, $"{at}.maxLeverage", $"must be in [1, 1000]; got {spec.MaxLeverage}");
            long rate = Check.Rate(spec.MaintenanceRate, $"{at}.maintenanceRate", 0m, 1m, maxInclusive: false);
            if (i > 0)
            {
                var previous = _brackets[i - 1];
                Check.That(cap > previous.NotionalCap, $"{at}.notionalCap", $"must be above the previous bracket's cap {spec.NotionalCap} <= {FixedPoint.ToQuote(previous.NotionalCap)}");
                Check.That(rate >= previous.MaintenanceRate, $"{at}.maintenanceRate", "must not be below the previous bracket's rate (MM must grow with notional)");
                cum += FixedPoint.MulDivFloor(previous.NotionalCap, rate - previous.MaintenanceRate, FixedPoint.RateScale);
            }

            _brackets[i] = new MarginBracket(cap, spec.MaxLeverage, rate, cum);
        }
    }

    /// <summary>
    /// Binance USDⓈ-M BTCUSDT brackets (2021; DESIGN.md §3): caps 50K…500M USDT, max leverage 125×…1×,
    /// maintenance rates 0.40%…50%.
    /// </summary>
    public static BracketTable BinanceBtcUsdt2021 { get; } = new(
    [
        new(50_000m, 125, 0.004m),
        new(250_000m, 100, 0.005m),
        new(1_000_000m, 50, 0.01m),
        new(10_000_000m, 20, 0.025m),
        new(20_000_000m, 10, 0.05m),
        new(50_000_000m, 5, 0.10m),
        new(100_000_000m, 4, 0.125m),
        new(200_000_000m, 3, 0.15m),
        new(300_000_000m, 2, 0.25m),
        new(500_000_000m, 1, 0.50m),
    ]);

    /// <summary>The brackets, lowest first.</summary>
    public IReadOnlyList<MarginBracket> Brackets => _brackets;

    /// <summary>Number of brackets.</summary>
    public int Count => _brackets.Length;

    /// <summary>Highest maintenance rate of the table.</summary>
    public long MaxMaintenanceRate => _brackets[^1].MaintenanceRate;

    /// <summary>Index of the bracket that applies to <paramref name="notional"/> (cash units, ≥ 0).</summary>
    public int IndexOf(long notional)
    {
        var brackets = _brackets;
        for (int i = 0; i < brackets.Length - 1; i++)
        {
            if (notional <= brackets[i].NotionalCap)
            {
                return i;
            }
        }

        return brackets.Length - 1;
    }

    /// <summary>The bracket at <paramref name="index"/>.</summary>
    public MarginBracket this[int index] => _brackets[index];

    /// <summary>Maintenance margin of a position of <paramref name="notional"/> cash units: ⌈notional × rate⌉ − cum.</summary>
    public long Maintenance(long notional)
    {
        var b = _brackets[IndexOf(notional)];
        return FixedPoint.RateCeil(notional, b.MaintenanceRate) - b.Cum;
    }

    /// <summary>Highest leverage allowed for a position of <paramref name="notional"/> cash units.</summary>
    public int MaxLeverage(long notional) => _brackets[IndexOf(notional)].MaxLeverage;
}
