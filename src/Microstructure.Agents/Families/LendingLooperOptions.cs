using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A lending-pool looper (Aave v3-like, docs/risk.md §8): buys the asset with its cash, deposits it as collateral,
/// borrows against it, buys more with the loan, deposits again — <see cref="Loops"/> times, reaching leverage up to
/// 1 / (1 − LTV). Optionally it deleverages (withdraw some collateral, sell it, repay) when its health factor, at the
/// price it sees, falls below a threshold; otherwise the protocol liquidator does it for it, selling on the book.
/// </summary>
public sealed record LendingLooperOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public LendingLooperOptions()
    {
        Capital = ValueDistribution.LogUniform(10_000, 200_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.LendingLooper;

    /// <summary>Borrow-and-buy rounds after the first purchase. Default 5.</summary>
    public int Loops { get; init; } = 5;

    /// <summary>Fraction of the loan-to-value limit borrowed each round. Default 0.95.</summary>
    public double BorrowFraction { get; init; } = 0.95;

    /// <summary>Switch e-mode on (LTV 90%, LT 93% by default) before looping. Default true.</summary>
    public bool EMode { get; init; } = true;

    /// <summary>Start of the window in which loopers begin, seconds. Default 0.</summary>
    public double EntryStartSeconds { get; init; }

    /// <summary>End of that window, seconds. Default 60.</summary>
    public double EntryEndSeconds { get; init; } = 60;

    /// <summary>Deleverage when the health factor seen falls below this; 0 = never (leave it to the protocol liquidator). Default 0.</summary>
    public double DeleverageBelowHealth { get; init; }

    /// <summary>Fraction of the collateral withdrawn, sold and repaid per deleverage step. Default 0.3.</summary>
    public double DeleverageFraction { get; init; } = 0.3;

    /// <summary>Seconds between health checks once looped. Default 1.</summary>
    public double CheckIntervalSeconds { get; init; } = 1;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.InRange(Loops, 0, 100, $"{path}.loops");
        Require.InRange(BorrowFraction, 0.01, 1, $"{path}.borrowFraction");
        Require.InRange(EntryStartSeconds, 0, 31_536_000, $"{path}.entryStartSeconds");
        Require.InRange(EntryEndSeconds, EntryStartSeconds, 31_536_000, $"{path}.entryEndSeconds");
        Require.That(DeleverageBelowHealth == 0 || (DeleverageBelowHealth > 1 && DeleverageBelowHealth <= 10), $"{path}.deleverageBelowHealth",
            $"must be 0 (never) or in (1, 10]; got {Require.Format(DeleverageBelowHealth)}");
        Require.InRange(DeleverageFraction, 0.01, 1, $"{path}.deleverageFraction");
        Require.InRange(CheckIntervalSeconds, 0.001, 86_400, $"{path}.checkIntervalSeconds");
    }

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new LendingLooper(setup, this, DrawCapital(setup.Random));
}
