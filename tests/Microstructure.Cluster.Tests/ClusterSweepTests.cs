using System.Collections.Concurrent;
using Microstructure.Runner.Sweeps;
using Xunit.Abstractions;

namespace Microstructure.Cluster.Tests;

/// <summary>Issue 14 §3: a sweep on a three-silo cluster writes the local executor's catalog, also when a silo dies halfway.</summary>
public sealed class ClusterSweepTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_three_silo_cluster_writes_the_same_catalog_and_run_files_as_the_local_executor()
    {
        using var folder = new SweepFolder();
        var local = SweepRunner.Run(folder.Plan("local"));
        await using var cluster = await ThreeSiloCluster.StartAsync();
        var log = new ConcurrentQueue<string>();

        var result = await Task.Run(() => SweepRunner.Run(folder.Plan("cluster"), new ClusterSweepExecutor(cluster.Cluster.Client, 24, log.Enqueue), null, CancellationToken.None)).WaitAsync(Bound);

        Assert.Equal(24, result.Runs);
        Assert.Equal(File.ReadAllText(local.CatalogPath), File.ReadAllText(result.CatalogPath));
        AssertSameRuns(local.Directory, result.Directory);
        var silos = Directory.EnumerateDirectories(Path.Combine(result.Directory, SweepRunner.RunsFolder)).Count();
        Assert.Equal(24, silos);
    }

    [Fact]
    public async Task With_keep_all_the_full_tapes_travel_through_the_shared_directory_and_equal_the_local_sweeps()
    {
        using var folder = new SweepFolder();
        var local = SweepRunner.Run(folder.Plan("local") with { Keep = SweepKeep.All, Seeds = [1, 2] });
        string shared = Path.Combine(folder.Folder, "shared");
        Directory.CreateDirectory(shared);
        string orphan = Directory.CreateDirectory(Path.Combine(shared, RunWorker.FolderPrefix(Path.GetFileName(Directory.EnumerateDirectories(Path.Combine(local.Directory, SweepRunner.RunsFolder)).First())) + "deadsilo")).FullName;
        await using var cluster = await ThreeSiloCluster.StartAsync();

        var result = await Task.Run(() => SweepRunner.Run(folder.Plan("cluster") with { Keep = SweepKeep.All, Seeds = [1, 2] },
            new ClusterSweepExecutor(cluster.Cluster.Client, 12, null, sharedDirectory: shared), null, CancellationToken.None)).WaitAsync(Bound);

        Assert.Equal(12, result.Runs);
        Assert.Equal(File.ReadAllText(local.CatalogPath), File.ReadAllText(result.CatalogPath));
        AssertSameRuns(local.Directory, result.Directory, "tape/trades.parquet");
        Assert.False(Directory.Exists(orphan)); // a dead silo's leftover for a run of this sweep is removed
        Assert.Empty(Directory.EnumerateFileSystemEntries(shared)); // every run was moved out of the share
    }

    [Fact]
    public void Keep_all_on_a_cluster_without_a_shared_directory_is_refused_before_anything_runs()
    {
        using var folder = new SweepFolder();
        var plan = folder.Plan("cluster") with { Keep = SweepKeep.All };
        var executor = new ClusterSweepExecutor(grains: null!, 4, null); // refused before any grain is called

        var refused = Assert.Throws<ClusterException>(() => SweepRunner.Run(plan, executor, null, CancellationToken.None));

        Assert.Contains("--shared-dir", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(plan.Directory, SweepRunner.RunsFolder)));
    }

    [Fact]
    public async Task A_silo_killed_halfway_loses_no_run_and_counts_none_twice()
    {
        using var folder = new SweepFolder();
        var local = SweepRunner.Run(folder.Plan("local"));
        await using var cluster = await ThreeSiloCluster.StartAsync();
        var log = new ConcurrentQueue<string>();
        var victim = cluster.Cluster.SecondarySilos[0];
        int finished = 0;
        Task? kill = null;

        var result = await Task.Run(() => SweepRunner.Run(folder.Plan("cluster"), new ClusterSweepExecutor(cluster.Cluster.Client, 24, line => { log.Enqueue(line); output.WriteLine(line); }), p =>
        {
            if (Interlocked.Increment(ref finished) == 6)
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} killing {victim.SiloAddress}");
                kill = Task.Run(() => cluster.Cluster.KillSiloAsync(victim));
            }
        }, CancellationToken.None)).WaitAsync(Bound);
        await kill!.WaitAsync(Bound);

        Assert.Equal(24, finished); // each run reported once
        Assert.Equal(File.ReadAllText(local.CatalogPath), File.ReadAllText(result.CatalogPath));
        AssertSameRuns(local.Directory, result.Directory);
        // Whether the victim held a run at the moment it died depends on placement and timing (a slow Debug build can
        // find it idle): the guarantees above hold either way; when it did hold runs, they were retried and ran again.
        Assert.All(log, line => Assert.Matches(@"^\S+ (retry|recovered): run [0-9a-f]{16} ", line));
        if (!log.IsEmpty)
        {
            Assert.Contains(log, line => line.Contains(" recovered: run ", StringComparison.Ordinal)); // ran again on a live silo
        }
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(result.Directory, SweepRunner.RunsFolder), "*.partial"));
    }

    [Fact]
    public async Task A_sweep_stopped_on_the_client_resumes_and_the_grains_answer_finished_runs_without_running_them_again()
    {
        using var folder = new SweepFolder();
        var local = SweepRunner.Run(folder.Plan("local"));
        await using var cluster = await ThreeSiloCluster.StartAsync();
        using var stop = new CancellationTokenSource();
        int finished = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => SweepRunner.Run(folder.Plan("cluster"), new ClusterSweepExecutor(cluster.Cluster.Client, 4, null), _ =>
        {
            if (Interlocked.Increment(ref finished) == 5)
            {
                stop.Cancel(); // the client "dies" after 5 runs
            }
        }, stop.Token)).WaitAsync(Bound));

        var result = await Task.Run(() => SweepRunner.Run(folder.Plan("cluster"), new ClusterSweepExecutor(cluster.Cluster.Client, 24, null), null, CancellationToken.None)).WaitAsync(Bound);

        Assert.True(result.Resumed >= 5, $"resumed {result.Resumed}");
        Assert.Equal(File.ReadAllText(local.CatalogPath), File.ReadAllText(result.CatalogPath));
        AssertSameRuns(local.Directory, result.Directory);
    }

    /// <summary>Every run directory holds the same files with the same bytes (summary, report, liquidation table, point, scenario).</summary>
    private static void AssertSameRuns(string expected, string actual, string mustHold = "liquidation_events.parquet")
    {
        string[] Files(string root) => [.. Directory.EnumerateFiles(Path.Combine(root, SweepRunner.RunsFolder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        Assert.Contains(files, f => f.EndsWith(mustHold, StringComparison.Ordinal));
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }
}

