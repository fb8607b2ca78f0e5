using Microstructure.Agents.Market;

namespace Microstructure.Agents.Families;

/// <summary>
/// A lending-pool looper (<see cref="LendingLooperOptions"/>). One command is outstanding at a time; each delivered
/// answer moves it to the next step: buy → deposit collateral → borrow → buy → … → monitor (→ withdraw → sell → repay).
/// </summary>
internal sealed class LendingLooper : Agent
{
    private const double PriceBuffer = 1.02;
    private readonly LendingLooperOptions _options;
    private readonly long _capital;
    private LoopPhase _phase = LoopPhase.Waiting;
    private long _order;
    private int _loopsDone;

    /// <summary>Builds the looper.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public LendingLooper(AgentSetup setup, LendingLooperOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.LendingLooper;

    /// <summary>Where the looper is.</summary>
    public LoopPhase Phase => _phase;

    /// <summary>Borrow rounds completed.</summary>
    public int LoopsDone => _loopsDone;

    /// <summary>Deleverage steps started.</summary>
    public int Deleverages { get; private set; }

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, 1);
        if (_options.EMode)
        {
            SendAccountCommand(context, ExchangeCommandType.PoolSetEMode, 1);
        }

        long entry = (long)(Random.NextUniform(_options.EntryStartSeconds, _options.EntryEndSeconds) * 1e9);
        context.WakeAt(Math.Max(context.Now, entry));
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        switch (_phase)
        {
            case LoopPhase.Waiting:
                Buy(context);
                break;
            case LoopPhase.Monitoring:
                context.WakeAt(context.Now + (long)(_options.CheckIntervalSeconds * 1e9));
                CheckHealth(context);
                break;
        }
    }

    /// <inheritdoc />
    protected override void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
        if (e.Engine.AccountId != AccountId)
        {
            return;
        }

        if (e.Type == ExchangeEventType.PoolLiquidation && Account.Collateral == 0)
        {
            _phase = LoopPhase.Done;
            return;
        }

        bool refused = e.Type == ExchangeEventType.RiskRejected && e.Engine.OrderId.Value == 0;
        switch (_phase)
        {
            case LoopPhase.Buying when !Account.TryGetOrder(_order, out _):
                AfterPurchase(context);
                break;
            case LoopPhase.Depositing when e.Type == ExchangeEventType.CollateralDeposited:
                BorrowOrStop(context);
                break;
            case LoopPhase.Borrowing when e.Type == ExchangeEventType.Borrowed:
                _loopsDone++;
                Buy(context);
                break;
            case LoopPhase.Withdrawing when e.Type == ExchangeEventType.CollateralWithdrawn:
                _order = PlaceMarket(context, Side.Sell, e.Engine.Quantity.Lots, OrderFlags.ReduceOnly);
                _phase = LoopPhase.Selling;
                break;
            case LoopPhase.Selling when !Account.TryGetOrder(_order, out _):
                Repay(context);
                break;
            case LoopPhase.Repaying when e.Type == ExchangeEventType.Repaid:
                StartMonitoring(context);
                break;
            case LoopPhase.Depositing or LoopPhase.Borrowing or LoopPhase.Withdrawing or LoopPhase.Repaying when refused:
                StartMonitoring(context);
                break;
        }
    }

    private void Buy(IAgentContext context)
    {
        var market = context.Market;
        var rules = context.Rules;
        long price = market.BuyPrice;
        // Leverage 1: the purchase must be paid in full, valued at the best price plus the exchange's market-order buffer.
        double perLotCost = price * rules.CashPerTickLot * (1 + rules.MarketOrderBuffer) * (1 + rules.TakerFeeRate) * PriceBuffer;
        long lots = price > 0 ? (long)Math.Floor(Account.Cash / perLotCost) : 0;
        if (lots < 1)
        {
            if (Account.Position > 0)
            {
                DepositHolding(context);
            }
            else if (_loopsDone == 0 && price <= 0)
            {
                _phase = LoopPhase.Waiting;
                context.WakeAt(context.Now + 1_000_000_000);
            }
            else
            {
                StartMonitoring(context);
            }

            return;
        }

        _order = PlaceMarket(context, Side.Buy, lots);
        _phase = LoopPhase.Buying;
    }

    private void AfterPurchase(IAgentContext context)
    {
        if (Account.Position > 0)
        {
            DepositHolding(context);
        }
        else
        {
            StartMonitoring(context);
        }
    }

    private void DepositHolding(IAgentContext context)
    {
        SendAccountCommand(context, ExchangeCommandType.PoolDepositCollateral, Account.Position);
        _phase = LoopPhase.Depositing;
    }

    private void BorrowOrStop(IAgentContext context)
    {
        var pool = context.Rules.LendingPool;
        long oracle = OraclePrice(context.Market, context.Rules);
        if (pool is null || _loopsDone >= _options.Loops || oracle <= 0)
        {
            StartMonitoring(context);
            return;
        }

        double ltv = (double)(_options.EMode ? pool.EModeLoanToValue : pool.LoanToValue);
        double limit = (double)Account.Collateral * oracle * context.Rules.CashPerTickLot * ltv * _options.BorrowFraction;
        long amount = (long)Math.Floor(limit - Account.Debt);
        if (amount <= 0)
        {
            StartMonitoring(context);
            return;
        }

        SendAccountCommand(context, ExchangeCommandType.PoolBorrow, amount);
        _phase = LoopPhase.Borrowing;
    }

    private void CheckHealth(IAgentContext context)
    {
        var pool = context.Rules.LendingPool;
        if (_options.DeleverageBelowHealth <= 0 || pool is null || Account.Debt <= 0 || Account.Collateral <= 0)
        {
            return;
        }

        long oracle = OraclePrice(context.Market, context.Rules);
        double threshold = (double)(_options.EMode ? pool.EModeLiquidationThreshold : pool.LiquidationThreshold);
        double perLot = oracle * context.Rules.CashPerTickLot * threshold;
        double health = Account.Collateral * perLot / Account.Debt;
        if (oracle <= 0 || health >= _options.DeleverageBelowHealth)
        {
            return;
        }

        // Withdrawing lowers the health factor until the sale repays debt: keep it above 1.02 in between.
        long room = (long)Math.Floor(Account.Collateral - (1.02 * Account.Debt / perLot));
        long lots = Math.Min(room, (long)Math.Ceiling(Account.Collateral * _options.DeleverageFraction));
        if (lots < 1)
        {
            return;
        }

        SendAccountCommand(context, ExchangeCommandType.PoolWithdrawCollateral, lots);
        _phase = LoopPhase.Withdrawing;
        Deleverages++;
    }

    private void Repay(IAgentContext context)
    {
        long amount = Math.Min(Account.Debt, (long)(Account.Cash * 0.99));
        if (amount <= 0)
        {
            StartMonitoring(context);
            return;
        }

        SendAccountCommand(context, ExchangeCommandType.PoolRepay, amount);
        _phase = LoopPhase.Repaying;
    }

    private void StartMonitoring(IAgentContext context)
    {
        _phase = Account.Collateral == 0 && _loopsDone > 0 ? LoopPhase.Done : LoopPhase.Monitoring;
        if (_phase == LoopPhase.Monitoring)
        {
            context.WakeAt(context.Now + (long)(_options.CheckIntervalSeconds * 1e9));
        }
    }

    private static long OraclePrice(in MarketSnapshot market, MarketRules rules)
    {
        long oracle = rules.LendingPool?.Oracle == Microstructure.Risk.Lending.PoolOracle.Index ? market.IndexPrice : market.MarkPrice;
        return oracle > 0 ? oracle : market.ReferencePrice;
    }
}
