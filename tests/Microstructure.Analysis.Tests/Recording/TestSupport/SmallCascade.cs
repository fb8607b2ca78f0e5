using Microstructure.Analysis.Recording;
using Microstructure.Engine;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>
/// A cascade small enough to compute by hand. $0.01 ticks, 1-unit lots (k = 10⁶ cash units), no fees, one 0.5%
/// maintenance bracket, last-trade mark, full-close design, insurance fund $1,000.
/// <list type="bullet">
/// <item>t = 1 s: the seller offers 30 lots at $100.00 and 100 at $101.00; the provider bids 5 @ 91.00, 5 @ 90.20,
/// 5 @ 88.00, 5 @ 86.00, 5 @ 84.00, 10 @ 82.00, 100 @ 79.00. Three longs buy 10 lots each at $100.00 with $100 (A),
/// $181 (B) and $130 (C): cash −900, −819, −870; breached at marks ≤ 90.45, 82.31, 87.43; bankrupt at 90.00, 81.90,
/// 87.00. An L2 snapshot (mid 192.00).</item>
/// <item>t = 2 s: the shock sells 10 lots: 5 @ 91.00 + 5 @ 90.20 ($906). Mark 90.20 breaches A (#1); A sells 5 @ 88
/// + 5 @ 86 (mark 86 breaches C, #2, parent #1); C sells 5 @ 84 + 5 @ 82 (mark 82 breaches B, #3, parent #2); B sells
/// 5 @ 82 + 5 @ 79. Deficits 30, 40 and 14 dollars come out of the fund.</item>
/// <item>t = 3 s: L2 snapshot (mid 180.00). t = 7 s: the provider bids 10 @ 88.00 (mid back to 189.00, the
/// pre-cascade level). t = 8 s: L2 snapshot. The run ends at 10 s.</item>
/// </list>
/// </summary>
internal static class SmallCascade
{
    public const long A = 1;
    public const long B = 2;
    public const long C = 3;
    public const long Seller = 10;
    public const long Provider = 11;
    public const long Shocker = 12;
    public const long K = 1_000_000;

    public static readonly InstrumentSpec Cents = new("TEST", 0.01m, 1m, new Price(1), new Price(1_000_000), new Quantity(1_000_000));

    public static ExchangeOptions Options(LiquidationDesignOptions? design = null, decimal takerFee = 0m, decimal makerFee = 0m) => new()
    {
        Instrument = Cents,
        MaxAccounts = 64,
        MaxOrders = 4_096,
        TakerFeeRate = takerFee,
        MakerFeeRate = makerFee,
        DefaultLeverage = 20,
        Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, 100, 0.005m)]),
        Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade, PublishIntervalSeconds = 0 },
        LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
        Funding = new FundingOptions { Enabled = false },
        Liquidation = design ?? new FullCloseOptions(),
    };

    public static ExchangeScript Run(ExchangeOptions? options = null)
    {
        var s = new ExchangeScript(options ?? Options());
        s.At(1);
        s.Deposit(s.Exchange.InsuranceFundAccountId, 1_000m);
        foreach (long big in (long[])[Seller, Provider, Shocker])
        {
            s.Deposit(big, 1_000_000m);
        }

        s.Limit(Seller, Side.Sell, 10_000, 30);
        s.Limit(Seller, Side.Sell, 10_100, 100);
        foreach ((long price, long lots) in (ReadOnlySpan<(long, long)>)[(9_100, 5), (9_020, 5), (8_800, 5), (8_600, 5), (8_400, 5), (8_200, 10), (7_900, 100)])
        {
            s.Limit(Provider, Side.Buy, price, lots);
        }

        foreach ((long account, decimal cash) in (ReadOnlySpan<(long, decimal)>)[(A, 100m), (B, 181m), (C, 130m)])
        {
            s.Deposit(account, cash);
            s.Limit(account, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        }

        s.SnapshotL2(Provider, 20);
        s.At(2);
        s.Market(Shocker, Side.Sell, 10);
        s.At(3);
        s.SnapshotL2(Provider, 20);
        s.At(7);
        s.Limit(Provider, Side.Buy, 8_800, 10);
        s.At(8);
        s.SnapshotL2(Provider, 20);
        return s;
    }

    public static RecordedRunInfo Info(ExchangeScript s, string design = "full-close") =>
        RecordedRunInfo.FromExchange(s.Exchange, "small-cascade", 7, design, startNs: 0, endNs: 10_000_000_000) with
        {
            QuoteCurrency = "USD",
            Shocks = [new RecordedShock(2_000_000_000, ExchangeScript.Usd(906m), "market sell 10 lots")],
            AccountLabels = new Dictionary<long, string>
            {
                [A] = "leveraged-long",
                [B] = "leveraged-long",
                [C] = "leveraged-long",
                [Seller] = "seller",
                [Provider] = "liquidity",
                [Shocker] = "shock",
                [s.Exchange.InsuranceFundAccountId] = "insurance-fund",
            },
        };

    /// <summary>Options for the hand values: 1 s account snapshots, 3 s permanent-impact horizon, a 10% depth band.</summary>
    public static RecorderOptions RecorderOptions(bool plots = true) => new()
    {
        AccountSnapshotIntervalNs = 1_000_000_000,
        PermanentImpactHorizonNs = 3_000_000_000,
        DepthBandFraction = 0.10,
        WritePlots = plots,
    };
}
