using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Liquidation;

/// <summary>
/// Everything a liquidation design may read and do — the primitives every design is built from. A design gets the
/// desk on each call (<see cref="LiquidationDesign.Start"/>, <see cref="LiquidationDesign.Resume"/>, …) and acts only
/// through it, inline, on the exchange's one business-logic thread.
/// </summary>
/// <remarks>
/// <para><b>Scope.</b> Every action takes the <see cref="LiquidationScope"/> the design was given: what the action
/// causes — its events, fills, account changes, mark moves, newly breached accounts — is attributed to that
/// liquidation. Pass the scope you received; for time-driven work of your own (an auction step in
/// <see cref="LiquidationDesign.OnClock"/>), pass <see cref="LiquidationScope.TimeDriven"/> of the liquidation.</para>
/// <para><b>Contract.</b> <see cref="LiquidationDesign.Start"/> and <see cref="LiquidationDesign.Resume"/> must end the
/// liquidation with <see cref="Finish"/> or hand it to later with <see cref="Park"/> — or keep it themselves and finish
/// it later (as the Dutch auction does). Reads return copies: read again after an action.</para>
/// <para><b>Adding a design.</b> Write options (a <see cref="LiquidationDesignOptions"/> record), a sealed
/// <see cref="LiquidationDesign"/> under <c>Liquidation/Designs/</c> built from these members (see
/// <c>FullCloseDesign</c> for the smallest complete one), and a line in <c>LiquidationDesigns.Create</c> and
/// <see cref="LiquidationPolicies"/>.</para>
/// </remarks>
internal interface ILiquidationDesk
{
    /// <summary>The clock, the mark, the halt state and the insurance fund now. Use it for prices, time-outs and caps.</summary>
    MarketSnapshot Market { get; }

    /// <summary>The margin brackets (notional caps, maintenance rates, maximum leverage): for designs that reduce by bracket.</summary>
    BracketTable Brackets { get; }

    /// <summary>The auction keeper's system account: the standing bidder of auctions, which may resell on the book.</summary>
    int KeeperAccount { get; }

    /// <summary>
    /// The account's position valued at the mark now (lots, cash, equity, maintenance, notional, whether it is breached,
    /// its bankruptcy price). Read it before each decision; every action may change it. Emits nothing.
    /// </summary>
    /// <param name="account">The account.</param>
    PositionSnapshot Position(int account);

    /// <summary>
    /// Whether <paramref name="bidder"/> (a cross-margin account) could take <paramref name="lots"/> on
    /// <paramref name="side"/> at <paramref name="price"/> and still meet initial margin on its worst-case position at
    /// the mark, within the position limit. Use it before an off-book transfer to an agent. Emits nothing.
    /// </summary>
    bool CanTakePosition(int bidder, Side side, long lots, long price);

    /// <summary>
    /// Cancels every live order of the account through the engine — every design's first step, so reserved margin
    /// is freed and no order of the account trades against its own liquidation. Emits a
    /// <see cref="ExchangeEventType.RiskCancel"/> and the engine's cancel per order, then re-prices and detects.
    /// </summary>
    void CancelAllOrders(int account, LiquidationScope scope);

    /// <summary>
    /// Charges ⌈<paramref name="notional"/> × <paramref name="rate"/>⌉ (rate units: 10⁸ = 100%), capped by the
    /// account's equity, into the insurance fund — a clearance fee or an auction penalty. Nothing happens when the
    /// rate, notional or equity is not positive. Emits an <see cref="ExchangeEventType.InsuranceFund"/> event
    /// with <paramref name="reason"/>.
    /// </summary>
    void ChargeClearanceFee(int account, long notional, long rate, LiquidationScope scope, FundMovementReason reason = FundMovementReason.ClearanceFee);

