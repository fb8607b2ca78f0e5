using Microstructure.Risk.Accounts;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>
/// A seeded random exchange run: a design, a mark method, optional mitigations and pool, and a stream of commands
/// (orders, cash, leverage, modes, price moves, time, funding, pool operations, auction bids) that adapts to the
/// state it meets (it cancels live orders, trades near the mark). Same seed ⇒ same run.
/// </summary>
internal sealed class RandomScenario
{
    public const int Traders = 10;

    private static readonly LiquidationDesignOptions[] Designs =
    [
        new FullCloseOptions(),
        new FullCloseOptions { Remainder = RemainderHandling.Retry, CoverDeficitsFromFund = false, ClearanceFeeRate = 0.005m },
        new TieredPartialOptions(),
        new TieredPartialOptions { OrderTimeInForce = PartialOrderTimeInForce.Fok, MaxReductionSteps = 3 },
        new InsuranceFundOptions(),
        new AdlOptions(),
        new AdlOptions { Ranking = AdlRanking.Binance },
        new TimeSlicedOptions { SliceThreshold = 300m, CooldownSeconds = 5m, MaxNotionalPerInterval = 400m, MaxFundLossPerInterval = 5m },
        new BackstopVaultOptions { UnwindIntervalSeconds = 3m },
        new DutchAuctionOptions { StepSeconds = 2m, TailSeconds = 60m, Hole = 2_000m },
    ];

    private static readonly MarkPriceMethod[] Methods =
        [MarkPriceMethod.External, MarkPriceMethod.LastTrade, MarkPriceMethod.Mid, MarkPriceMethod.MedianOfThree, MarkPriceMethod.EmaOfMid, MarkPriceMethod.FairPrice];

    private readonly Random _random;
    private readonly List<long> _orderIds = [];
    private long _nextOrder = 1;
    private long _reference = 10_000;

    public RandomScenario(int seed)
    {
        _random = new Random(seed);
        Design = Designs[_random.Next(Designs.Length)];
        Method = Methods[_random.Next(Methods.Length)];
        var mitigations = new List<MitigationOptions>();
        if (_random.Next(4) == 0)
        {
            mitigations.Add(new PriceBandOptions { Band = 0.08m });
        }

        if (_random.Next(4) == 0)
        {
            mitigations.Add(new CircuitBreakerOptions { SoftLimits = [0.05m], HardLimit = 0.15m, PauseSeconds = 10m });
        }

        if (_random.Next(4) == 0)
        {
            mitigations.Add(new DynamicMarginOptions { UpdateIntervalSeconds = 5m, BaselineVolatility = 0.005m });
        }

        Options = new ExchangeOptions
        {
            Instrument = new InstrumentSpec("RND", 0.01m, 1m, new Price(1), new Price(100_000), new Quantity(1_000)),
            MaxAccounts = 16,
            MaxOrders = 512,
            Brackets = new BracketTable([new(500m, 50, 0.01m), new(2_000m, 20, 0.025m), new(1_000_000m, 10, 0.05m)]),
            MaintenanceBasis = _random.Next(5) == 0 ? MaintenanceBasis.EntryNotional : MaintenanceBasis.MarkNotional,
            TakerFeeRate = 0.0004m,
            MakerFeeRate = 0.0002m,
            Mark = new MarkPriceOptions { Method = Method, EmaTimeConstantSeconds = 20m, PublishIntervalSeconds = 0 },
            LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
            Funding = new FundingOptions { IntervalSeconds = 60m, RateCap = 0.01m },
            Liquidation = Design,
            Mitigations = mitigations,
            LendingPool = _random.Next(2) == 0 ? new LendingPoolOptions { MinSizeForPartial = 200m } : null,
        };
    }

    public ExchangeOptions Options { get; }

    public LiquidationDesignOptions Design { get; }

    public MarkPriceMethod Method { get; }

