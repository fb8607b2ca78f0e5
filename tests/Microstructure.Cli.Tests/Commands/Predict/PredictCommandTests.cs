using System.Text.Json;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Predict;

/// <summary>
/// micro predict dataset / train / eval on a tiny sweep: the shipped cascade scenario with the crowd opening by 30 s
/// and the shocks at 35 s, 70 s per run, 4 runs (about 15 s of CPU in all).
/// </summary>
public sealed class PredictCommandTests
{
    private static string Scenario => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "leveraged-cascade.json");

    private static string[] TinySweep(string output, string keep) =>
    [
        "sweep", Scenario, "--set", "agents[4].entryEndSeconds=30", "--set", "shocks[0].atSeconds=35", "--set", "shocks[1].atSeconds=35",
        "--set", "shocks[0].relative=-0.04,-0.06", "--seeds", "2", "--duration", "70", "--keep", keep, "--out", output,
    ];

    [Fact]
    public void Dataset_train_and_eval_run_on_a_sweep_and_repeat_byte_for_byte()
    {
        using var cli = new CliRun();
        Assert.Equal(0, CliRun.Run(TinySweep(cli.Path_("sw"), "all")).Code);
        string[] datasetArgs = ["--horizon", "10", "--min-notional", "10000"];

        var (code, output, error) = CliRun.Run(["predict", "dataset", cli.Path_("sw"), "--out", cli.Path_("a", "ds.parquet"), .. datasetArgs]);
        Assert.True(code == 0, error);
        Assert.Contains("samples from 4 runs", output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Run(["predict", "dataset", cli.Path_("sw"), "--out", cli.Path_("b", "ds.parquet"), .. datasetArgs]).Code);
        // Same sweep, same options: the same bytes.
        Assert.Equal(File.ReadAllBytes(cli.Path_("a", "ds.parquet")), File.ReadAllBytes(cli.Path_("b", "ds.parquet")));

        foreach (string side in new[] { "a", "b" })
        {
            (code, output, error) = CliRun.Run("predict", "train", cli.Path_(side, "ds.parquet"), "--out", cli.Path_(side, "model.zip"));
            Assert.True(code == 0, error);
            Assert.Contains("3 runs", output, StringComparison.Ordinal);
            (code, output, error) = CliRun.Run("predict", "eval", cli.Path_(side, "model.zip"), cli.Path_(side, "ds.parquet"));
            Assert.True(code == 0, error);
            Assert.Contains("held out: 1 runs", output, StringComparison.Ordinal);
            Assert.Contains("within_1pct alone", output, StringComparison.Ordinal);
            Assert.Contains("realized_vol_30s alone", output, StringComparison.Ordinal);
        }

        // Same dataset, same seed: the same split, the same model, the same metrics and importances.
        Assert.Equal(File.ReadAllText(cli.Path_("a", "model.json")), File.ReadAllText(cli.Path_("b", "model.json")));
        string evalA = File.ReadAllText(cli.Path_("a", "model-eval", "eval.json"));
        Assert.Equal(evalA, File.ReadAllText(cli.Path_("b", "model-eval", "eval.json")));
        Assert.Equal(File.ReadAllText(cli.Path_("a", "model-eval", "importance.csv")), File.ReadAllText(cli.Path_("b", "model-eval", "importance.csv")));

        using var card = JsonDocument.Parse(File.ReadAllText(cli.Path_("a", "model.json")));
        var train = card.RootElement.GetProperty("train_runs").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        var test = card.RootElement.GetProperty("test_runs").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Single(test);
        Assert.DoesNotContain(test[0], train);
        using var eval = JsonDocument.Parse(evalA);
        double auc = eval.RootElement.GetProperty("model").GetProperty("roc_auc").GetDouble();
        Assert.InRange(auc, 0, 1);
        Assert.Equal(1, eval.RootElement.GetProperty("held_out_runs").GetInt32());

        // Nothing is overwritten: a second eval into the same directory is refused.
        (code, _, error) = CliRun.Run("predict", "eval", cli.Path_("a", "model.zip"), cli.Path_("a", "ds.parquet"), "--out", cli.Path_("a", "model-eval"));
        Assert.Equal(2, code);
        Assert.Contains("eval.json exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_that_did_not_keep_the_tapes_is_a_user_error_naming_the_run_the_tape_and_keep_all()
    {
        using var cli = new CliRun();
        Assert.Equal(0, CliRun.Run("sweep", Scenario, "--seeds", "1", "--duration", "5", "--out", cli.Path_("sw")).Code);

        var (code, _, error) = CliRun.Run("predict", "dataset", cli.Path_("sw"), "--out", cli.Path_("ds.parquet"));

        Assert.Equal(2, code);
        string line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error: " + cli.Path_("sw", "runs"), line, StringComparison.Ordinal);
        Assert.Contains("tape/risk_monitor.parquet is missing", line, StringComparison.Ordinal);
        Assert.Contains("--keep all", line, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Path_("ds.parquet")));
    }

    [Theory]
    [InlineData("dataset", "--horizon", "0", "error: --horizon must be a whole number from 1 to 86,400; got '0'")]
    [InlineData("dataset", "--min-notional", "1.5", "error: --min-notional must be a whole number from 1 to 92,233,720,368; got '1.5'")]
    public void Bad_option_values_are_one_line_user_errors(string command, string option, string value, string message)
    {
        using var cli = new CliRun();
        var (code, _, error) = CliRun.Run("predict", command, cli.Folder, option, value);
        Assert.Equal(2, code);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public void Missing_inputs_are_user_errors_naming_the_path()
    {
        using var cli = new CliRun();
        var (code, _, error) = CliRun.Run("predict", "dataset", cli.Path_("nowhere"));
        Assert.Equal(2, code);
        Assert.Equal($"error: {cli.Path_("nowhere")}: no such directory (give a sweep or compare output directory)", error.Trim());

        (code, _, error) = CliRun.Run("predict", "train", cli.Path_("none.parquet"), "--out", cli.Path_("m.zip"));
        Assert.Equal(2, code);
        Assert.Equal($"error: {cli.Path_("none.parquet")}: no such file", error.Trim());

        File.WriteAllText(cli.Path_("bad.parquet"), "not parquet");
        (code, _, error) = CliRun.Run("predict", "train", cli.Path_("bad.parquet"), "--out", cli.Path_("m.zip"));
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {cli.Path_("bad.parquet")}: not a readable Parquet table", error.Trim(), StringComparison.Ordinal);

        (code, _, error) = CliRun.Run("predict", "eval", cli.Path_("m.zip"), cli.Path_("bad.parquet"));
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {cli.Path_("bad.parquet")}: not a readable Parquet table", error.Trim(), StringComparison.Ordinal);
    }
}
