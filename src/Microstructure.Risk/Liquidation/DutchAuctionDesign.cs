using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Liquidation;

/// <summary><c>dutch-auction</c>: the position is auctioned off the book at a falling price; see <see cref="DutchAuctionOptions"/>.</summary>
internal sealed class DutchAuctionDesign(DutchAuctionOptions options) : LiquidationDesign
{
    private readonly long _buffer = FixedPoint.ToRate(options.StartBuffer);
    private readonly long _step = Check.Seconds(options.StepSeconds, "liquidation.options.stepSeconds", allowZero: false);
    private readonly long _cut = FixedPoint.ToRate(options.StepFactor);
    private readonly long _tail = Check.Seconds(options.TailSeconds, "liquidation.options.tailSeconds", allowZero: false);
    private readonly long _cusp = FixedPoint.ToRate(options.Cusp);
    private readonly long _penalty = FixedPoint.ToRate(options.Penalty);
    private readonly long _hole = FixedPoint.ToCash(options.Hole);
    private readonly long[] _bidDiscounts = [.. options.StandingBids.Select(b => FixedPoint.ToRate(b.Discount))];
    private readonly long[] _bidFractions = [.. options.StandingBids.Select(b => FixedPoint.ToRate(b.Fraction))];
    private Auction[] _auctions = new Auction[16];
    private int _count;
    private long _dirt;

    public override LiquidationDesignKind Kind => LiquidationDesignKind.DutchAuction;

    /// <summary>Running auctions (tests and recorders).</summary>
    public int ActiveCount => _count;

    /// <summary>Notional under auction now, against the hole.</summary>
    public long Dirt => _dirt;

    public override void Start(Exchange exchange, int account, long liquidationId)
    {
        exchange.CancelAllOrders(account, liquidationId);
        Open(exchange, account, liquidationId);
    }

    public override void Resume(Exchange exchange, int account, long liquidationId)
    {
        if (!FinishIfResolved(exchange, account, liquidationId))
        {
            Open(exchange, account, liquidationId);
        }
    }

    public override void OnClock(Exchange exchange)
    {
        long now = exchange.Clock;
        for (int i = 0; i < _count; i++)
        {
            ref var a = ref _auctions[i];
            if (a.Finished)
            {
                continue;
            }

            long saved = exchange.ActiveLiquidation;
            exchange.ActiveLiquidation = a.LiquidationId;
            long step = (now - a.StartTime) / _step;
            if (step > a.Step)
            {
                for (long s = a.Step; s < step; s++)
                {
                    a.Price = a.AccountSide == Side.Sell ? FixedPoint.RateFloor(a.Price, _cut) : FixedPoint.RateCeil(a.Price, (2 * FixedPoint.RateScale) - _cut);
                }

                a.Step = step;
                ref var e = ref AuctionEvent(exchange, ExchangeEventType.AuctionStep, ref a);
                e.Amount = step;
            }

            if (now - a.StartTime >= _tail || PastCusp(ref a))
            {
                Restart(exchange, ref a, now);
            }

            RunKeepers(exchange, ref a);
            exchange.ActiveLiquidation = saved;
        }

        Compact();
    }

    public override RiskRejectReason Take(Exchange exchange, int bidder, long liquidationId, long lots, long limitPrice)
    {
        for (int i = 0; i < _count; i++)
        {
            ref var a = ref _auctions[i];
            if (a.Finished || a.LiquidationId != liquidationId)
            {
                continue;
            }

            bool acceptable = a.AccountSide == Side.Sell ? a.Price <= limitPrice : a.Price >= limitPrice;
            if (!acceptable || bidder == a.Account)
            {
                return RiskRejectReason.AuctionUnavailable;
            }

            long q = Math.Min(lots, Math.Min(a.LotsLeft, Math.Abs(exchange.LotsOf(a.Account))));
            var bidderSide = a.AccountSide == Side.Sell ? Side.Buy : Side.Sell;
            if (!exchange.CanTakePosition(bidder, bidderSide, q, a.Price))
            {
                return RiskRejectReason.InsufficientMargin;
            }

            long saved = exchange.ActiveLiquidation;
            exchange.ActiveLiquidation = a.LiquidationId;
            TakeLots(exchange, ref a, bidder, q);
            exchange.ActiveLiquidation = saved;
            Compact();
            return RiskRejectReason.None;
        }

        return RiskRejectReason.AuctionUnavailable;
    }