    /// <summary>
    /// Sends a reduce-only IOC (or FOK) order for <paramref name="lots"/> of the account's position to the book and
    /// matches it at once, within the price band; <paramref name="limit"/> is the worst price in ticks, or 0 for "at
    /// market" — which for a trader's account is an IOC limit at its bankruptcy price unless
    /// <see cref="LiquidationEngineOptions.OrderPricing"/> says market. Then detects (and, on a continuous mark,
    /// re-prices first): newly breached accounts join the queue with this liquidation as their parent.
    /// Returns the lots filled — 0 while trading is halted (check <see cref="MarketSnapshot.IsHalted"/> and
    /// <see cref="Park"/>). Emits a <see cref="ExchangeEventType.LiquidationOrder"/>, then the engine's events.
    /// </summary>
    long SendOrder(int account, Side side, long lots, long limit, bool fillOrKill, LiquidationScope scope);

    /// <summary>
    /// Closes the whole position against opposite positions ranked by <paramref name="ranking"/>, at
    /// <paramref name="price"/> (0 = the account's bankruptcy price), off the book; the account's residue (≥ 0 at the
    /// bankruptcy price) goes to the fund. Always completes. The last resort when the book cannot take a position.
    /// Emits an <see cref="ExchangeEventType.AutoDeleverage"/> per counterparty and a fund event for the residue.
    /// </summary>
    void AutoDeleverage(int account, AdlRanking ranking, long price, LiquidationScope scope);

    /// <summary>
    /// The insurance-fund path: an IOC order for the whole position at the bankruptcy price (the residue of what fills
    /// better goes to the fund); the fund takes over what the book leaves at the bankruptcy price and holds it,
    /// unwinding it later under <see cref="FundPolicyOptions"/> (limit orders near the touch, a share of displayed depth
    /// per interval, after a cool-down). Only when taking it would bring the fund to its loss cap is the rest
    /// auto-deleveraged. Emits the liquidation order and its fills, then a <see cref="ExchangeEventType.Takeover"/> or
    /// the ADL events.
    /// </summary>
    void InsuranceFundBackstop(int account, AdlRanking ranking, LiquidationScope scope);

    /// <summary>
    /// The backstop vault takes the position and the margin behind it at the mark (the account ends at exactly zero),
    /// then unwinds at most <paramref name="unwindFraction"/> (rate units) of its position — and at most the fund
    /// policy's share of the depth near the touch — by IOC limit order now and every <paramref name="unwindInterval"/>
    /// ns after (0: slices until the book takes no more, retrying each second).
    /// Emits a <see cref="ExchangeEventType.Takeover"/> and the unwind orders.
    /// </summary>
    void VaultTakeover(int account, long unwindInterval, long unwindFraction, LiquidationScope scope);

    /// <summary>
    /// Moves <paramref name="lots"/> from the liquidated account (on <paramref name="accountSide"/>, its closing side)
    /// to <paramref name="receiver"/> at <paramref name="price"/>, off the book and without fees — an auction sale.
    /// Emits nothing itself: the design reports the sale (see <see cref="EmitEvent"/>).
    /// </summary>
    void TransferOffBook(int account, int receiver, Side accountSide, long lots, long price, LiquidationScope scope);

    /// <summary>
    /// Puts the liquidation aside until <paramref name="due"/> (ns): the account stays in liquidation (its commands
    /// refused, out of detection) and the design's <see cref="LiquidationDesign.Resume"/> runs when the time comes — for
    /// cool-downs, caps per interval, halts and retries. Emits a <see cref="ExchangeEventType.LiquidationDeferred"/>.
    /// </summary>
    void Park(int account, long due, LiquidationScope scope);

    /// <summary>
    /// Ends the liquidation (or the design's hold on it): the account leaves liquidation, is re-keyed, and is queued
    /// again at once if it is still breached. Emits a <see cref="ExchangeEventType.LiquidationFinished"/>.
    /// </summary>
    void Finish(int account, LiquidationScope scope);

    /// <summary>
    /// Stages a liquidation event of <paramref name="type"/> for the account, filled with its position, equity,
    /// maintenance, margin ratio and bankruptcy price at the mark, the design and the fund; the design fills in the
    /// rest (price, quantity, side) through the returned reference before its next desk call. For a design's own
    /// events (auction steps, takes).
    /// </summary>
    ref ExchangeEvent EmitEvent(ExchangeEventType type, int account, LiquidationScope scope);
}
