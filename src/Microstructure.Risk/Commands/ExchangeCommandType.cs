namespace Microstructure.Risk;

/// <summary>What an <see cref="ExchangeCommand"/> asks the exchange to do.</summary>
public enum ExchangeCommandType : byte
{
    /// <summary>An order command (place, cancel, reduce, amend) in <see cref="ExchangeCommand.Order"/>, checked by risk first.</summary>
    Order = 0,

    /// <summary>Add <see cref="ExchangeCommand.Amount"/> cash units to the account (cross: the account; isolated: free balance).</summary>
    Deposit = 1,

    /// <summary>Take <see cref="ExchangeCommand.Amount"/> cash units out of the account if margin allows.</summary>
    Withdraw = 2,

    /// <summary>Set the account's leverage to <see cref="ExchangeCommand.Amount"/> (1 … the bracket's maximum).</summary>
    SetLeverage = 3,

    /// <summary>Set the account's margin mode to <see cref="ExchangeCommand.MarginMode"/> (flat accounts without orders only).</summary>
    SetMarginMode = 4,

    /// <summary>Move <see cref="ExchangeCommand.Amount"/> cash units into (positive) or out of (negative) an isolated position's margin.</summary>
    AdjustIsolatedMargin = 5,

    /// <summary>A new index (oracle) price in ticks, <see cref="ExchangeCommand.Price"/>.</summary>
    IndexPrice = 6,

    /// <summary>A mark price in ticks, <see cref="ExchangeCommand.Price"/>; only with the <c>External</c> mark method.</summary>
    MarkPrice = 7,

    /// <summary>Only advances the clock to <see cref="ExchangeCommand.Timestamp"/> (funding, auctions, cool-downs, pauses run).</summary>
    Tick = 8,

    /// <summary>Settle funding now, at the funding rate the premium so far gives.</summary>
    SettleFunding = 9,

    /// <summary>Set the circuit breaker's reference (prior settlement) price to <see cref="ExchangeCommand.Price"/> and reset its levels.</summary>
    SetReferencePrice = 10,

    /// <summary>Lending pool: supply <see cref="ExchangeCommand.Amount"/> cash units of liquidity from the account.</summary>
    PoolSupply = 11,

    /// <summary>Lending pool: withdraw <see cref="ExchangeCommand.Amount"/> cash units of the account's supplied liquidity.</summary>
    PoolWithdrawSupply = 12,

    /// <summary>Lending pool: move <see cref="ExchangeCommand.Amount"/> lots of the account's long holding into pool collateral.</summary>
    PoolDepositCollateral = 13,

    /// <summary>Lending pool: move <see cref="ExchangeCommand.Amount"/> lots of collateral back to the account's holding.</summary>
    PoolWithdrawCollateral = 14,

    /// <summary>Lending pool: borrow <see cref="ExchangeCommand.Amount"/> cash units against collateral.</summary>
    PoolBorrow = 15,

    /// <summary>Lending pool: repay up to <see cref="ExchangeCommand.Amount"/> cash units of debt.</summary>
    PoolRepay = 16,

    /// <summary>Lending pool: switch the account's e-mode on (<see cref="ExchangeCommand.Amount"/> = 1) or off (0).</summary>
    PoolSetEMode = 17,

    /// <summary>
    /// Dutch auction: the account takes up to <see cref="ExchangeCommand.Amount"/> lots of auction
    /// <see cref="ExchangeCommand.Target"/> (a liquidation id) if the auction price is no worse than
    /// <see cref="ExchangeCommand.Price"/> for it (at most that price when buying a long's lots, at least when taking a short).
    /// </summary>
    AuctionTake = 18,
}
