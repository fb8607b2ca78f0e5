using System.Globalization;
using Microstructure.Replay.Output;
using Microstructure.Runner.Replay;

namespace Microstructure.Cli.Commands.Replay;

/// <summary>Prints a replay report as a short human summary.</summary>
internal static class ReportPrinter
{
    public static void Print(ReplayOutcome outcome, TextWriter o)
    {
        var r = outcome.Report;
        var elapsed = outcome.Elapsed;
        var c = CultureInfo.InvariantCulture;
        var rate = elapsed.TotalSeconds > 0 ? r.MessagesRead / elapsed.TotalSeconds : 0;
        o.WriteLine(string.Create(c, $"{r.Format} replay of {r.Symbol}: {r.MessagesRead:N0} messages read, {r.MessagesApplied:N0} applied, {r.Skipped.Total:N0} skipped ({elapsed.TotalSeconds:F2} s, {rate:N0} messages/s)"));
        foreach (var (kind, count) in r.Skipped.ByKind)
        {
            o.WriteLine(string.Create(c, $"  skipped {kind}: {count:N0}"));
        }

        foreach (var first in r.Skipped.First)
        {
            o.WriteLine($"  skipped: {first}");
        }

        if (r.Validated)
        {
            o.WriteLine(string.Create(c, $"validation: {r.TransitionsChecked:N0} transitions checked, {r.TransitionsMismatched:N0} mismatched{(r.TransitionsSkipped > 0 ? $", {r.TransitionsSkipped:N0} skipped" : string.Empty)}"));
            if (r.FirstMismatch is not null)
            {
                o.WriteLine($"  first mismatch: {r.FirstMismatch}");
            }
        }

        o.WriteLine(string.Create(c, $"trades: {r.HistoricalTrades:N0} visible ({r.HistoricalTradeLots:N0} lots), {r.HiddenTrades:N0} hidden/cross ({r.HiddenTradeLots:N0} lots); liquidations {r.Liquidations:N0}; ticker updates {r.TickerUpdates:N0}; halts {r.Halts:N0}"));
        if (r.Format == "lobster")
        {
            o.WriteLine(string.Create(c, $"window: {r.WindowAdjustments:N0} level corrections from the orderbook file (+{r.WindowLotsAdded:N0} / -{r.WindowLotsRemoved:N0} lots)"));
        }
        else
        {
            o.WriteLine(string.Create(c, $"feed: {r.SnapshotResets:N0} snapshots applied, {r.StaleEventsDropped:N0} stale events dropped, {r.Gaps:N0} gaps, {r.Resyncs:N0} resyncs, {r.EventsDroppedUnsynced:N0} events dropped unsynced"));
        }

        if (r.InjectedOrders > 0)
        {
            PrintInjection(r, o, c);
        }

        if (r.Population is { } population)
        {
            PrintPopulation(population, r.LotSize, o, c);
        }

        foreach (var note in r.Notes)
        {
            o.WriteLine($"note: {note}");
        }

        if (outcome.Directory is { } directory)
        {
            o.WriteLine(string.Create(c, $"output directory: {directory} (tape/{ReplayRunner.TapeTable}.csv and .parquet: {outcome.TapeRows:N0} rows, {ReplayRunner.SummaryFile})"));
        }
    }

    private static void PrintPopulation(PopulationReport p, decimal lot, TextWriter o, CultureInfo c)
    {
        static decimal Cash(long units) => units / 100_000_000m;
        o.WriteLine(string.Create(c, $"population: {p.Opened:N0} of {p.Accounts:N0} accounts opened ({p.OpenedLongLots * lot:0.########} long, {p.OpenedShortLots * lot:0.########} short), {p.MarginMode} margin, mark {p.Mark}, design {p.Design}"));
        foreach (var (reason, count) in p.Refused)
        {
            o.WriteLine(string.Create(c, $"  refused {reason}: {count:N0}"));
        }

        o.WriteLine(string.Create(c, $"liquidations: {p.Liquidations:N0} ({p.LiquidatedLots * lot:0.########} units, notional {Cash(p.LiquidatedNotional):N2}), deepest wave {p.MaxWave}; {p.LiquidationOrders:N0} liquidation orders, risk-layer fills {p.RiskOrderFills:N0} ({p.RiskOrderFilledLots * lot:0.########} units, {p.RiskOrderLotsFromHistory * lot:0.########} from historical liquidity); takeovers {p.Takeovers:N0}, ADL {p.AutoDeleverages:N0}"));
        o.WriteLine(string.Create(c, $"money: insurance fund {Cash(p.InsuranceFund):N2}, fees {Cash(p.Fees):N2}, bad debt {Cash(p.BadDebt):N2}; ledger {Cash(p.LedgerTotal):N8} vs deposits {Cash(p.NetDeposits):N8}, net lots {p.NetLots} ({(p.MoneyConserved ? "conserved" : "NOT CONSERVED")})"));
    }

    private static void PrintInjection(ReplayReport r, TextWriter o, CultureInfo c)
    {
        string Px(decimal? ticks) => ticks is { } t ? (t * r.TickSize).ToString("0.########", c) : "n/a";
        string refused = r.InjectedOrdersRefused > 0 ? string.Create(c, $" ({r.InjectedOrdersRefused:N0} refused by the risk layer: see the notes)") : string.Empty;
        o.WriteLine(string.Create(c, $"injection: {r.InjectedOrders:N0} orders{refused}, {r.SimulatedFills:N0} fills, {r.SimulatedFilledLots:N0} lots filled at average {Px(r.SimulatedAveragePrice)}"));
        if (r.Impact is { } i)
        {
            o.WriteLine($"  mid {Px(ImpactReport.Mid(i.BidBefore, i.AskBefore))} -> {Px(ImpactReport.Mid(i.BidAfter, i.AskAfter))} (immediate {Px(i.ImmediateMidMove)}); at the end {Px(ImpactReport.Mid(i.FinalBid, i.FinalAsk))} vs historical {Px(ImpactReport.Mid(i.FinalHistoricalBid, i.FinalHistoricalAsk))} (lasting {Px(i.PersistentMidMove)})");
        }

        var x = r.Reconciliation;
        o.WriteLine(string.Create(c, $"reconciliation: {x.DepletedLots:N0} historical lots taken by injected orders; executions dropped {x.DroppedExecutions:N0} ({x.DroppedExecutionLots:N0} lots), cancels dropped {x.DroppedCancels:N0} ({x.DroppedCancelLots:N0} lots), level updates absorbed {x.AbsorbedLevelUpdates:N0} ({x.AbsorbedLevelLots:N0} lots), unmatched {x.UnmatchedEvents:N0} ({x.UnmatchedLots:N0} lots), deferred by halt {x.DeferredByHalt:N0}"));
    }
}
