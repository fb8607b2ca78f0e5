using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Processing;

/// <content>Risk commands: cash, leverage, margin mode, prices, funding, breaker reference.</content>
public sealed partial class Exchange
{
    /// <summary>Largest single deposit or transfer (10⁹ quote units), so balances stay far from overflow.</summary>
    private const long MaxTransfer = 1_000_000_000L * FixedPoint.CashScale;

    private void Apply(in ExchangeCommand command)
    {
        switch (command.Type)
        {
            case ExchangeCommandType.Order:
                ApplyOrder(in command);
                break;
            case ExchangeCommandType.Deposit:
                Deposit(in command);
                break;
            case ExchangeCommandType.Withdraw:
                Withdraw(in command);
                break;
            case ExchangeCommandType.SetLeverage:
                SetLeverage(in command);
                break;
            case ExchangeCommandType.SetMarginMode:
                SetMarginMode(in command);
                break;
            case ExchangeCommandType.AdjustIsolatedMargin:
                AdjustIsolatedMargin(in command);
                break;
            case ExchangeCommandType.IndexPrice:
                SetIndex(in command);
                break;
            case ExchangeCommandType.MarkPrice:
                SetExternalMark(in command);
                break;
            case ExchangeCommandType.Tick:
                break;
            case ExchangeCommandType.SettleFunding:
                _funding.Accumulate(_now, _mark, _index);
                SettleFunding(scheduled: false);
                break;
            case ExchangeCommandType.SetReferencePrice:
                SetReference(in command);
                break;
            case ExchangeCommandType.AuctionTake:
                TakeAuction(in command);
                break;
            default:
                ApplyPoolCommand(in command);
                break;
        }
    }

    private bool IsValidAccount(long id) => (ulong)id < (ulong)_accounts.Length;

    /// <summary>Resolves the command's account, refusing unknown and (unless allowed) system or liquidating accounts.</summary>
    private bool TryAccount(in ExchangeCommand command, bool allowSystem, out int account)
    {
        account = -1;
        if (!IsValidAccount(command.AccountId))
        {
            EmitReject(in command, RiskRejectReason.UnknownAccount);
            return false;
        }

        ref var a = ref _accounts[command.AccountId];
        if (a.IsSystem && !allowSystem)
        {
            EmitReject(in command, RiskRejectReason.SystemAccount);
            return false;
        }

        if ((a.Flags & AccountFlags.InLiquidation) != 0 && command.Type != ExchangeCommandType.Deposit)
        {
            EmitReject(in command, RiskRejectReason.AccountInLiquidation);
            return false;
        }

        account = (int)command.AccountId;
        return true;
    }

    private bool CheckAmount(in ExchangeCommand command, long amount)
    {
        if (amount > 0 && amount <= MaxTransfer)
        {
            return true;
        }

        EmitReject(in command, RiskRejectReason.InvalidAmount);
        return false;
    }

    private void Deposit(in ExchangeCommand command)
    {
        if (!TryAccount(in command, allowSystem: true, out int account) || !CheckAmount(in command, command.Amount))
        {
            return;
        }

        ref var a = ref _accounts[account];
        long fundBefore = InsuranceFund;
        if (a.Mode == MarginMode.Isolated)
        {
            a.FreeCash += command.Amount;
        }
        else
        {
            a.MarginCash += command.Amount;
        }

        _netDeposits += command.Amount;
        ref var e = ref Emit(ExchangeEventType.Deposit);
        e.AccountId = account;
        e.Amount = command.Amount;
        e.FundBefore = fundBefore;
        e.FundAfter = InsuranceFund;
        Touch(account, LiquidationCause.AccountChange);
    }

    private void Withdraw(in ExchangeCommand command)
    {
        if (!TryAccount(in command, allowSystem: true, out int account) || !CheckAmount(in command, command.Amount))
        {
            return;
        }

        ref var a = ref _accounts[account];
        long available = a.IsSystem
            ? (a.Lots == 0 ? a.MarginCash : 0)
            : a.Mode == MarginMode.Cross
                ? AvailableCross(ref a, Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * _mark * _k)
                : a.FreeCash - MarginModel.Initial(IsolatedOrderGrowth(ref a) * _mark * _k, a.Leverage);
        if (command.Amount > available)
        {
            EmitReject(in command, RiskRejectReason.InsufficientMargin);
            return;
        }

        long fundBefore = InsuranceFund;
        if (a.Mode == MarginMode.Isolated)
        {
            a.FreeCash -= command.Amount;
        }
        else
        {
            a.MarginCash -= command.Amount;
        }

        _netDeposits -= command.Amount;
        ref var e = ref Emit(ExchangeEventType.Withdrawal);
        e.AccountId = account;
        e.Amount = command.Amount;
        e.FundBefore = fundBefore;
        e.FundAfter = InsuranceFund;
        Touch(account, LiquidationCause.AccountChange);
    }

