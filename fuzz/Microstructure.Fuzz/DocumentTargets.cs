using Microstructure.Agents.Configuration;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Population;
using Microstructure.Risk.Liquidation;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Fuzz;

/// <summary>The units a population or injection file is written in: LOBSTER's and Tardis's (both are tried).</summary>
internal static class SourceUnitSets
{
    public static readonly SourceUnits Lobster = new(TimeFormat.Seconds, Units.One, Units.One);

    public static readonly SourceUnits Tardis = new(TimeFormat.Microseconds, Units.Tick, Units.Lot);

    /// <summary>Liquidation designs and mitigations, for the JSON dictionaries.</summary>
    public static readonly string[] PolicyNames =
    [
        LiquidationPolicies.FullClose, LiquidationPolicies.TieredPartial, LiquidationPolicies.InsuranceFund, LiquidationPolicies.Adl,
        LiquidationPolicies.TimeSliced, LiquidationPolicies.BackstopVault, LiquidationPolicies.DutchAuction,
        LiquidationPolicies.PriceBand, LiquidationPolicies.CircuitBreaker, LiquidationPolicies.DynamicMargin,
    ];
}

/// <summary>A population spec (JSON) through PopulationSpecReader.Parse, in LOBSTER's and in Tardis's units.</summary>
internal sealed class PopulationTarget : FuzzTarget
{
    public override string Name => "population";

    public override string Covers => "PopulationSpecReader.Parse (every field, leverage values/weights, entry, brackets, liquidation design options)";

    public override bool IsJson => true;

    public override IReadOnlyList<SeedSlice> Seeds =>
    [
        new("populations/aapl-longs.json", 0, 0),
        new("populations/btc-mixed.json", 0, 0),
    ];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        "{\"accounts\":1,\"leverage\":{\"min\":1,\"max\":1},\"size\":{\"min\":\"1\",\"max\":\"1e1\"},\"entry\":{\"price\":\"5853300\"},/*c*/\"liquidation\":{\"design\":\"adl\"},}",
    ];

    public override IReadOnlyList<string> ExtraTokens =>
        [.. SourceUnitSets.PolicyNames, "options", "values", "weights", "price"];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        // A bad field fails in both unit sets (they differ only in how time, sizes and prices convert).
        var result = new RunResult();
        foreach (var units in new[] { SourceUnitSets.Lobster, SourceUnitSets.Tardis })
        {
            try
            {
                var spec = PopulationSpecReader.Parse(input, Program.Source, units);
                Contract.That(spec.Accounts >= 1 && spec.MinLots > 0 && spec.MaxLots >= spec.MinLots, $"accepted {spec.Accounts} accounts of {spec.MinLots}-{spec.MaxLots} lots");
                Contract.That(spec.Entry.TimeNs is null or >= 0 && spec.Entry.PriceTicks is null or > 0, $"accepted entry {spec.Entry}");
                result.Accepted++;
            }
            catch (ReplayInputException e)
            {
                result.Refuse(e);
            }
        }

        return result;
    }

    public override void CheckMessage(Exception e, string source, byte[] input)
    {
        // Field errors name the field path ("leverage.max: ..."), JSON errors the line.
        var x = (ReplayInputException)e;
        Contract.That(x.File == source, $"the error names '{x.File}', not the input '{source}'");
        Contract.That(x.Line >= 1 ? x.Line <= Lines(input) + 1 : x.Detail.Contains(": ", StringComparison.Ordinal), $"the error names neither a line nor a field: {x.Message}");
    }
}

/// <summary>An injection CSV through InjectionFileReader.Read (a path: the bytes go to a scratch file), in LOBSTER's and Tardis's units.</summary>
internal sealed class InjectionTarget : FuzzTarget
{
    private const string FileName = "inject.csv";

    public override string Name => "injection";

    public override string Covers => "InjectionFileReader.Read: header, kinds, sides, quantity/price in the source's units, labels";

    public override IReadOnlyList<SeedSlice> Seeds => [new("populations/aapl-shock.csv", 1, 0)];

