namespace Microstructure.Risk.Liquidation.Designs;

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

    public override void Start(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        desk.CancelAllOrders(account, scope);
        Open(desk, account, scope);
    }

    public override void Resume(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        if (!FinishIfResolved(desk, account, scope))
        {
            Open(desk, account, scope);
        }
    }

    public override void OnClock(ILiquidationDesk desk)
    {
        long now = desk.Market.Now;
        for (int i = 0; i < _count; i++)
        {
            ref var a = ref _auctions[i];
            if (a.Finished)
            {
                continue;
            }

            // Time-driven work of the auction's liquidation: its events carry the trigger the account recorded.
            var scope = LiquidationScope.TimeDriven(a.LiquidationId);
            long step = (now - a.StartTime) / _step;
            if (step > a.Step)
            {
                for (long s = a.Step; s < step; s++)
                {
                    a.Price = StepPrice(a.AccountSide, a.Price, _cut);
                }

                a.Step = step;
                ref var e = ref AuctionEvent(desk, ExchangeEventType.AuctionStep, ref a, scope);
                e.Amount = step;
            }

            if (now - a.StartTime >= _tail || PastCusp(ref a))
            {
                Restart(desk, ref a, now, scope);
            }

            RunKeepers(desk, ref a, scope);
        }

        Compact();
    }

    public override RiskRejectReason Take(ILiquidationDesk desk, int bidder, long liquidationId, long lots, long limitPrice)
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

            long q = Math.Min(lots, Math.Min(a.LotsLeft, Math.Abs(desk.Position(a.Account).Lots)));
            var bidderSide = a.AccountSide == Side.Sell ? Side.Buy : Side.Sell;
            if (!desk.CanTakePosition(bidder, bidderSide, q, a.Price))
            {
                return RiskRejectReason.InsufficientMargin;
            }

            // An agent's take is a command, not part of the liquidation's trigger: the account's own trigger applies.
            TakeLots(desk, ref a, bidder, q, LiquidationScope.TimeDriven(a.LiquidationId));
            Compact();
            return RiskRejectReason.None;
        }

        return RiskRejectReason.AuctionUnavailable;
    }

    private void Open(ILiquidationDesk desk, int account, LiquidationScope scope)
    {
        var market = desk.Market;
        long oracle = market.Mark;
        long perLot = oracle * market.CashPerTickLot;
        long lots = Math.Min(Math.Abs(desk.Position(account).Lots), (_hole - _dirt) / perLot);
        if (lots <= 0)
        {
            // No room under the hole: wait for running auctions to finish.
            desk.Park(account, market.Now + _step, scope);
            return;
        }

        desk.ChargeClearanceFee(account, lots * perLot, _penalty, scope, FundMovementReason.AuctionPenalty);
        if (_count == _auctions.Length)
        {
            Array.Resize(ref _auctions, _auctions.Length * 2);
        }

        ref var a = ref _auctions[_count++];
        a = new Auction
        {
            LiquidationId = scope.Id,
            Account = account,
            AccountSide = desk.Position(account).ClosingSide,
            LotsStart = lots,
            LotsLeft = lots,
            Dirt = lots * perLot,
        };
        _dirt += a.Dirt;
        SetStart(ref a, oracle, market.Now);
        ref var e = ref AuctionEvent(desk, ExchangeEventType.AuctionStarted, ref a, scope);
        e.Rate = _buffer;
        RunKeepers(desk, ref a, scope);
        Compact();
    }

    /// <summary>
    /// The start price (ticks) of an auction of a position closed by <paramref name="accountSide"/> at
    /// <paramref name="oracle"/>: a sale (a long's lots) at ⌊oracle × buf⌋, a buy-back (a short's) at
    /// ⌈oracle × (2 − buf)⌉ — with buf ≤ 1, never above (below) the oracle; at least one tick.
    /// </summary>
    internal static long StartPrice(Side accountSide, long oracle, long buffer)
    {
        long price = accountSide == Side.Sell
            ? Math.Min(oracle, FixedPoint.RateFloor(oracle, buffer))
            : Math.Max(oracle, FixedPoint.RateCeil(oracle, (2 * FixedPoint.RateScale) - buffer));
        return Math.Max(1, price);
    }

    /// <summary>One step of the price against the trader: a sale's ⌊price × cut⌋ (never up), a buy-back's ⌈price × (2 − cut)⌉ (never down).</summary>
    internal static long StepPrice(Side accountSide, long price, long cut) => accountSide == Side.Sell
        ? FixedPoint.RateFloor(price, cut)
        : FixedPoint.RateCeil(price, (2 * FixedPoint.RateScale) - cut);

    private void SetStart(ref Auction a, long oracle, long now)
    {
        a.StartPrice = StartPrice(a.AccountSide, oracle, _buffer);
        a.Price = a.StartPrice;
        a.StartTime = now;
        a.Step = 0;
    }

    private bool PastCusp(ref Auction a) => a.AccountSide == Side.Sell
        ? (Int128)a.Price * FixedPoint.RateScale < (Int128)a.StartPrice * _cusp
        : (Int128)a.Price * FixedPoint.RateScale > (Int128)a.StartPrice * ((2 * FixedPoint.RateScale) - _cusp);

    private void Restart(ILiquidationDesk desk, ref Auction a, long now, LiquidationScope scope)
    {
        SetStart(ref a, desk.Market.Mark, now);
        AuctionEvent(desk, ExchangeEventType.AuctionReset, ref a, scope);
    }

    /// <summary>The standing bid curve: keepers take up to the fraction of the auction their discount allows, then sell on the book.</summary>
    private void RunKeepers(ILiquidationDesk desk, ref Auction a, LiquidationScope scope)
    {
        long oracle = desk.Market.Mark;
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

        long q = Math.Min(FixedPoint.RateFloor(a.LotsStart, fraction) - a.KeeperTaken, Math.Min(a.LotsLeft, Math.Abs(desk.Position(a.Account).Lots)));
        if (q <= 0)
        {
            return;
        }

        int keeper = desk.KeeperAccount;
        long price = a.Price;
        a.KeeperTaken += q;
        TakeLots(desk, ref a, keeper, q, scope);
        long holding = desk.Position(keeper).Lots;
        if (options.KeeperSellsOnBook && holding != 0)
        {
            // Keepers resell at no worse than what they paid, so they never leave a deficit.
            desk.SendOrder(keeper, holding > 0 ? Side.Sell : Side.Buy, Math.Abs(holding), price, fillOrKill: false, scope);
        }
    }

    private void TakeLots(ILiquidationDesk desk, ref Auction a, int bidder, long q, LiquidationScope scope)
    {
        desk.TransferOffBook(a.Account, bidder, a.AccountSide, q, a.Price, scope);
        a.LotsLeft -= q;
        ref var e = ref AuctionEvent(desk, ExchangeEventType.AuctionTake, ref a, scope);
        e.CounterpartyAccountId = bidder;
        e.Engine.Quantity = new Quantity(q);
        if (a.LotsLeft == 0 || desk.Position(a.Account).Lots == 0)
        {
            ref var end = ref AuctionEvent(desk, ExchangeEventType.AuctionFinished, ref a, scope);
            end.Engine.Quantity = new Quantity(a.LotsLeft);
            a.Finished = true;
            _dirt -= a.Dirt;
            desk.Finish(a.Account, scope);
        }
    }

    private static ref ExchangeEvent AuctionEvent(ILiquidationDesk desk, ExchangeEventType type, ref Auction a, LiquidationScope scope)
    {
        ref var e = ref desk.EmitEvent(type, a.Account, scope);
        e.Engine.Price = new Price(a.Price);
        e.Engine.Quantity = new Quantity(a.LotsLeft);
        e.Engine.Side = a.AccountSide;
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
