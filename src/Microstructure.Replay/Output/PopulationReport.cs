namespace Microstructure.Replay.Output;

/// <summary>
/// What a leveraged population did during a replay: how it opened, how much was liquidated and how, and the risk
/// layer's money at the end. Cash in the risk layer's units (10⁻⁸ of one quote unit), lots, ticks.
/// </summary>
public sealed class PopulationReport
{
    /// <summary>The liquidation design's name.</summary>
    public required string Design { get; init; }

    /// <summary>The seed the population was drawn with.</summary>
    public long Seed { get; init; }

    /// <summary>The mark source's name (<c>mid</c>, <c>last-trade</c>, <c>ticker-mark</c>, <c>median-of-three</c>).</summary>
    public required string Mark { get; init; }

    /// <summary><c>cross</c> or <c>isolated</c>.</summary>
    public required string MarginMode { get; init; }

    /// <summary>Accounts in the spec.</summary>
    public int Accounts { get; init; }

    /// <summary>Accounts whose opening order filled at least in part.</summary>
    public int Opened { get; init; }

    /// <summary>When the population opened (source time, ns), or null when it never did.</summary>
    public long? OpenedAtNs { get; init; }

    /// <summary>Lots the longs bought at the opening.</summary>
    public long OpenedLongLots { get; init; }

    /// <summary>Lots the shorts sold at the opening.</summary>
    public long OpenedShortLots { get; init; }

    /// <summary>Population commands the risk layer refused, by reason (kebab-case), e.g. <c>leverage-too-high</c>.</summary>
    public IReadOnlyDictionary<string, long> Refused { get; init; } = new Dictionary<string, long>();

    /// <summary>Liquidations started.</summary>
    public long Liquidations { get; init; }

    /// <summary>Σ |position| at the trigger, lots.</summary>
    public long LiquidatedLots { get; init; }

    /// <summary>Σ |position| × trigger mark × tick value at the trigger: the notional put into liquidation (cash units).</summary>
    public long LiquidatedNotional { get; init; }

    /// <summary>Deepest cascade wave (1 = a liquidation without a parent; 0 = none).</summary>
    public int MaxWave { get; init; }

    /// <summary>Orders the liquidation engine sent.</summary>
    public long LiquidationOrders { get; init; }

    /// <summary>Fills of orders the risk layer sent (liquidation orders, the fund's and vault's unwinds, keeper resales).</summary>
    public long RiskOrderFills { get; init; }

    /// <summary>Lots of those fills.</summary>
    public long RiskOrderFilledLots { get; init; }

    /// <summary>Of those lots, the ones taken from historical liquidity (they stay consumed: see the reconciliation).</summary>
    public long RiskOrderLotsFromHistory { get; init; }

    /// <summary>Positions taken over off the book (fund, vault, auction bidders).</summary>
    public long Takeovers { get; init; }

    /// <summary>Auto-deleveraging events.</summary>
    public long AutoDeleverages { get; init; }

    /// <summary>Bad debt written off (cash units).</summary>
    public long BadDebt { get; init; }

    /// <summary>Insurance fund balance at the end (cash units).</summary>
    public long InsuranceFund { get; init; }

    /// <summary>Trading fees collected (cash units).</summary>
    public long Fees { get; init; }

    /// <summary>Σ deposits − Σ withdrawals (cash units), historical and injected accounts' collateral included.</summary>
    public long NetDeposits { get; init; }

    /// <summary>Σ trader cash + fund + fees − bad debt + pool cash at the end (cash units); equals <see cref="NetDeposits"/> when money is conserved.</summary>
    public long LedgerTotal { get; init; }

    /// <summary>Σ positions + pool collateral at the end (lots); 0 when every lot has a counterparty.</summary>
    public long NetLots { get; init; }

    /// <summary>The risk layer's conservation identity at the end: ledger total = net deposits, and net lots = 0.</summary>
    public bool MoneyConserved => LedgerTotal == NetDeposits && NetLots == 0;

    /// <summary>Extra collateral deposits the historical and injected accounts needed (docs/replay.md).</summary>
    public long CollateralTopUps { get; init; }
}