    public override IReadOnlyList<string> ExtraSeeds =>
    [
        InjectionFileReader.Header + "\n1704067202000000,limit,buy,0.5,42600.1,probe\r\n1704067202000001,ioc,sell,1,42599.9\n\n",
        InjectionFileReader.Header + "\r\n34211.5,liquidation,buy,3,0,liq\r\n34212,limit,sell,100,5853300,\r\n",
    ];

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        var path = scratch.Write(FileName, input);
        var result = new RunResult();
        foreach (var units in new[] { SourceUnitSets.Lobster, SourceUnitSets.Tardis })
        {
            try
            {
                var orders = InjectionFileReader.Read(path, units);
                Contract.That(orders.Count <= Lines(input), $"accepted {orders.Count} orders from {Lines(input)} lines");
                foreach (var o in orders)
                {
                    var limit = o.Kind is InjectedOrderKind.Limit or InjectedOrderKind.Ioc;
                    Contract.That(o.TimeNs >= 0 && o.Quantity > 0 && (limit ? o.Price > 0 : o.Price == 0), $"accepted injection line {o.Line}: {o}");
                }

                result.Accepted++;
            }
            catch (ReplayInputException e)
            {
                result.Refuse(e);
            }
        }

        return result;
    }

    public override void CheckMessage(Exception e, string source, byte[] input)
    {
        var x = (ReplayInputException)e;
        Contract.That(x.File.EndsWith(FileName, StringComparison.Ordinal), $"the error names '{x.File}', not the input");
        Contract.That(x.Line >= 1 && x.Line <= Lines(input) + 1, $"the error's line {x.Line} is not a line of the {Lines(input)}-line input");
    }
}

/// <summary>A scenario (JSON) through ScenarioLoader.Parse: deserialization and the whole validation, up to building a small exchange.</summary>
internal sealed class ScenarioTarget : FuzzTarget
{
    public override string Name => "scenario";

    public override string Covers => "ScenarioLoader.Parse: kinds pre-check, System.Text.Json binding, Scenario validation (instrument, agents, designs, mitigations, lending pool)";

    public override string UserErrorName => nameof(ScenarioException);

    public override bool IsJson => true;

    public override IReadOnlyList<SeedSlice> Seeds =>
    [
        new("scenarios/calm.json", 0, 0),
        new("scenarios/leveraged-cascade.json", 0, 0),
        new("scenarios/lending-unwind.json", 0, 0),
        new("scenarios/design-comparison.json", 0, 0),
    ];

    public override IReadOnlyList<string> ExtraTokens =>
        [.. AgentKindNames.All, "marketOrder", "indexJump", .. SourceUnitSets.PolicyNames,
            .. JsonNames.Of([typeof(ScenarioDefinition), .. typeof(LiquidationPolicies).Assembly.GetTypes().Where(t => t.IsPublic && t.Name.EndsWith("Options", StringComparison.Ordinal))])];

    public override bool IsUserError(Exception e) => e is ScenarioException;

    public override RunResult Run(byte[] input, Scratch scratch)
    {
        var scenario = ScenarioLoader.Parse(input, Program.Source);
        Contract.That(scenario.InitialPriceTicks >= 1 && scenario.DurationNs > 0 && scenario.AgentCount >= 0, $"accepted initial price {scenario.InitialPriceTicks} ticks, duration {scenario.DurationNs} ns, {scenario.AgentCount} agents");
        return RunResult.Of(1);
    }

    public override void CheckMessage(Exception e, string source, byte[] input)
    {
        var x = (ScenarioException)e;
        Contract.That(x.File == source, $"the error names '{x.File}', not the input '{source}'");
        Contract.That(x.Line is null || (x.Line >= 1 && x.Line <= Lines(input) + 1), $"the error's line {x.Line} is not a line of the {Lines(input)}-line input");
        Contract.That(x.Line is not null || x.Path.Length > 0, $"the error names neither a line nor a field: {x.Message}");
    }
}
