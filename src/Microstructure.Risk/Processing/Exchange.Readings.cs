using Microstructure.Engine.Matching;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Monitoring.Predictive;

namespace Microstructure.Risk.Processing;

/// <content>
/// The read side: the exchange's public state, account views and ledger totals, read from its parts — and the
/// brute-force references the tests compare the breach indexes with. Nothing here changes state.
/// </content>
public sealed partial class Exchange
{
    /// <summary>The configuration this exchange was built from.</summary>
    public ExchangeOptions Options => _settings.Options;

    /// <summary>The order book. Read it (best prices, L2 snapshots, orders); never drive it directly.</summary>
    public MatchingEngine Engine => _engine;

    /// <summary>Cash units per tick per lot: a fill of q lots at P ticks moves q·P·this cash units.</summary>
    public long CashPerTickLot => _settings.CashPerTickLot;

    /// <summary>The current mark price in ticks (0 until something prices the contract).</summary>
    public Price MarkPrice => new(_market.Mark);

    /// <summary>The current index price in ticks (0 until the first index command).</summary>
    public Price IndexPrice => new(_market.Index);

    /// <summary>The clock: the latest command time seen (ns).</summary>
    public long Now => _market.Now;

    /// <summary>The insurance fund's settled cash (negative while it holds a long it paid for; see <see cref="InsuranceFundEquity"/>).</summary>
    public long InsuranceFund => _book.InsuranceFund;

    /// <summary>The insurance fund's equity: its cash plus any position it holds at the mark (cash units).</summary>
    public long InsuranceFundEquity => _book.FundEquity;

    /// <summary>Trading fees collected so far (cash units).</summary>
    public long FeesCollected => _book.Fees;

    /// <summary>Losses written off so far (cash units, ≥ 0). In the conservation identity it enters as −BadDebt.</summary>
    public long BadDebt => _book.BadDebt;

    /// <summary>Lending pool: cash available to borrow.</summary>
    public long PoolCash => _pool?.Cash ?? 0;

    /// <summary>Lending pool: debt written off because no collateral was left (a loss of the pool's suppliers).</summary>
    public long PoolBadDebt => _pool?.BadDebt ?? 0;

    /// <summary>Σ deposits − Σ withdrawals (cash units): what all cash buckets together must add up to.</summary>
    public long NetDeposits => _book.NetDeposits;

    /// <summary>Liquidations started so far (ids run 1 … this).</summary>
    public long LiquidationCount => _runner.LiquidationCount;

    /// <summary>Whether trading is paused by the circuit breaker now.</summary>
    public bool IsHalted => _guard.IsHalted(_market.Now);

    /// <summary>Maintenance multiplier now: dynamic margin's × predictive margin's factor (rate units; 10⁸ = 1×).</summary>
    public long MarginMultiplier => _margin.Multiplier;

    /// <summary>Times predictive margin raised margins so far (0 without it).</summary>
    public long PredictiveMarginRaises => _predictive?.Raises ?? 0;

    /// <summary>The predictive-margin mitigation when configured (its scores and state); null otherwise.</summary>
    internal PredictiveMargin? PredictiveMargin => _predictive;

    /// <summary>Number of accounts (ids 0 … this − 1).</summary>
    public int AccountCount => _book.Count;

    /// <summary>Insurance fund account id.</summary>
    public long InsuranceFundAccountId => _settings.FundAccount;

    /// <summary>Backstop vault account id.</summary>
    public long VaultAccountId => _settings.VaultAccount;

    /// <summary>Whether the design hedges the fund's and the vault's positions on the hedge venue (its <c>hedge</c> options).</summary>
    public bool IsHedging => _hedge is { HedgesFund: true };

    /// <summary>True when a mitigation changes margins during the run (dynamic or predictive margin).</summary>
    public bool ChangesMargins => _settings.DynamicMargin is not null || _predictive is not null;

    /// <summary>
    /// The hedge the fund, the vault or a hedging trading account (<see cref="ExchangeOptions.AccountHedges"/>) holds on
    /// the hedge venue now, in lots; 0 for an account that does not hedge.
    /// </summary>
    /// <param name="account">The account id.</param>
    public long HedgeLots(long account) => _hedge is null || account < 0 || account >= _book.Count ? 0 : _hedge.LotsOf((int)account);

    /// <summary>Pool liquidator account id.</summary>
    public long PoolLiquidatorAccountId => _settings.LiquidatorAccount;

    /// <summary>Auction keeper account id.</summary>
    public long KeeperAccountId => _settings.KeeperAccount;

    /// <summary>A copy of the account's state valued at the current mark.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not an account.</exception>
    public AccountView GetAccount(long accountId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(accountId, _book.Count);
        ref var a = ref _book[(int)accountId];
        long mark = _market.Mark;
        long equity = _margin.Equity(a.MarginCash, a.Lots, mark);
        long mm = _margin.Maintenance(a.Lots, a.CostBasis, mark);
        long threshold = _margin.Threshold(a.MarginCash, a.Lots, a.CostBasis);
        return new AccountView(
            accountId,
            a.Mode,
            a.Leverage,
            a.Lots,
            a.MarginCash,
            a.FreeCash,
            a.CostBasis,
            a.MarginCash + a.FreeCash + a.CostBasis,
            (a.Lots * mark * _settings.CashPerTickLot) - a.CostBasis,
            equity,
            mm,
            a.Lots == 0 ? 0 : MarginModel.MarginRatio(equity, mm),
            new Price(a.Lots == 0 ? 0 : _margin.BankruptcyPrice(a.MarginCash, a.Lots)),
            new Price(threshold == MarginModel.NotIndexed ? 0 : threshold),
            a.OpenBuyLots,
            a.OpenSellLots,
            a.IsSystem,
            (a.Flags & Ledger.AccountFlags.InLiquidation) != 0,
            a.Collateral,
            a.Debt,
            a.Supplied,
            _pool is null ? long.MaxValue : _pool.HealthFactorOf(ref a));
    }

    /// <summary>Sums every cash bucket and every lot (O(accounts)); see <see cref="LedgerTotals"/> for the identity.</summary>
    public LedgerTotals Totals() => LedgerAudit.Totals(_book, PoolCash);

    /// <summary>True when the account's position is at or below maintenance margin at the current mark.</summary>
    internal bool IsBreached(int account) => _book.IsBreached(account);

    /// <summary>Accounts the threshold indexes hold as breached at <paramref name="mark"/> (most severe first, longs then shorts).</summary>
    internal List<int> BreachedByIndex(long mark)
    {
        var result = new List<int>();
        _detector.CollectBreached(mark, result);
        return result;
    }

    /// <summary>The reference: every indexable account (not system, queued or in liquidation) breached at <paramref name="mark"/>, by a scan.</summary>
    internal List<int> BreachedByScan(long mark) => LedgerAudit.BreachedByScan(_book, _margin, mark);

    /// <summary>Lending positions the pool index holds as liquidatable at <paramref name="price"/>.</summary>
    internal List<int> PoolBreachedByIndex(long price) => _pool?.LiquidatableByIndex(price) ?? [];

    /// <summary>The reference for the pool index: a scan of every borrower.</summary>
    internal List<int> PoolBreachedByScan(long price) => _pool?.LiquidatableByScan(price) ?? [];
}
