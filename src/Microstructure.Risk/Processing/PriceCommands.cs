using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Processing;

/// <summary>The commands that set a price: the index, an external mark, the circuit breaker's reference.</summary>
internal sealed class PriceCommands(MarkPriceCalculator markCalculator, MarketGuard guard, MarketState market, EventStage stage, long minPrice, long maxPrice)
{
    /// <summary>Sets the index price (it anchors the band, the premium and, when so configured, the mark and the pool oracle).</summary>
    public void SetIndex(in ExchangeCommand command)
    {
        long price = command.Price.Ticks;
        if (price < minPrice || price > maxPrice)
        {
            stage.Reject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        market.Index = price;
        guard.OnIndex(price);
        ref var e = ref stage.Emit(ExchangeEventType.IndexPrice);
        e.Engine.Price = command.Price;
    }

    /// <summary>Sets the mark directly (only when the mark method is external); the mark refresh after the command publishes it.</summary>
    public void SetExternalMark(in ExchangeCommand command)
    {
        long price = command.Price.Ticks;
        if (markCalculator.Method != MarkPriceMethod.External)
        {
            stage.Reject(in command, RiskRejectReason.NotEnabled);
            return;
        }

        if (price < minPrice || price > maxPrice)
        {
            stage.Reject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        markCalculator.SetExternal(price);
    }

    /// <summary>Sets the circuit breaker's reference price (its limits are measured from it), clearing any pause, and announces trading as resumed.</summary>
    public void SetReference(in ExchangeCommand command)
    {
        long price = command.Price.Ticks;
        if (!guard.HasBreaker)
        {
            stage.Reject(in command, RiskRejectReason.NotEnabled);
            return;
        }

        if (price < minPrice || price > maxPrice)
        {
            stage.Reject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        guard.SetReference(price);
        ref var e = ref stage.Emit(ExchangeEventType.TradingResumed);
        e.Engine.Price = command.Price;
        e.Rate = guard.CurrentLimit;
    }
}
