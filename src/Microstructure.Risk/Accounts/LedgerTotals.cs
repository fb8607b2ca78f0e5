namespace Microstructure.Risk.Accounts;

/// <summary>
/// Every cash bucket of the exchange, summed. Conservation: <see cref="Total"/> = <see cref="NetDeposits"/> exactly,
/// and <see cref="NetLots"/> = 0, after every command.
/// </summary>
/// <param name="TraderCash">Σ settled cash of every account except the insurance fund (cross and isolated ledgers).</param>
/// <param name="InsuranceFund">The fund account's settled cash.</param>
/// <param name="Fees">Trading fees collected.</param>
/// <param name="BadDebt">Recorded bad debt, entering the sum with its sign as a write-off (so the total subtracts it).</param>
/// <param name="PoolCash">Lending pool liquidity.</param>
/// <param name="NetDeposits">Σ deposits − Σ withdrawals, plus the hedge venue's variation minus its costs (money from outside the exchange).</param>
/// <param name="NetLots">Σ positions + Σ pool collateral in lots (0: every lot has a counterparty).</param>
public readonly record struct LedgerTotals(long TraderCash, long InsuranceFund, long Fees, long BadDebt, long PoolCash, long NetDeposits, long NetLots)
{
    /// <summary>Σ wallets + fund + fees − written-off bad debt + pool cash.</summary>
    public long Total => TraderCash + InsuranceFund + Fees - BadDebt + PoolCash;
}
