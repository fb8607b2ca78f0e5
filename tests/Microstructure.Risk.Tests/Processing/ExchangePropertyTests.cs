using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

/// <summary>
/// Properties over random command streams — every design, mark method, mitigation and the lending pool: after every
/// command money is conserved exactly (Σ wallets + fund + fees − bad debt + pool cash = net deposits), positions net to
/// zero, the fund is never negative, no flat account keeps a deficit, no account is left at or below maintenance
/// unless it is under a recorded ongoing liquidation, and the threshold indexes hold exactly what a scan finds.
/// </summary>
public class ExchangePropertyTests
{
    [Fact]
    public void Invariants_hold_after_every_command_of_random_streams()
    {
        var runs = Gen.Choose(0, int.MaxValue).SelectMany(seed => Gen.Choose(20, 260).Select(length => (seed, length)));
        var property = Prop.ForAll(Arb.From(runs), run => Run(run.seed, run.length) is null);
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Generated_streams_exercise_every_design_and_every_liquidation_mechanism()
    {
        var liquidated = new HashSet<string>();
        var seen = new HashSet<string>();
        for (int seed = 0; seed < 300; seed++)
        {
            var scenario = new RandomScenario(seed);
            var d = new Driver(scenario.Options);
            foreach (var setup in scenario.Setup())
            {
                setup(d);
            }

            for (int i = 0; i < 200; i++)
            {
                foreach (var e in scenario.Step(d))
                {
                    seen.Add(e.Type == ExchangeEventType.InsuranceFund ? $"Fund:{e.FundReason}" : e.Type.ToString());
                    if (e.Type == ExchangeEventType.LiquidationTriggered)
                    {
                        liquidated.Add(scenario.Design.Name);
                    }
                }
            }
        }

        Assert.Equal(7, liquidated.Count);
        string[] required =
        [
            "LiquidationTriggered", "LiquidationOrder", "LiquidationFinished", "LiquidationDeferred", "Takeover", "AutoDeleverage",
            "BadDebt", "Fund:DeficitCover", "Fund:ClearanceFee", "Fund:Residual", "Fund:FundingRemainder", "Fund:AuctionPenalty",
            "AuctionStarted", "AuctionStep", "AuctionTake", "AuctionFinished", "TradingHalted", "TradingResumed", "MarginMultiplier",
            "FundingPayment", "RiskCancel", "RiskRejected", "PoolLiquidation", "Borrowed", "CollateralDeposited",
        ];
        Assert.Empty(required.Except(seen));
    }

    /// <summary>Runs one stream; returns null when every invariant held, else what broke and where.</summary>
    internal static string? Run(int seed, int length)
    {
        var scenario = new RandomScenario(seed);
        var d = new Driver(scenario.Options);
        foreach (var setup in scenario.Setup())
        {
            setup(d);
        }

        for (int i = 0; i < length; i++)
        {
            scenario.Step(d);
            string? violation = RandomScenario.Violation(d.Exchange);
            if (violation is not null)
            {
                throw new InvalidOperationException($"seed {seed}, command {i} ({scenario.Design.Name}, mark {scenario.Method}): {violation}");
            }
        }

        return null;
    }
}
