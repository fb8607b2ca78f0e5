using ArchUnitNET.Domain;

namespace Microstructure.Architecture.Tests;

/// <summary>
/// The arrows of docs/architecture.md, read from the compiled code (which type uses which), so an arrow that points
/// the wrong way fails here whatever the .csproj files say.
/// </summary>
public sealed class LayeringTests
{
    public static TheoryData<string> Assemblies => [.. ArchitectureFixture.Layers.Select(l => l.Assembly)];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Each_project_uses_only_the_layers_below_it(string assembly)
    {
        var layer = ArchitectureFixture.Layers.Single(l => l.Assembly == assembly);
        var known = ArchitectureFixture.Layers.Select(l => l.Assembly).ToHashSet(StringComparer.Ordinal);

        var wrong = ArchitectureFixture.OwnTypes
            .Where(t => AssemblyOf(t) == assembly)
            .SelectMany(t => t.Dependencies.Select(d => (From: t, To: d.Target)))
            .Where(d => known.Contains(AssemblyOf(d.To)) && AssemblyOf(d.To) != assembly && !layer.MayUse.Contains(AssemblyOf(d.To)))
            .Select(d => $"{d.From.FullName} → {d.To.FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(wrong.Count == 0, $"{assembly} may use only [{string.Join(", ", layer.MayUse)}], but:\n{string.Join("\n", wrong.Take(30))}");
    }

    [Fact]
    public void Every_src_assembly_is_placed_in_a_layer()
    {
        var placed = ArchitectureFixture.Layers.Select(l => l.Assembly).ToHashSet(StringComparer.Ordinal);
        var srcRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));
        var projects = Directory.EnumerateDirectories(srcRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(placed.Order(StringComparer.Ordinal), projects);
    }

    /// <summary>Issue 14: a local sweep never loads Orleans, because only the CLI's cluster commands name a cluster type.</summary>
    [Fact]
    public void Only_the_cluster_commands_of_the_CLI_use_the_cluster_project()
    {
        var wrong = ArchitectureFixture.OwnTypes
            .Where(t => AssemblyOf(t) == "Microstructure.Cli" && !ArchitectureFixture.NamespaceOf(t).StartsWith("Microstructure.Cli.Commands.Cluster", StringComparison.Ordinal))
            .SelectMany(t => t.Dependencies.Select(d => (From: t, To: d.Target)))
            .Where(d => AssemblyOf(d.To) == "Microstructure.Cluster")
            .Select(d => $"{d.From.FullName} → {d.To.FullName}")
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Issue 15 §2: ML.NET stays out of every src project but Prediction (and the CLI reaches it only through its predict commands).</summary>
    [Fact]
    public void Only_the_prediction_project_references_ML_NET()
    {
        var srcRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));
        var wrong = Directory.EnumerateFiles(srcRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("Microstructure.Prediction.csproj", StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p).Contains("Microsoft.ML", StringComparison.Ordinal))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        var cliOutsidePredict = ArchitectureFixture.OwnTypes
            .Where(t => AssemblyOf(t) == "Microstructure.Cli" && !ArchitectureFixture.NamespaceOf(t).StartsWith("Microstructure.Cli.Commands.Predict", StringComparison.Ordinal))
            .SelectMany(t => t.Dependencies.Select(d => (From: t, To: d.Target)))
            .Where(d => AssemblyOf(d.To) == "Microstructure.Prediction" || (d.To.Namespace?.FullName ?? string.Empty).StartsWith("Microsoft.ML", StringComparison.Ordinal))
            .Select(d => $"{d.From.FullName} → {d.To.FullName}")
            .Distinct()
            .ToList();
        Assert.True(cliOutsidePredict.Count == 0, string.Join("\n", cliOutsidePredict));
    }

    private static string AssemblyOf(IType type) => ArchitectureFixture.ProjectOf(type);
}
