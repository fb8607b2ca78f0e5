using Microstructure.Risk.Liquidation;

namespace Microstructure.Risk.Processing;

/// <summary>
/// One trading account that hedges its position on the hedge venue (<see cref="ExchangeOptions.AccountHedges"/>): after
/// every step it holds −ratio × its position there, exactly as the fund's and the vault's hedges (docs/risk.md, "Hedging").
/// </summary>
/// <param name="Account">The account id.</param>
/// <param name="Hedge">Its hedge: ratio, fee and slippage.</param>
public sealed record AccountHedgeOptions(long Account, HedgeOptions Hedge);
