
namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>
/// Keeps what a scenario test asks of a run's liquidations — each one's parent and causal depth (wave), the notional
/// closed out of the liquidated account (as the recorder counts it) — and the mid over time.
/// </summary>
internal sealed class LiquidationObserver : IExchangeEventObserver
{
    private readonly Dictionary<long, Liquidation> _byId = [];

    public List<Liquidation> Liquidations { get; } = [];

    public List<(long TimeNs, double Mid)> Mids { get; } = [];

    public long LiquidatedNotional { get; private set; }

    public int MaxWave => Liquidations.Count == 0 ? 0 : Liquidations.Max(l => l.Wave);

    public void OnEvent(in ExchangeEvent e)
    {
        switch (e.Type)
        {
            case ExchangeEventType.LiquidationTriggered or ExchangeEventType.PoolLiquidation when !_byId.ContainsKey(e.LiquidationId):
                // A parent is always triggered before its children (ids are in start order), so its wave is known.
                int wave = _byId.TryGetValue(e.ParentLiquidationId, out var parent) ? parent.Wave + 1 : 1;
                var liquidation = new Liquidation(e.LiquidationId, e.ParentLiquidationId, e.Engine.AccountId, e.Engine.Timestamp.Nanoseconds,
                    wave, e.Type == ExchangeEventType.PoolLiquidation, e.Engine.Quantity.Lots * e.Engine.Price.Ticks);
                _byId.Add(e.LiquidationId, liquidation);
                Liquidations.Add(liquidation);
                break;
            case ExchangeEventType.Trade when e.Engine.OrderId.Value < 0 && IsLiquidatedAccount(in e):
            case ExchangeEventType.Takeover or ExchangeEventType.AutoDeleverage or ExchangeEventType.AuctionTake when IsLiquidatedAccount(in e):
                // Only what left the liquidated account's own position counts (the fund re-selling it does not).
                LiquidatedNotional += e.Engine.Quantity.Lots * e.Engine.Price.Ticks;
                break;
            case ExchangeEventType.TopOfBook when e.Engine.BidPrice.Ticks > 0 && e.Engine.AskPrice.Ticks > 0:
                Mids.Add((e.Engine.Timestamp.Nanoseconds, (e.Engine.BidPrice.Ticks + e.Engine.AskPrice.Ticks) / 2.0));
                break;
        }
    }

    private bool IsLiquidatedAccount(in ExchangeEvent e) =>
        e.LiquidationId != 0 && _byId.TryGetValue(e.LiquidationId, out var l) && l.Account == e.Engine.AccountId && !l.IsPool;

    // TickLots: the position at its trigger, valued at the mark before the breach (lots × ticks).
    internal sealed record Liquidation(long Id, long ParentId, long Account, long TimeNs, int Wave, bool IsPool, long TickLots);
}
