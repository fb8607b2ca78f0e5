using System.Text.Json;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Analysis.Tests.Recording;

/// <summary>summary.json's <c>market_maker_hedge</c> block (issue 15 §4) on a hand-computed maker hedge.</summary>
public sealed class MarketMakerHedgeSummaryTests : IDisposable
{
    private const long Trader = 1;
    private const long Seller = 10;
    private const long Usd = 100_000_000;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// The seller (the maker) sells 10 lots at $100.00 and hedges: long 10 at the index $100.00 for $1 fee + $1
    /// slippage; the index falls $1 (the hedge loses $10, equity 99,988 — the drawdown, $12); the mark follows (its
    /// short gains $10). PnL = −$2: the short's +$10, the hedge's −$10, the costs' −$2.
    /// </summary>
    [Fact]
    public void The_block_holds_the_makers_hedge_their_pnl_and_drawdown_and_the_funds_hedge_block_stays_absent()
    {
        var hedge = new HedgeOptions { FeeRate = 0.001m, Impact = HedgeImpactModel.Linear, ImpactBps = 10m, ReferenceNotional = 1_000m };
        var s = new ExchangeScript(SmallCascade.Options(new InsuranceFundOptions()) with
        {
            Mark = new MarkPriceOptions { Method = MarkPriceMethod.External },
            AccountHedges = [new AccountHedgeOptions(Seller, hedge)],
        });
        s.At(1);
        s.Deposit(Seller, 100_000m);
        s.Deposit(Trader, 1_000m);
        s.Mark(10_000);
        s.Limit(Seller, Side.Sell, 10_000, 10);
        s.Limit(Trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        s.Send(ExchangeCommand.ForPrice(ExchangeCommandType.IndexPrice, 10_000, s.Time));
        s.At(2);
        s.Send(ExchangeCommand.ForPrice(ExchangeCommandType.IndexPrice, 9_900, s.Time));
        s.Mark(9_900);

        var info = RecordedRunInfo.FromExchange(s.Exchange, "maker-hedge", 1, "insurance-fund", startNs: 0, endNs: 10_000_000_000);
        Assert.Equal([Seller], info.HedgedAccounts);
        RunSummary summary;
        using (RunRecorder recorder = RunRecorder.Create(_temp.Sub("run"), info, SmallCascade.RecorderOptions(plots: false)))
        {
            s.ReplayInto(recorder);
            summary = recorder.Complete();
        }

        Assert.Null(summary.Hedge);
        Assert.Equal(new MarketMakerHedgeSummary(1, 1_000 * Usd, -10 * Usd, 2 * Usd, -2 * Usd, 12 * Usd, 0), summary.MarketMakerHedge);
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.Sub("run"), "summary.json"))).RootElement;
        Assert.False(root.TryGetProperty("hedge", out _));
        var block = root.GetProperty("market_maker_hedge");
        Assert.Equal(["accounts", "notional", "notional_quote", "pnl", "pnl_quote", "costs", "costs_quote", "net", "net_quote",
            "equity_change", "equity_change_quote", "max_drawdown", "max_drawdown_quote", "liquidations"], block.EnumerateObject().Select(p => p.Name));
        Assert.Equal(-12m, block.GetProperty("net_quote").GetDecimal());
        Assert.Equal(-2m, block.GetProperty("equity_change_quote").GetDecimal());
    }
}
