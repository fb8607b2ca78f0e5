using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace Microstructure.Architecture.Tests;

/// <summary>The project's own assemblies, loaded once (reading the IL takes a few seconds).</summary>
internal static class ArchitectureFixture
{
    /// <summary>Every src/ assembly, lowest layer first, with the layers each may use.</summary>
    public static readonly IReadOnlyList<Layer> Layers =
    [
        new("Microstructure.Ring", []),
        new("Microstructure.Engine", ["Microstructure.Ring"]),
        new("Microstructure.Risk", ["Microstructure.Engine", "Microstructure.Ring"]),
        new("Microstructure.Agents", ["Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        // Analysis consumes events only: it knows the exchange's and the engine's event types, nothing that makes them.
        new("Microstructure.Analysis", ["Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        new("Microstructure.Simulation", ["Microstructure.Agents", "Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        new("Microstructure.Replay", ["Microstructure.Agents", "Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        // The runner runs a simulation or a replay end to end and records it: the one place where sources meet Analysis.
        new("Microstructure.Runner", ["Microstructure.Simulation", "Microstructure.Replay", "Microstructure.Analysis", "Microstructure.Agents", "Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        // Sweeps on an Orleans cluster (issue 14): the run grain and the cluster executor, on top of the runner.
        new("Microstructure.Cluster", ["Microstructure.Runner", "Microstructure.Simulation", "Microstructure.Replay", "Microstructure.Analysis", "Microstructure.Agents", "Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        // The learned cascade early warning (issue 15 §2): reads a sweep's tapes, the only project that loads ML.NET.
        new("Microstructure.Prediction", ["Microstructure.Runner", "Microstructure.Analysis", "Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
        new("Microstructure.Cli", ["Microstructure.Prediction", "Microstructure.Cluster", "Microstructure.Runner", "Microstructure.Simulation", "Microstructure.Replay", "Microstructure.Analysis", "Microstructure.Agents", "Microstructure.Risk", "Microstructure.Engine", "Microstructure.Ring"]),
    ];

    public static readonly ArchUnitNET.Domain.Architecture Architecture = new ArchLoader()
        .LoadAssemblies(Layers.Select(layer => System.Reflection.Assembly.Load(AssemblyName(layer.Assembly))).ToArray())
        .Build();

    /// <summary>The project's own types (compiler-generated ones included: their dependencies are their owner's).</summary>
    public static IEnumerable<IType> OwnTypes => Architecture.Types.Where(t => NamespaceOf(t).StartsWith("Microstructure", StringComparison.Ordinal));

    /// <summary>A type's namespace; empty for the types the loader cannot place (generic parameters, arrays of them).</summary>
    public static string NamespaceOf(IType type) => type.Namespace?.FullName ?? string.Empty;

    /// <summary>The project a type was compiled in (the CLI's assembly is named after its executable, <c>micro</c>).</summary>
    public static string ProjectOf(IType type)
    {
        string name = type.Assembly?.Name.Split(',')[0] ?? string.Empty;
        return name == CliAssembly ? "Microstructure.Cli" : name;
    }

    private const string CliAssembly = "micro";

    private static string AssemblyName(string project) => project == "Microstructure.Cli" ? CliAssembly : project;

    internal sealed record Layer(string Assembly, string[] MayUse);
}
