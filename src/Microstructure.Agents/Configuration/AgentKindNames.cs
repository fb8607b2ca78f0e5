namespace Microstructure.Agents.Configuration;

/// <summary>The names a scenario uses for each agent family (the JSON <c>kind</c>).</summary>
public static class AgentKindNames
{
    /// <summary><see cref="AgentKind.Noise"/>.</summary>
    public const string Noise = "noise";

    /// <summary><see cref="AgentKind.MarketMaker"/>.</summary>
    public const string MarketMaker = "market-maker";

    /// <summary><see cref="AgentKind.Fundamental"/>.</summary>
    public const string Fundamental = "fundamental";

    /// <summary><see cref="AgentKind.Momentum"/>.</summary>
    public const string Momentum = "momentum";

    /// <summary><see cref="AgentKind.Leveraged"/>.</summary>
    public const string Leveraged = "leveraged";

    /// <summary><see cref="AgentKind.LendingLooper"/>.</summary>
    public const string LendingLooper = "lending-looper";

    /// <summary><see cref="AgentKind.Liquidator"/>.</summary>
    public const string Liquidator = "liquidator";

    /// <summary><see cref="AgentKind.Hedger"/>.</summary>
    public const string Hedger = "hedger";

    /// <summary><see cref="AgentKind.Shock"/> (scheduled by the scenario's shocks, not a population).</summary>
    public const string Shock = "shock";

    /// <summary>Every population kind a scenario may write, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = [Noise, MarketMaker, Fundamental, Momentum, Leveraged, LendingLooper, Liquidator, Hedger];

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Of(AgentKind kind) => kind switch
    {
        AgentKind.Noise => Noise,
        AgentKind.MarketMaker => MarketMaker,
        AgentKind.Fundamental => Fundamental,
        AgentKind.Momentum => Momentum,
        AgentKind.Leveraged => Leveraged,
        AgentKind.LendingLooper => LendingLooper,
        AgentKind.Liquidator => Liquidator,
        AgentKind.Shock => Shock,
        AgentKind.Hedger => Hedger,
        _ => kind.ToString(),
    };
}