    private void Open(Exchange exchange, int account, long liquidationId)
    {
        long oracle = exchange.Mark;
        long perLot = oracle * exchange.CashPerTickLot;
        long lots = Math.Min(Math.Abs(exchange.LotsOf(account)), (_hole - _dirt) / perLot);
        if (lots <= 0)
        {
            // No room under the hole: wait for running auctions to finish.
            exchange.Park(account, exchange.Clock + _step, liquidationId);
            return;
        }

        exchange.ChargeClearanceFee(account, lots * perLot, _penalty, liquidationId, FundMovementReason.AuctionPenalty);
        if (_count == _auctions.Length)
        {
            Array.Resize(ref _auctions, _auctions.Length * 2);
        }

        ref var a = ref _auctions[_count++];
        a = new Auction
        {
            LiquidationId = liquidationId,
            Account = account,
            AccountSide = exchange.ClosingSide(account),
            LotsStart = lots,
            LotsLeft = lots,
            Dirt = lots * perLot,
        };
        _dirt += a.Dirt;
        SetStart(ref a, oracle, exchange.Clock);
        ref var e = ref AuctionEvent(exchange, ExchangeEventType.AuctionStarted, ref a);
        e.Rate = _buffer;
        RunKeepers(exchange, ref a);
        Compact();
    }

    private void SetStart(ref Auction a, long oracle, long now)
    {
        a.StartPrice = a.AccountSide == Side.Sell
            ? FixedPoint.RateFloor(oracle, _buffer)
            : FixedPoint.RateCeil(oracle, (2 * FixedPoint.RateScale) - _buffer);
        a.Price = a.StartPrice;
        a.StartTime = now;
        a.Step = 0;
    }

    private bool PastCusp(ref Auction a) => a.AccountSide == Side.Sell
        ? (Int128)a.Price * FixedPoint.RateScale < (Int128)a.StartPrice * _cusp
        : (Int128)a.Price * FixedPoint.RateScale > (Int128)a.StartPrice * ((2 * FixedPoint.RateScale) - _cusp);

    private void Restart(Exchange exchange, ref Auction a, long now)
    {
        SetStart(ref a, exchange.Mark, now);
        AuctionEvent(exchange, ExchangeEventType.AuctionReset, ref a);
    }

    /// <summary>The standing bid curve: keepers take up to the fraction of the auction their discount allows, then sell on the book.</summary>
    private void RunKeepers(Exchange exchange, ref Auction a)
    {
        long oracle = exchange.Mark;
        if (a.Finished || oracle <= 0 || _bidDiscounts.Length == 0)
        {
            return;
        }

        long discount = a.AccountSide == Side.Sell
            ? FixedPoint.MulDivFloor(oracle - a.Price, FixedPoint.RateScale, oracle)
            : FixedPoint.MulDivFloor(a.Price - oracle, FixedPoint.RateScale, oracle);
        long fraction = 0;
        for (int i = 0; i < _bidDiscounts.Length; i++)
        {
            if (discount >= _bidDiscounts[i])
            {
                fraction = _bidFractions[i];
            }
        }

        long q = Math.Min(FixedPoint.RateFloor(a.LotsStart, fraction) - a.KeeperTaken, Math.Min(a.LotsLeft, Math.Abs(exchange.LotsOf(a.Account))));
        if (q <= 0)
        {
            return;
        }

        int keeper = exchange.KeeperAccount;
        long price = a.Price;
        a.KeeperTaken += q;
        TakeLots(exchange, ref a, keeper, q);
        long holding = exchange.LotsOf(keeper);
        if (options.KeeperSellsOnBook && holding != 0)
        {
            // Keepers resell at no worse than what they paid, so they never leave a deficit.
            exchange.SendLiquidationOrder(keeper, holding > 0 ? Side.Sell : Side.Buy, Math.Abs(holding), price, fillOrKill: false, exchange.ActiveLiquidation);
        }
    }

    private void TakeLots(Exchange exchange, ref Auction a, int bidder, long q)
    {
        exchange.AuctionTransfer(a.Account, bidder, a.AccountSide, q, a.Price);
        a.LotsLeft -= q;
        ref var e = ref AuctionEvent(exchange, ExchangeEventType.AuctionTake, ref a);
        e.CounterpartyAccountId = bidder;
        e.Quantity = new Quantity(q);
        if (a.LotsLeft == 0 || exchange.LotsOf(a.Account) == 0)
        {
            ref var end = ref AuctionEvent(exchange, ExchangeEventType.AuctionFinished, ref a);
            end.Quantity = new Quantity(a.LotsLeft);
            a.Finished = true;
            _dirt -= a.Dirt;
            exchange.FinishLiquidation(a.Account, a.LiquidationId);
        }
    }

    private static ref ExchangeEvent AuctionEvent(Exchange exchange, ExchangeEventType type, ref Auction a)
    {
        ref var e = ref exchange.EmitLiquidation(type, a.Account, a.LiquidationId);
        e.Price = new Price(a.Price);
        e.Quantity = new Quantity(a.LotsLeft);
        e.Side = a.AccountSide;
        return ref e;
    }

    private void Compact()
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            if (!_auctions[i].Finished)
            {
                _auctions[kept++] = _auctions[i];
            }
        }

        _count = kept;
    }
}
