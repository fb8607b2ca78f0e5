using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// The commands that change an account's cash or margin settings: deposit, withdrawal, leverage, margin mode, isolated
/// margin. Each refuses with one <see cref="ExchangeEventType.RiskRejected"/> event, or applies and emits its event.
/// </summary>
internal sealed class AccountCommands(AccountBook book, MarginModel margin, MarketState market, EventStage stage, long k)
{
    /// <summary>Credits cash to an account (system accounts too: that is how the fund is seeded).</summary>
    public void Deposit(in ExchangeCommand command)
    {
        if (!book.TryResolve(in command, allowSystem: true, out int account) || !CheckAmount(in command, command.Amount))
        {
            return;
        }

        ref var a = ref book[account];
        long fundBefore = book.InsuranceFund;
        if (a.Mode == MarginMode.Isolated)
        {
            a.FreeCash += command.Amount;
        }
        else
        {
            a.MarginCash += command.Amount;
        }

        book.RecordNetDeposit(command.Amount);
        ref var e = ref stage.Emit(ExchangeEventType.Deposit);
        e.Engine.AccountId = account;
        e.Amount = command.Amount;
        e.FundBefore = fundBefore;
        e.FundAfter = book.InsuranceFund;
        book.Touch(account, LiquidationCause.AccountChange);
    }

    /// <summary>Pays cash out, up to what the account's position and orders leave available.</summary>
    public void Withdraw(in ExchangeCommand command)
    {
        if (!book.TryResolve(in command, allowSystem: true, out int account) || !CheckAmount(in command, command.Amount))
        {
            return;
        }

        ref var a = ref book[account];
        long available = a.IsSystem
            ? (a.Lots == 0 ? a.MarginCash : 0)
            : a.Mode == MarginMode.Cross
                ? book.AvailableCross(ref a)
                : a.FreeCash - margin.InitialMargin(IsolatedOrderGrowth(ref a) * market.Mark * k, a.Leverage);
        if (command.Amount > available)
        {
            stage.Reject(in command, RiskRejectReason.InsufficientMargin);
            return;
        }

        long fundBefore = book.InsuranceFund;
        if (a.Mode == MarginMode.Isolated)
        {
            a.FreeCash -= command.Amount;
        }
        else
        {
            a.MarginCash -= command.Amount;
        }

        book.RecordNetDeposit(-command.Amount);
        ref var e = ref stage.Emit(ExchangeEventType.Withdrawal);
        e.Engine.AccountId = account;
        e.Amount = command.Amount;
        e.FundBefore = fundBefore;
        e.FundAfter = book.InsuranceFund;
        book.Touch(account, LiquidationCause.AccountChange);
    }

    /// <summary>Sets leverage within the bracket's maximum; lowering it must leave the cross account's margin sufficient.</summary>
    public void SetLeverage(in ExchangeCommand command)
    {
        if (!book.TryResolve(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref book[account];
        long worstNotional = AccountBook.Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * market.Mark * k;
        if (command.Amount < 1 || command.Amount > margin.Brackets.MaxLeverage(worstNotional))
        {
            stage.Reject(in command, command.Amount < 1 ? RiskRejectReason.InvalidAmount : RiskRejectReason.LeverageTooHigh);
            return;
        }

        int previous = a.Leverage;
        a.Leverage = (int)command.Amount;
        if (a.Mode == MarginMode.Cross && command.Amount < previous && book.AvailableCross(ref a, worstNotional) < 0)
        {
            a.Leverage = previous;
            stage.Reject(in command, RiskRejectReason.InsufficientMargin);
            return;
        }

        ref var e = ref stage.Emit(ExchangeEventType.LeverageChanged);
        e.Engine.AccountId = account;
        e.Amount = a.Leverage;
    }

    /// <summary>Switches cross ⇄ isolated; only a flat account without orders, debt or collateral may.</summary>
    public void SetMarginMode(in ExchangeCommand command)
    {
        if (!book.TryResolve(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref book[account];
        if (!Enum.IsDefined(command.MarginMode))
        {
            stage.Reject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        if (a.Lots != 0 || a.OrderHead >= 0 || a.Debt != 0 || a.Collateral != 0)
        {
            stage.Reject(in command, RiskRejectReason.PositionOrOrdersOpen);
            return;
        }

        long total = a.MarginCash + a.FreeCash;
        a.Mode = command.MarginMode;
        a.MarginCash = a.Mode == MarginMode.Cross ? total : 0;
        a.FreeCash = a.Mode == MarginMode.Cross ? 0 : total;
        ref var e = ref stage.Emit(ExchangeEventType.MarginModeChanged);
        e.Engine.AccountId = account;
        e.Amount = (long)a.Mode;
    }

    /// <summary>Moves free cash into (positive) or out of (negative) an isolated position's margin.</summary>
    public void AdjustIsolatedMargin(in ExchangeCommand command)
    {
        if (!book.TryResolve(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref book[account];
        if (a.Mode != MarginMode.Isolated || a.Lots == 0)
        {
            stage.Reject(in command, RiskRejectReason.WrongMarginMode);
            return;
        }

        long amount = command.Amount;
        if (amount == 0 || Math.Abs(amount) > AccountBook.MaxTransfer)
        {
            stage.Reject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        bool ok = amount > 0
            ? a.FreeCash >= amount
            : book.EquityOf(account) + amount >= margin.InitialMargin(book.NotionalOf(account), a.Leverage);
        if (!ok)
        {
            stage.Reject(in command, amount > 0 ? RiskRejectReason.InsufficientBalance : RiskRejectReason.InsufficientMargin);
            return;
        }

        a.FreeCash -= amount;
        a.MarginCash += amount;
        ref var e = ref stage.Emit(ExchangeEventType.IsolatedMarginAdjusted);
        e.Engine.AccountId = account;
        e.Amount = amount;
        book.Touch(account, LiquidationCause.AccountChange);
    }

    /// <summary>Isolated: the lots by which filling every open order would grow the position.</summary>
    private static long IsolatedOrderGrowth(ref AccountState a) =>
        Math.Max(Math.Max(0, a.Lots + a.OpenBuyLots) - Math.Max(0, a.Lots), Math.Max(0, a.OpenSellLots - a.Lots) - Math.Max(0, -a.Lots));

    private bool CheckAmount(in ExchangeCommand command, long amount)
    {
        if (amount > 0 && amount <= AccountBook.MaxTransfer)
        {
            return true;
        }

        stage.Reject(in command, RiskRejectReason.InvalidAmount);
        return false;
    }
}
