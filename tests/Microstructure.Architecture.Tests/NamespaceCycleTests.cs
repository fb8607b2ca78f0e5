namespace Microstructure.Architecture.Tests;

/// <summary>
/// No namespace of ours depends on another that depends back on it (directly or through others): a cycle means two
/// folders that cannot be understood, tested or moved apart. Tarjan's strongly connected components over the
/// namespace graph read from the compiled code; each component of more than one namespace is a cycle.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void No_namespace_cycles()
    {
        var edges = ArchitectureFixture.OwnTypes
            .SelectMany(t => t.Dependencies.Select(d => (From: ArchitectureFixture.NamespaceOf(t), To: ArchitectureFixture.NamespaceOf(d.Target))))
            .Where(e => e.From != e.To && e.To.StartsWith("Microstructure", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).Select(c => string.Join(" ⇄ ", c.Order(StringComparer.Ordinal))).ToList();

        Assert.True(cycles.Count == 0, $"{cycles.Count} namespace cycle(s):\n{string.Join("\n", cycles)}");
    }

    [Fact]
    public void The_cycle_finder_finds_a_three_namespace_loop_and_ignores_a_chain()
    {
        var components = StronglyConnected([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E")]);

        Assert.Single(components, c => c.Count > 1);
        Assert.Equal(["A", "B", "C"], components.Single(c => c.Count > 1).Order(StringComparer.Ordinal));
    }

    /// <summary>Tarjan's algorithm (iterative over a small graph, recursion is fine at a few hundred namespaces).</summary>
    internal static List<List<string>> StronglyConnected(IReadOnlyCollection<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList(), StringComparer.Ordinal);
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out int seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in nodes.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return result;
    }
}