    /// <summary>Opening commands: the fund, traders' cash, a two-sided book and the first prices.</summary>
    public IEnumerable<Func<Driver, List<ExchangeEvent>>> Setup()
    {
        yield return d => d.Deposit(d.Exchange.InsuranceFundAccountId, 50m + _random.Next(500));
        yield return d => d.Deposit(d.Exchange.PoolLiquidatorAccountId, 5_000m);
        yield return d => d.Index(_reference);
        yield return d => d.Mark(_reference);
        for (int a = 0; a < Traders; a++)
        {
            int account = a;
            yield return d => d.Deposit(account, 50m + _random.Next(2_000));
        }

        if (Options.LendingPool is not null)
        {
            yield return d => d.Send(ExchangeCommand.Cash(ExchangeCommandType.PoolSupply, 0, Driver.Usd(1_000m), d.Time));
        }
    }

    /// <summary>One random command for the exchange as it is now.</summary>
    public List<ExchangeEvent> Step(Driver d)
    {
        var exchange = d.Exchange;
        long mark = exchange.MarkPrice.Ticks > 0 ? exchange.MarkPrice.Ticks : _reference;
        long account = _random.Next(Traders);
        int roll = _random.Next(100);
        if (roll < 30)
        {
            var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
            long offset = _random.Next(-300, 300);
            long price = Math.Clamp(mark + offset, 1, 100_000);
            var tif = (TimeInForce)_random.Next(3);
            var flags = _random.Next(8) == 0 ? OrderFlags.ReduceOnly : OrderFlags.None;
            long id = _nextOrder++;
            _orderIds.Add(id);
            return d.Limit(account, side, price, _random.Next(1, 15), tif, flags, id);
        }

        if (roll < 40)
        {
            return d.Market(account, _random.Next(2) == 0 ? Side.Buy : Side.Sell, _random.Next(1, 12), _random.Next(6) == 0 ? OrderFlags.ReduceOnly : OrderFlags.None);
        }

        if (roll < 47 && _orderIds.Count > 0)
        {
            long id = _orderIds[_random.Next(_orderIds.Count)];
            if (exchange.Engine.TryGetOrder(new OrderId(id), out var view))
            {
                if (_random.Next(2) == 0)
                {
                    return d.Cancel(view.AccountId, id);
                }

                return d.Place(new OrderCommand
                {
                    Type = CommandType.Amend,
                    OrderId = new OrderId(id),
                    AccountId = view.AccountId,
                    Price = new Price(Math.Clamp(view.Price.Ticks + _random.Next(-50, 50), 1, 100_000)),
                    Quantity = new Quantity(_random.Next(1, 20)),
                });
            }
        }

        if (roll < 62)
        {
            // Price move: mostly small, sometimes a shock.
            long move = _random.Next(10) == 0 ? _reference * _random.Next(-15, 10) / 100 : _random.Next(-150, 150);
            _reference = Math.Clamp(_reference + move, 1_000, 90_000);
            return _random.Next(2) == 0 || Method != MarkPriceMethod.External ? d.Index(_reference) : d.Mark(_reference);
        }

        if (roll < 70)
        {
            return d.Advance(_random.Next(0, 40));
        }

        if (roll < 76)
        {
            return d.Deposit(account, _random.Next(1, 500));
        }

        if (roll < 80)
        {
            return d.Withdraw(account, _random.Next(1, 500));
        }

        if (roll < 83)
        {
            return d.Leverage(account, _random.Next(1, 40));
        }

        if (roll < 85)
        {
            return d.Mode(account, _random.Next(2) == 0 ? MarginMode.Cross : MarginMode.Isolated);
        }

        if (roll < 87)
        {
            return d.Send(ExchangeCommand.Cash(ExchangeCommandType.AdjustIsolatedMargin, account, Driver.Usd(_random.Next(-50, 50)), d.Time));
        }

        if (roll < 88)
        {
            return d.Send(new ExchangeCommand { Type = ExchangeCommandType.SettleFunding, Timestamp = new Timestamp(d.Time) });
        }

        if (roll < 90)
        {
            return d.Send(ExchangeCommand.TakeAuction(account, _random.Next(1, (int)Math.Max(2, exchange.LiquidationCount + 1)), _random.Next(1, 10), mark * 2, d.Time));
        }

        if (Options.LendingPool is not null && _random.Next(2) == 0)
        {
            // A looper: post every long lot as collateral and borrow to 95% of the loan-to-value limit.
            var view = exchange.GetAccount(account);
            if (view.Lots > 0)
            {
                d.Send(ExchangeCommand.ForAccount(ExchangeCommandType.PoolDepositCollateral, account, view.Lots, d.Time));
            }

            var after = exchange.GetAccount(account);
            long capacity = after.Collateral * mark * exchange.CashPerTickLot / 100 * 76;
            return d.Send(ExchangeCommand.Cash(ExchangeCommandType.PoolBorrow, account, Math.Max(1, capacity - after.Debt), d.Time));
        }

        if (Options.LendingPool is not null)
        {
            var type = (ExchangeCommandType)_random.Next((int)ExchangeCommandType.PoolSupply, (int)ExchangeCommandType.PoolSetEMode + 1);
            long amount = type switch
            {
                ExchangeCommandType.PoolDepositCollateral or ExchangeCommandType.PoolWithdrawCollateral => _random.Next(1, 8),
                ExchangeCommandType.PoolSetEMode => _random.Next(2),
                _ => Driver.Usd(_random.Next(1, 400)),
            };
            return d.Send(ExchangeCommand.ForAccount(type, account, amount, d.Time));
        }

        return d.Advance(1m);
    }

