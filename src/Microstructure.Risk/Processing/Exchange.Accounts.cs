using Microstructure.Risk.Accounts;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Processing;

/// <content>Read-side views: accounts, ledger totals, and the brute-force breach scan the index is tested against.</content>
public sealed partial class Exchange
{
    /// <summary>A copy of the account's state valued at the current mark.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not an account.</exception>
    public AccountView GetAccount(long accountId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(accountId, _accounts.Length);
        ref var a = ref _accounts[accountId];
        long equity = _margin.Equity(a.MarginCash, a.Lots, _mark);
        long mm = _margin.Maintenance(a.Lots, a.CostBasis, _mark);
        long threshold = _margin.Threshold(a.MarginCash, a.Lots, a.CostBasis);
        long oracle = PoolOraclePrice;
        return new AccountView(
            accountId,
            a.Mode,
            a.Leverage,
            a.Lots,
            a.MarginCash,
            a.FreeCash,
            a.CostBasis,
            a.MarginCash + a.FreeCash + a.CostBasis,
            (a.Lots * _mark * _k) - a.CostBasis,
            equity,
            mm,
            a.Lots == 0 ? 0 : MarginModel.MarginRatio(equity, mm),
            new Price(a.Lots == 0 ? 0 : _margin.BankruptcyPrice(a.MarginCash, a.Lots)),
            new Price(threshold == MarginModel.NotIndexed ? 0 : threshold),
            a.OpenBuyLots,
            a.OpenSellLots,
            a.IsSystem,
            (a.Flags & AccountFlags.InLiquidation) != 0,
            a.Collateral,
            a.Debt,
            a.Supplied,
            _pool is null ? long.MaxValue : LendingPoolSettings.HealthFactor(a.Collateral, a.Debt, oracle, _k, ThresholdOf(ref a)));
    }

    /// <summary>Sums every cash bucket and every lot (O(accounts)); see <see cref="LedgerTotals"/> for the identity.</summary>
    public LedgerTotals Totals()
    {
        long cash = 0, lots = 0;
        for (int i = 0; i < _accounts.Length; i++)
        {
            ref var a = ref _accounts[i];
            if (i != _settings.FundAccount)
            {
                cash += a.MarginCash + a.FreeCash;
            }

            lots += a.Lots + a.Collateral;
        }

        return new LedgerTotals(cash, InsuranceFund, _fees, BadDebt, _poolCash, _netDeposits, lots);
    }

    /// <summary>Accounts the threshold indexes hold as breached at <paramref name="mark"/> (most severe first, longs then shorts).</summary>
    internal List<int> BreachedByIndex(long mark)
    {
        var result = new List<int>();
        _longIndex.CollectBreached(mark, result);
        _shortIndex.CollectBreached(mark, result);
        return result;
    }

    /// <summary>The reference: every indexable account (not system, queued or in liquidation) breached at <paramref name="mark"/>, by a scan.</summary>
    internal List<int> BreachedByScan(long mark)
    {
        var result = new List<int>();
        for (int i = 0; i < _accounts.Length; i++)
        {
            ref var a = ref _accounts[i];
            if ((a.Flags & (AccountFlags.System | AccountFlags.Queued | AccountFlags.InLiquidation)) == 0
                && _margin.IsBreached(a.MarginCash, a.Lots, a.CostBasis, mark))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>Lending positions the pool index holds as liquidatable at <paramref name="price"/>.</summary>
    internal List<int> PoolBreachedByIndex(long price)
    {
        var result = new List<int>();
        _poolIndex?.CollectBreached(price, result);
        return result;
    }

    /// <summary>The reference for the pool index: a scan of every borrower.</summary>
    internal List<int> PoolBreachedByScan(long price)
    {
        var result = new List<int>();
        for (int i = 0; _pool is not null && i < _accounts.Length; i++)
        {
            ref var a = ref _accounts[i];
            if ((a.Flags & (AccountFlags.System | AccountFlags.PoolQueued)) == 0
                && LendingPoolSettings.IsLiquidatable(a.Collateral, a.Debt, price, _k, ThresholdOf(ref a)))
            {
                result.Add(i);
            }
        }

        return result;
    }
}
