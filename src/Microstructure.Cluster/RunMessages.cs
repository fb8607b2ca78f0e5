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

    /// <summary>What the run keeps: summary, liquidations, or all (only with <see cref="SharedDirectory"/>: full tapes are not shipped back).</summary>
    [Id(8)] public string Keep { get; init; } = string.Empty;

    /// <summary>
    /// With keep "all": the absolute path of a directory every silo and the client see at that same path (a network
    /// share the user named with <c>--shared-dir</c>); the silo records the run into a folder there and the client
    /// moves it into the sweep. Null otherwise.
    /// </summary>
    [Id(9)] public string? SharedDirectory { get; init; }
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

    /// <summary>With a shared directory: the run's folder in it (one name, no separator), or null when <see cref="Files"/> holds the run.</summary>
    [Id(4)] public string? SharedFolder { get; init; }

    /// <summary>With a shared directory: every file of <see cref="SharedFolder"/> and its length, for the client to check before it takes them.</summary>
    [Id(5)] public SharedFile[] SharedFiles { get; init; } = [];
}

/// <summary>One file a silo left in the shared directory: its path in the run's folder and its length in bytes.</summary>
[GenerateSerializer]
[Alias("Microstructure.Cluster.SharedFile")]
internal sealed record SharedFile
{
    /// <summary>Path relative to the run's folder, '/'-separated.</summary>
    [Id(0)] public string Path { get; init; } = string.Empty;

    /// <summary>Its length in bytes.</summary>
    [Id(1)] public long Length { get; init; }
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
