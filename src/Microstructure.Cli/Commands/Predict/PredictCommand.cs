using System.CommandLine;
using System.Globalization;
using Microstructure.Prediction;
using Microstructure.Prediction.Data;
using Microstructure.Prediction.Learning;
using Microstructure.Risk;

namespace Microstructure.Cli.Commands.Predict;

/// <summary>
/// <c>micro predict dataset|train|eval</c>: the learned early warning of liquidation cascades (issue 15 §2;
/// docs/prediction.md). Input mistakes — a path, a missing tape, an option value — are one line and exit code 2.
/// </summary>
internal static class PredictCommand
{
    /// <summary>X's default in quote currency: $100,000 (docs/prediction.md says why); the dataset takes it in cash units.</summary>
    private const long DefaultMinNotionalQuote = DatasetOptions.DefaultMinNotional / FixedPoint.CashScale;

    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var command = new Command("predict", "Learn to predict liquidation cascades from a sweep's tapes: build a dataset, train gradient-boosted trees, evaluate on held-out runs (docs/prediction.md).");
        command.Subcommands.Add(DatasetCommand());
        command.Subcommands.Add(TrainCommand());
        command.Subcommands.Add(EvalCommand());
        return command;
    }

    private static Command DatasetCommand()
    {
        var sweep = new Argument<string>("SWEEP_DIR") { Description = "A sweep or compare directory whose runs kept every tape (--keep all)." };
        var output = new Option<string>("--out") { Description = "The dataset file to write (Parquet; must not exist). Default: dataset.parquet." };
        var horizon = new Option<string?>("--horizon") { Description = $"H, seconds: a sample is positive when a qualifying cascade starts within (t, t + H] (default {DatasetOptions.DefaultHorizonSeconds})." };
        var minNotional = new Option<string?>("--min-notional") { Description = $"X, in quote currency (whole units): a cascade qualifies with at least this liquidated notional (default {DefaultMinNotionalQuote:N0})." };
        var command = new Command("dataset", "Build the dataset: one row per risk-monitor snapshot of every run (run, t, features, label).");
        command.Arguments.Add(sweep);
        command.Options.Add(output);
        command.Options.Add(horizon);
        command.Options.Add(minNotional);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryWhole(parse.GetValue(horizon), "--horizon", DatasetOptions.DefaultHorizonSeconds, 1, 86_400, out long h, out string? problem)
                || !TryWhole(parse.GetValue(minNotional), "--min-notional", DefaultMinNotionalQuote, 1, long.MaxValue / FixedPoint.CashScale, out long quote, out problem))
            {
                return SimulationErrors.Report(stderr, problem!);
            }

            return await InputErrorsReported(stderr, async () =>
            {
                long x = quote * FixedPoint.CashScale; // quote units to the tapes' cash units (exact: in range by the check above)
                DatasetSummary s = await DatasetBuilder.BuildAsync(parse.GetValue(sweep)!, parse.GetValue(output) ?? "dataset.parquet", new DatasetOptions(h * 1_000_000_000, x), ct);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{s.Path}: {s.Rows} samples from {s.Runs} runs, {s.Positives} positive ({Share(s.Positives, s.Rows)}); {s.Cascades} cascades of at least {quote.ToString("N0", CultureInfo.InvariantCulture)} quote liquidated (H = {h} s)");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command TrainCommand()
    {
        var dataset = new Argument<string>("DATASET") { Description = "A dataset written by micro predict dataset." };
        var output = new Option<string>("--out") { Description = "The model to write (ML.NET zip; beside it its card MODEL.json, which names the split, and MODEL.ensemble.json for predictive-margin). Required.", Required = true };
        var seed = new Option<string?>("--seed") { Description = $"Seed of the split by run and of LightGbm (default {CascadeModel.DefaultSeed})." };
        var command = new Command("train", "Train gradient-boosted trees (LightGbm) on 75% of the dataset's runs; the rest are held out for eval.");
        command.Arguments.Add(dataset);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryWhole(parse.GetValue(seed), "--seed", CascadeModel.DefaultSeed, 0, int.MaxValue, out long s, out string? problem))
            {
                return SimulationErrors.Report(stderr, problem!);
            }

            return await InputErrorsReported(stderr, async () =>
            {
                Dataset data = await Dataset.ReadAsync(parse.GetValue(dataset)!, ct);
                string model = parse.GetValue(output)!;
                ModelCard card = CascadeModel.Train(data, model, (int)s);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{model}: trained on {card.TrainRows} samples of {card.TrainRuns.Length} runs ({card.TrainPositives} positive); {card.TestRuns.Length} runs held out (named in {CascadeModel.CardPath(model)}); the trees for predictive-margin in {EnsembleExport.PathOf(model)} — next: micro predict eval {model} {parse.GetValue(dataset)}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command EvalCommand()
    {
        var model = new Argument<string>("MODEL") { Description = "A model written by micro predict train." };
        var dataset = new Argument<string>("DATASET") { Description = "A dataset; only runs the model was not trained on are scored." };
        var output = new Option<string?>("--out") { Description = "Directory for eval.json and importance.csv (default: MODEL's name without extension + -eval, beside it)." };
        var command = new Command("eval", "Evaluate on held-out runs: ROC AUC, PR AUC, precision at 50% recall, lead times, against two baselines; permutation feature importance.");
        command.Arguments.Add(model);
        command.Arguments.Add(dataset);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return await InputErrorsReported(stderr, async () =>
            {
                string modelPath = parse.GetValue(model)!;
                Dataset data = await Dataset.ReadAsync(parse.GetValue(dataset)!, ct);
                EvaluationReport report = Evaluation.Evaluate(modelPath, data);
                string dir = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Path.GetFileNameWithoutExtension(modelPath) + "-eval");
                Evaluation.Write(report, dir);
                parse.InvocationConfiguration.Output.Write(Evaluation.Format(report));
                parse.InvocationConfiguration.Output.WriteLine($"written: {Path.Combine(dir, "eval.json")}, {Path.Combine(dir, "importance.csv")}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Runs a command's work; a problem with its input files (<see cref="PredictionInputException"/>) becomes the one-line error, exit 2.</summary>
    private static async Task<int> InputErrorsReported(TextWriter stderr, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (PredictionInputException e)
        {
            return SimulationErrors.Report(stderr, e.Message);
        }
    }

    private static bool TryWhole(string? text, string option, long fallback, long min, long max, out long value, out string? problem)
    {
        problem = null;
        value = fallback;
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = $"{option} must be a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}; got '{text}'";
        return false;
    }

    private static string Share(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
