namespace Microstructure.Cluster;

/// <summary>
/// One sweep run as it travels to a silo: the scenario's content (never a path — a silo shares no disk with the
/// client), the point, design, seed and duration, and the run key the client computed from them. The silo validates
/// all of it as the CLI does and recomputes the key before running anything.
/// </summary>
[GenerateSerializer]
[Alias("Microstructure.Cluster.RunRequest")]
internal sealed record RunRequest
{
    /// <summary>The run key (16 hex digits); the grain's own key.</summary>
    [Id(0)] public string Key { get; init; } = string.Empty;

    /// <summary>The scenario file's name, for error messages only.</summary>
    [Id(1)] public string ScenarioName { get; init; } = string.Empty;

    /// <summary>The scenario file's bytes.</summary>
    [Id(2)] public byte[] Scenario { get; init; } = [];

    /// <summary>The varied fields' paths, in order.</summary>
    [Id(3)] public string[] PointPaths { get; init; } = [];

    /// <summary>Their values, one per path.</summary>
    [Id(4)] public string[] PointValues { get; init; } = [];

    /// <summary>The liquidation design's name.</summary>
    [Id(5)] public string Design { get; init; } = string.Empty;

    /// <summary>The seed.</summary>
    [Id(6)] public long Seed { get; init; }

    /// <summary>Simulated seconds instead of the scenario's, or null.</summary>
    [Id(7)] public double? DurationSeconds { get; init; }

    /// <summary>What the run keeps: summary or liquidations (the tapes of "all" are not shipped back).</summary>
    [Id(8)] public string Keep { get; init; } = string.Empty;
}

/// <summary>A silo's answer: the run's kept files (summary.json, report.md, the liquidation table), or why it refused.</summary>
[GenerateSerializer]
[Alias("Microstructure.Cluster.RunReply")]
internal sealed record RunReply
{
    /// <summary>Why the request was refused (nothing ran), or null.</summary>
    [Id(0)] public string? Error { get; init; }

    /// <summary>The kept files, paths relative to the run directory with '/' separators.</summary>
    [Id(1)] public RunFile[] Files { get; init; } = [];

    /// <summary>The silo that ran it (its address), for the log.</summary>
    [Id(2)] public string Silo { get; init; } = string.Empty;

    /// <summary>Wall time of the simulation and its recording on the silo.</summary>
    [Id(3)] public double Seconds { get; init; }
}

/// <summary>One file of a finished run.</summary>
[GenerateSerializer]
[Alias("Microstructure.Cluster.RunFile")]
internal sealed record RunFile
{
    /// <summary>Path relative to the run directory, '/'-separated.</summary>
    [Id(0)] public string Path { get; init; } = string.Empty;

    /// <summary>Its bytes.</summary>
    [Id(1)] public byte[] Content { get; init; } = [];
}