    private static long IsolatedOrderGrowth(ref AccountState a) =>
        Math.Max(Math.Max(0, a.Lots + a.OpenBuyLots) - Math.Max(0, a.Lots), Math.Max(0, a.OpenSellLots - a.Lots) - Math.Max(0, -a.Lots));

    private void SetLeverage(in ExchangeCommand command)
    {
        if (!TryAccount(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref _accounts[account];
        long worstNotional = Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * _mark * _k;
        if (command.Amount < 1 || command.Amount > _margin.Brackets.MaxLeverage(worstNotional))
        {
            EmitReject(in command, command.Amount < 1 ? RiskRejectReason.InvalidAmount : RiskRejectReason.LeverageTooHigh);
            return;
        }

        int previous = a.Leverage;
        a.Leverage = (int)command.Amount;
        if (a.Mode == MarginMode.Cross && command.Amount < previous && AvailableCross(ref a, worstNotional) < 0)
        {
            a.Leverage = previous;
            EmitReject(in command, RiskRejectReason.InsufficientMargin);
            return;
        }

        ref var e = ref Emit(ExchangeEventType.LeverageChanged);
        e.AccountId = account;
        e.Amount = a.Leverage;
    }

    private void SetMarginMode(in ExchangeCommand command)
    {
        if (!TryAccount(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref _accounts[account];
        if (!Enum.IsDefined(command.MarginMode))
        {
            EmitReject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        if (a.Lots != 0 || a.OrderHead >= 0 || a.Debt != 0 || a.Collateral != 0)
        {
            EmitReject(in command, RiskRejectReason.PositionOrOrdersOpen);
            return;
        }

        long total = a.MarginCash + a.FreeCash;
        a.Mode = command.MarginMode;
        a.MarginCash = a.Mode == MarginMode.Cross ? total : 0;
        a.FreeCash = a.Mode == MarginMode.Cross ? 0 : total;
        ref var e = ref Emit(ExchangeEventType.MarginModeChanged);
        e.AccountId = account;
        e.Amount = (long)a.Mode;
    }

    private void AdjustIsolatedMargin(in ExchangeCommand command)
    {
        if (!TryAccount(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref _accounts[account];
        if (a.Mode != MarginMode.Isolated || a.Lots == 0)
        {
            EmitReject(in command, RiskRejectReason.WrongMarginMode);
            return;
        }

        long amount = command.Amount;
        if (amount == 0 || Math.Abs(amount) > MaxTransfer)
        {
            EmitReject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        bool ok = amount > 0
            ? a.FreeCash >= amount
            : EquityOf(account) + amount >= MarginModel.Initial(NotionalOf(account), a.Leverage);
        if (!ok)
        {
            EmitReject(in command, amount > 0 ? RiskRejectReason.InsufficientBalance : RiskRejectReason.InsufficientMargin);
            return;
        }

        a.FreeCash -= amount;
        a.MarginCash += amount;
        ref var e = ref Emit(ExchangeEventType.IsolatedMarginAdjusted);
        e.AccountId = account;
        e.Amount = amount;
        Touch(account, LiquidationCause.AccountChange);
    }

    private void SetIndex(in ExchangeCommand command)
    {
        long price = command.Price.Ticks;
        if (price < _minPrice || price > _maxPrice)
        {
            EmitReject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        _index = price;
        _guard.OnIndex(price);
        ref var e = ref Emit(ExchangeEventType.IndexPrice);
        e.Price = command.Price;
    }

    private void SetExternalMark(in ExchangeCommand command)
    {
        long price = command.Price.Ticks;
        if (_markCalculator.Method != MarkPriceMethod.External)
        {
            EmitReject(in command, RiskRejectReason.NotEnabled);
            return;
        }

        if (price < _minPrice || price > _maxPrice)
        {
            EmitReject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        _markCalculator.SetExternal(price);
    }

    private void SetReference(in ExchangeCommand command)
    {
        long price = command.Price.Ticks;
        if (!_guard.HasBreaker)
        {
            EmitReject(in command, RiskRejectReason.NotEnabled);
            return;
        }

        if (price < _minPrice || price > _maxPrice)
        {
            EmitReject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        _guard.SetReference(price);
        ref var e = ref Emit(ExchangeEventType.TradingResumed);
        e.Price = command.Price;
        e.Rate = _guard.CurrentLimit;
    }

    private void TakeAuction(in ExchangeCommand command)
    {
        if (!TryAccount(in command, allowSystem: false, out int account))
        {
            return;
        }

        if (command.Amount <= 0 || command.Amount > _settings.MaxPositionLots)
        {
            EmitReject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        var reason = _design.Take(this, account, command.Target, command.Amount, command.Price.Ticks);
        if (reason != RiskRejectReason.None)
        {
            EmitReject(in command, reason);
        }
    }
}
