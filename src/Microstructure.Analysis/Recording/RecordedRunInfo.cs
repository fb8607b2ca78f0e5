using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Monitoring;
using Microstructure.Risk.Processing;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The facts of one run that the event stream does not carry: what was run (scenario, seed, design), the instrument's
/// units, the insurance fund's account, the shocks (for amplification), the time span and who each account is. Fees
/// and cash are not among them: each trade event carries what settlement charged and left. The simulation maps its own run description onto it;
/// <see cref="FromExchange"/> fills the exchange-derived part.
/// </summary>
public sealed record RecordedRunInfo
{
    /// <summary>Scenario name (file name or title).</summary>
    public required string ScenarioName { get; init; }

    /// <summary>The seed of the run.</summary>
    public required long Seed { get; init; }

    /// <summary>Liquidation design name, as the scenario spells it (e.g. <c>insurance-fund</c>).</summary>
    public required string DesignName { get; init; }

    /// <summary>Instrument symbol for titles (e.g. BTCUSDT).</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Name of the quote currency in the report (e.g. USDT).</summary>
    public string QuoteCurrency { get; init; } = "quote";

    /// <summary>Price of one tick in quote currency (e.g. 0.1).</summary>
    public required decimal TickSize { get; init; }

    /// <summary>Size of one lot in base currency (e.g. 0.001).</summary>
    public required decimal LotSize { get; init; }

    /// <summary>Cash units per one unit of quote currency (the risk layer's <see cref="FixedPoint.CashScale"/>, 10⁸).</summary>
    public long CashScale { get; init; } = FixedPoint.CashScale;

    /// <summary>The insurance fund's account id (its cash is the fund's balance); −1: the fund is not tracked (fund figures read 0).</summary>
    public long InsuranceFundAccountId { get; init; } = -1;

    /// <summary>The backstop vault's account id (what it still holds at the end counts as unrealized); −1: none.</summary>
    public long VaultAccountId { get; init; } = -1;

    /// <summary>
    /// Whether the run's design hedges what the fund or the vault takes over (its <c>hedge</c> options): summary.json
    /// then has a <c>hedge</c> block (docs/outputs.md). Default false.
    /// </summary>
    public bool Hedging { get; init; }

    /// <summary>The exchange changes margins (dynamic or predictive margin): summary.json then has <c>margin_changes</c>.</summary>
    public bool ChangesMargins { get; init; }

    /// <summary>
    /// The trading accounts (market makers) that hedge their own position on the hedge venue, in increasing order
    /// (<c>ExchangeOptions.AccountHedges</c>): summary.json then has a <c>market_maker_hedge</c> block (docs/outputs.md).
    /// Default none.
    /// </summary>
    public IReadOnlyList<long> HedgedAccounts { get; init; } = [];

    /// <summary>Shocks of the run in time order; a cascade's amplification uses the last shock at or before its start.</summary>
    public IReadOnlyList<RecordedShock> Shocks { get; init; } = [];

    /// <summary>Simulated start of the run (ns).</summary>
    public required long StartNs { get; init; }

    /// <summary>Simulated end of the run (ns); must be after <see cref="StartNs"/>.</summary>
    public required long EndNs { get; init; }

    /// <summary>
    /// True when the run's end is not known up front (a replay learns it at its last event): <see cref="EndNs"/> is then
    /// only a lower bound, the run ends at its last event, and periodic account snapshots go on until then.
    /// </summary>
    public bool EndIsLastEvent { get; init; }

    /// <summary>Account id → what kind of agent holds it ("noise", "market-maker", "leveraged-long", "insurance-fund" …).</summary>
    public IReadOnlyDictionary<long, string> AccountLabels { get; init; } = new Dictionary<long, string>();

    /// <summary>
    /// The risk monitor attached to the run's exchange (<c>Exchange.AttachMonitor</c>), or null: the recorder writes
    /// its snapshots to tape/risk_monitor and tape/liquidation_map and draws plots/liquidation-map.png.
    /// </summary>
    public RiskMonitor? RiskMonitor { get; init; }

    /// <summary>
    /// Cash units of one tick on one lot: k = tick size × lot size × <see cref="CashScale"/>; a fill of q lots at P
    /// ticks moves exactly q·P·k cash units.
    /// </summary>
    public long CashPerTickLot => checked((long)(TickSize * LotSize * CashScale));

    /// <summary>
    /// The exchange-derived facts of <paramref name="exchange"/>: symbol, tick and lot size and the fund's account.
    /// </summary>
    public static RecordedRunInfo FromExchange(
        Exchange exchange,
        string scenarioName,
        long seed,
        string designName,
        long startNs,
        long endNs)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        InstrumentSpec instrument = exchange.Options.Instrument;
        return new RecordedRunInfo
        {
            ScenarioName = scenarioName,
            Seed = seed,
            DesignName = designName,
            Symbol = instrument.Symbol,
            TickSize = instrument.TickSize,
            LotSize = instrument.LotSize,
            InsuranceFundAccountId = exchange.InsuranceFundAccountId,
            VaultAccountId = exchange.VaultAccountId,
            Hedging = exchange.IsHedging,
            ChangesMargins = exchange.ChangesMargins,
            HedgedAccounts = [.. exchange.Options.AccountHedges.Select(h => h.Account)],
            StartNs = startNs,
            EndNs = endNs,
        };
    }

    /// <summary>Checks the facts; the message names the field and what is wrong.</summary>
    /// <exception cref="ArgumentException">A field is missing or out of range.</exception>
    internal void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ScenarioName), nameof(ScenarioName), "must name the scenario");
        Require(!string.IsNullOrWhiteSpace(DesignName), nameof(DesignName), "must name the liquidation design");
        Require(TickSize > 0, nameof(TickSize), $"must be positive; got {TickSize}");
        Require(LotSize > 0, nameof(LotSize), $"must be positive; got {LotSize}");
        Require(CashScale > 0, nameof(CashScale), $"must be positive; got {CashScale}");
        decimal k = TickSize * LotSize * CashScale;
        Require(k >= 1 && k == decimal.Truncate(k), nameof(TickSize),
            $"tick size × lot size × cash scale must be a whole number of cash units; got {k}");
        Require(EndNs > StartNs, nameof(EndNs), $"must be after StartNs ({StartNs}); got {EndNs}");
        Require(AccountLabels is not null && Shocks is not null, nameof(AccountLabels), "must not be null");
        Require(HedgedAccounts is not null, nameof(HedgedAccounts), "must not be null");
        for (int i = 0; i < HedgedAccounts!.Count; i++)
        {
            Require(HedgedAccounts[i] >= 0 && HedgedAccounts[i] < AccountLedger.MaxAccountId && (i == 0 || HedgedAccounts[i] > HedgedAccounts[i - 1]),
                $"{nameof(HedgedAccounts)}[{i}]", "must be account ids in increasing order");
        }
        for (int i = 0; i < Shocks!.Count; i++)
        {
            Require(Shocks[i] is not null && Shocks[i].Notional >= 0, $"{nameof(Shocks)}[{i}]", "notional cannot be negative");
            Require(i == 0 || Shocks[i].TimeNs >= Shocks[i - 1].TimeNs, $"{nameof(Shocks)}[{i}]", "shocks must be in time order");
        }
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            ThrowHelper.ThrowArgument(field, $"Run info field '{field}' {problem}.");
        }
    }
}