    /// <summary>The invariants after a command; returns a description of the first one broken, or null.</summary>
    public static string? Violation(Exchange exchange)
    {
        var totals = exchange.Totals();
        if (totals.Total != totals.NetDeposits)
        {
            return $"money not conserved: buckets {totals.Total} vs net deposits {totals.NetDeposits} ({totals})";
        }

        if (totals.NetLots != 0)
        {
            return $"positions do not net to zero: {totals.NetLots}";
        }

        // The fund may hold a position it paid for (its cash then goes negative); flat, it never owes.
        if (exchange.GetAccount(exchange.InsuranceFundAccountId).Lots == 0 && exchange.InsuranceFund < 0)
        {
            return $"insurance fund flat and negative: {exchange.InsuranceFund}";
        }

        long mark = exchange.MarkPrice.Ticks;
        for (long id = 0; id < exchange.AccountCount; id++)
        {
            var a = exchange.GetAccount(id);
            if (a.Lots == 0 && (a.MarginCash < 0 || a.FreeCash < 0))
            {
                return $"flat account {id} holds an unsettled deficit ({a.MarginCash}, {a.FreeCash})";
            }

            if (!a.IsSystem && !a.InLiquidation && a.Lots != 0 && mark > 0 && a.Equity <= a.MaintenanceMargin)
            {
                return $"account {id} left at or below maintenance after the liquidation step: equity {a.Equity}, MM {a.MaintenanceMargin}";
            }
        }

        var probes = new List<long> { mark, mark - 1, mark + 1, mark * 9 / 10, mark * 11 / 10, mark / 2, 1, 100_000 };
        foreach (long probe in probes.Where(p => p is >= 1 and <= 100_000))
        {
            var byIndex = exchange.BreachedByIndex(probe).Order().ToList();
            var byScan = exchange.BreachedByScan(probe);
            if (!byIndex.SequenceEqual(byScan))
            {
                return $"index ≠ scan at {probe}: [{string.Join(",", byIndex)}] vs [{string.Join(",", byScan)}]";
            }

            var poolIndex = exchange.PoolBreachedByIndex(probe).Order().ToList();
            var poolScan = exchange.PoolBreachedByScan(probe);
            if (!poolIndex.SequenceEqual(poolScan))
            {
                return $"pool index ≠ scan at {probe}: [{string.Join(",", poolIndex)}] vs [{string.Join(",", poolScan)}]";
            }
        }

        return null;
    }
}
