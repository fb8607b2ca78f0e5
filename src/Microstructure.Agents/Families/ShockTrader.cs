namespace Microstructure.Agents.Families;

/// <summary>
/// The exogenous shock: an account with deep pockets that sends large market orders at scheduled times (a "fat
/// finger", a forced seller elsewhere) and nothing else. Its fills are the shock notional that cascades are measured
/// against (amplification = liquidated notional ÷ shock notional).
/// </summary>
public sealed class ShockTrader : Agent
{
    private readonly ScheduledOrder[] _orders;
    private readonly long _capital;
    private readonly int _leverage;
    private int _next;

    /// <summary>Builds the shock trader.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="orders">The orders it sends, in any order (sorted by time here).</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    /// <param name="leverage">Leverage it sets.</param>
    public ShockTrader(AgentSetup setup, IEnumerable<ScheduledOrder> orders, long capital, int leverage)
        : base(setup)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders = [.. orders.OrderBy(o => o.TimeNs)];
        _capital = capital;
        _leverage = leverage;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Shock;

    /// <summary>Orders sent so far.</summary>
    public int Sent => _next;

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, _leverage);
        if (_orders.Length > 0)
        {
            context.WakeAt(Math.Max(context.Now, _orders[0].TimeNs));
        }
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        while (_next < _orders.Length && _orders[_next].TimeNs <= context.Now)
        {
            var order = _orders[_next++];
            PlaceMarket(context, order.Side, order.Lots);
        }

        if (_next < _orders.Length)
        {
            context.WakeAt(_orders[_next].TimeNs);
        }
    }
}
