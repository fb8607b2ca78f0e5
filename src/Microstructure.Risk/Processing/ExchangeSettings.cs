using Microstructure.Engine.Matching;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Processing;

/// <summary><see cref="ExchangeOptions"/> validated and converted to fixed point once, at construction.</summary>
internal sealed class ExchangeSettings
{
    public ExchangeSettings(ExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var spec = options.Instrument;
        Check.That(spec is not null, "instrument", "is required");
        Check.That(spec.MinPrice.Ticks >= 1 && spec.MaxPrice >= spec.MinPrice, "instrument", "price bounds must satisfy 1 <= minPrice <= maxPrice");
        decimal perTickLot = spec.TickSize * spec.LotSize * FixedPoint.CashScale;
        Check.That(perTickLot <= long.MaxValue / 4, "instrument",
            $"tickSize × lotSize is too large for 64-bit cash (one tick on one lot would be {perTickLot / FixedPoint.CashScale} quote); got {spec.TickSize} × {spec.LotSize}");
        Check.That(perTickLot >= 1 && perTickLot == decimal.Truncate(perTickLot), "instrument",
            $"tickSize × lotSize must be a whole multiple of 10⁻⁸ quote (the cash scale); got {spec.TickSize} × {spec.LotSize}");
        CashPerTickLot = (long)perTickLot;
        Check.That(options.MaxOrders is > 0 and <= MatchingEngine.MaxOrderCapacity, "maxOrders", $"must be in [1, {MatchingEngine.MaxOrderCapacity}]; got {options.MaxOrders}");
        Check.That(options.MaxAccounts is >= 8 and <= 1 << 24, "maxAccounts", $"must be in [8, 16777216]; got {options.MaxAccounts}");
        Check.That(options.Brackets is not null, "brackets", "is required");
        Check.That(Enum.IsDefined(options.MaintenanceBasis), "maintenanceBasis", $"must be 'markNotional' or 'entryNotional'; got {options.MaintenanceBasis}");
        TakerFee = Check.Rate(options.TakerFeeRate, "takerFeeRate", 0m, 0.1m);
        MakerFee = Check.Rate(options.MakerFeeRate, "makerFeeRate", 0m, 0.1m);
        Check.That(options.DefaultLeverage is >= 1 and <= 1000, "defaultLeverage", $"must be in [1, 1000]; got {options.DefaultLeverage}");
        Check.That(Enum.IsDefined(options.DefaultMarginMode), "defaultMarginMode", $"must be 'cross' or 'isolated'; got {options.DefaultMarginMode}");
        MarketBuffer = Check.Rate(options.MarketOrderPriceBuffer, "marketOrderPriceBuffer", 0m, 1m);

        // Positions are capped so that their notional at the highest price fits a quarter of a long (sums of a few
        // stay exact). Both factors can be large with a fine tick on a high cap, so the product is taken in 128 bits.
        Int128 lotAtMax = (Int128)spec.MaxPrice.Ticks * CashPerTickLot;
        long largest = lotAtMax > long.MaxValue / 4 ? 0 : long.MaxValue / 4 / (long)lotAtMax;
        Check.That(largest >= 1, "instrument",
            $"one lot at the highest price is worth {(double)lotAtMax / FixedPoint.CashScale:G3} quote, more than 64-bit cash holds per position ({(double)(long.MaxValue / 4) / FixedPoint.CashScale:G3} quote): lower maxPrice or lotSize");
        Check.That(options.MaxPositionLots >= 0 && options.MaxPositionLots <= largest, "maxPositionLots", $"must be in [0, {largest}] for this instrument; got {options.MaxPositionLots}");
        MaxPositionLots = options.MaxPositionLots == 0 ? largest : options.MaxPositionLots;

        Check.That(options.Mark is not null, "mark", "is required");
        Check.That(Enum.IsDefined(options.Mark.Method), "mark.method", $"unknown method {options.Mark.Method}");
        MarkTau = Check.Seconds(options.Mark.EmaTimeConstantSeconds, "mark.emaTimeConstantSeconds", allowZero: false);
        MarkPublishInterval = Check.Seconds(options.Mark.PublishIntervalSeconds, "mark.publishIntervalSeconds", allowZero: true);
        Check.That(MarkPublishInterval == 0 || MarkPublishInterval >= 1_000_000, "mark.publishIntervalSeconds", $"must be 0 (continuous) or at least 0.001; got {options.Mark.PublishIntervalSeconds}");
        MarkBand = Check.Rate(options.Mark.IndexBand, "mark.indexBand", 0m, 1m, minInclusive: false);

        Check.That(options.FundPolicy is not null, "fundPolicy", "is required");
        FundUnwind = options.FundPolicy.ToPolicy("fundPolicy");
        FundMaxLoss = options.FundPolicy.MaxLossRate("fundPolicy");

        Check.That(options.LiquidationEngine is not null, "liquidationEngine", "is required");
        options.LiquidationEngine.Validate("liquidationEngine");
        PacingInterval = Check.Seconds(options.LiquidationEngine.IntervalSeconds, "liquidationEngine.intervalSeconds", allowZero: false);
        ProcessingDelay = Check.Seconds(options.LiquidationEngine.ProcessingDelaySeconds, "liquidationEngine.processingDelaySeconds", allowZero: true);

        Check.That(options.Funding is not null, "funding", "is required");
        FundingInterval = Check.Seconds(options.Funding.IntervalSeconds, "funding.intervalSeconds", allowZero: false);
        FundingInterest = Check.Rate(options.Funding.InterestRate, "funding.interestRate", -0.1m, 0.1m);
        FundingClamp = Check.Rate(options.Funding.PremiumClamp, "funding.premiumClamp", 0m, 0.1m);
        FundingCap = Check.Rate(options.Funding.RateCap, "funding.rateCap", 0m, 0.5m);

        Check.That(options.Liquidation is not null, "liquidation", "is required");
        options.Liquidation.Validate("liquidation.options");
        Hedge = options.Liquidation.HedgeSettings("liquidation.options");
        Check.That(options.Mitigations is not null, "mitigations", "must be a list (it may be empty)");
        for (int i = 0; i < options.Mitigations.Count; i++)
        {
            var m = options.Mitigations[i];
            Check.That(m is not null, $"mitigations[{i}]", "is null");
            m.Validate($"mitigations[{i}]");
            switch (m)
            {
                case PriceBandOptions band:
                    Check.That(PriceBand is null, $"mitigations[{i}]", "price-band is listed twice");
                    PriceBand = band;
                    break;
                case CircuitBreakerOptions breaker:
                    Check.That(CircuitBreaker is null, $"mitigations[{i}]", "circuit-breaker is listed twice");
                    CircuitBreaker = breaker;
                    break;
                case DynamicMarginOptions dynamic:
                    Check.That(DynamicMargin is null, $"mitigations[{i}]", "dynamic-margin is listed twice");
                    Check.That(dynamic.MaxMultiplier * FixedPoint.ToQuote(options.Brackets.MaxMaintenanceRate) < 1m,
                        $"mitigations[{i}].maxMultiplier", $"× the highest maintenance rate must stay below 100% (liquidation prices must stay monotone); got {dynamic.MaxMultiplier}");
                    DynamicMargin = dynamic;
                    break;
                case PredictiveMarginOptions predictive:
                    Check.That(PredictiveMargin is null, $"mitigations[{i}]", "predictive-margin is listed twice");
                    PredictiveMargin = predictive;
                    PredictiveMarginPath = $"mitigations[{i}]";
                    break;
                default:
                    throw new RiskConfigurationException($"mitigations[{i}]", $"unknown mitigation '{m.Name}'");
            }
        }

        if (PredictiveMargin is { } raised)
        {
            // Dynamic margin's multiplier and this factor multiply; the product × the highest rate must stay below 100%.
            decimal most = raised.MarginFactor * (DynamicMargin?.MaxMultiplier ?? 1m);
            Check.That(most * FixedPoint.ToQuote(options.Brackets.MaxMaintenanceRate) < 1m, $"{PredictiveMarginPath}.marginFactor",
                $"× the highest maintenance rate{(DynamicMargin is null ? string.Empty : " × dynamic-margin's maxMultiplier")} must stay below 100% (liquidation prices must stay monotone); got {raised.MarginFactor}");
        }

        if (options.LendingPool is not null)
        {
            options.LendingPool.Validate("lendingPool");
        }

        int n = options.MaxAccounts;
        FundAccount = SystemAccount(options.InsuranceFundAccountId, n - 1, "insuranceFundAccountId", n);
        VaultAccount = SystemAccount(options.VaultAccountId, n - 2, "vaultAccountId", n);
        LiquidatorAccount = SystemAccount(options.PoolLiquidatorAccountId, n - 3, "poolLiquidatorAccountId", n);
        KeeperAccount = SystemAccount(options.KeeperAccountId, n - 4, "keeperAccountId", n);
        int[] system = [FundAccount, VaultAccount, LiquidatorAccount, KeeperAccount];
        Check.That(system.Distinct().Count() == 4, "insuranceFundAccountId", "the four system accounts must be different accounts");

        Check.That(options.AccountHedges is not null, "accountHedges", "must be a list (it may be empty)");
        var hedges = new (int Account, HedgeSettings Settings)[options.AccountHedges.Count];
        for (int i = 0; i < hedges.Length; i++)
        {
            var h = options.AccountHedges[i];
            Check.That(h is not null && h.Hedge is not null, $"accountHedges[{i}]", "needs an account and its hedge options");
            Check.That(h.Account >= 0 && h.Account < n && Array.IndexOf(system, (int)h.Account) < 0, $"accountHedges[{i}].account",
                $"must be an account id in [0, {n}) that is not a system account (the fund's and the vault's hedges are the design's); got {h.Account}");
            long previous = i == 0 ? -1 : options.AccountHedges[i - 1].Account;
            Check.That(h.Account > previous, $"accountHedges[{i}].account",
                $"accounts must be listed once each, in increasing order; got {h.Account} after {previous}");
            hedges[i] = ((int)h.Account, h.Hedge.ToSettings($"accountHedges[{i}].hedge"));
        }

        AccountHedges = hedges;
    }

    public ExchangeOptions Options { get; }

    public long CashPerTickLot { get; }

    public long TakerFee { get; }

    public long MakerFee { get; }

    public long MarketBuffer { get; }

    public long MaxPositionLots { get; }

    public long MarkTau { get; }

    /// <summary>Nanoseconds between mark publications; 0 = continuous.</summary>
    public long MarkPublishInterval { get; }

    /// <summary>The index-anchored mark's band around the index, in rate units.</summary>
    public long MarkBand { get; }

    /// <summary>The insurance fund's unwind policy.</summary>
    public UnwindPolicy FundUnwind { get; }

    /// <summary>The fund's loss cap as a share of its equity at its first takeover (rate units).</summary>
    public long FundMaxLoss { get; }

    /// <summary>The design's hedge of the fund's and the vault's positions, or null without hedging.</summary>
    public HedgeSettings? Hedge { get; }

    /// <summary>The trading accounts hedged on the hedge venue (e.g. market makers), in increasing account order.</summary>
    public IReadOnlyList<(int Account, HedgeSettings Settings)> AccountHedges { get; }

    /// <summary>The liquidation engine's pacing window (ns).</summary>
    public long PacingInterval { get; }

    /// <summary>Delay between a breach and its liquidation's start (ns).</summary>
    public long ProcessingDelay { get; }

    public long FundingInterval { get; }

    public long FundingInterest { get; }

    public long FundingClamp { get; }

    public long FundingCap { get; }

    public PriceBandOptions? PriceBand { get; }

    public CircuitBreakerOptions? CircuitBreaker { get; }

    public DynamicMarginOptions? DynamicMargin { get; }

    public PredictiveMarginOptions? PredictiveMargin { get; }

    /// <summary>Where <see cref="PredictiveMargin"/> sits in the options, for error messages (<c>mitigations[i]</c>).</summary>
    public string PredictiveMarginPath { get; } = string.Empty;

    public int FundAccount { get; }

    public int VaultAccount { get; }

    public int LiquidatorAccount { get; }

    public int KeeperAccount { get; }

    private static int SystemAccount(long? configured, int fallback, string path, int accounts)
    {
        long id = configured ?? fallback;
        Check.That(id >= 0 && id < accounts, path, $"must be in [0, {accounts - 1}]; got {id}");
        return (int)id;
    }
}
