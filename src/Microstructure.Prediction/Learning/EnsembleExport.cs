using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Learning;

/// <summary>
/// Writes a trained model's trees and calibration as <c>MODEL.ensemble.json</c>, the file the <c>predictive-margin</c>
/// mitigation loads: the simulator scores with <see cref="CascadeEnsemble"/> and never loads ML.NET.
/// </summary>
internal static class EnsembleExport
{
    /// <summary>model.zip → model.ensemble.json.</summary>
    public static string PathOf(string modelPath) => Path.ChangeExtension(modelPath, ".ensemble.json");

    /// <summary>The ensemble file's bytes for a model <see cref="CascadeModel.Train"/> fitted.</summary>
    /// <exception cref="PredictionInputException">The model is not a calibrated LightGbm binary classifier.</exception>
    public static byte[] Write(ITransformer model)
    {
        var (trees, bias, calibrator) = Parts(model);
        return CascadeEnsemble.Write(trees, bias, calibrator.Slope, calibrator.Offset);
    }

    /// <summary>The same model as <see cref="CascadeEnsemble"/> (for the tests that compare it with ML.NET).</summary>
    public static CascadeEnsemble ToEnsemble(ITransformer model)
    {
        var (trees, bias, calibrator) = Parts(model);
        return CascadeEnsemble.Create(trees, bias, calibrator.Slope, calibrator.Offset);
    }

    private static (List<CascadeEnsemble.TreeData> Trees, double Bias, PlattCalibrator Calibrator) Parts(ITransformer model)
    {
        if (model is not BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> binary)
        {
            throw new PredictionInputException($"the model is a {model.GetType().Name}, not a calibrated LightGbm binary classifier; train it with micro predict train");
        }

        RegressionTreeEnsemble ensemble = binary.Model.SubModel.TrainedTreeEnsemble;
        var trees = new List<CascadeEnsemble.TreeData>(ensemble.Trees.Count);
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            RegressionTree tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new PredictionInputException($"tree {t} has a categorical split; the cascade features are all numerical");
            }

            trees.Add(new CascadeEnsemble.TreeData(
                ensemble.TreeWeights[t], [.. tree.NumericalSplitFeatureIndexes], [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild], [.. tree.RightChild], [.. tree.LeafValues]));
        }

        return (trees, ensemble.Bias, binary.Model.Calibrator);
    }
}
