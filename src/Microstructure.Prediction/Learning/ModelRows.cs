using Microsoft.ML.Data;
using Microstructure.Risk.Warning;

namespace Microstructure.Prediction.Learning;

/// <summary>A row as ML.NET reads it (public: ML.NET maps the class by reflection).</summary>
public sealed class ModelInput
{
    /// <summary>The features in dataset order (<c>micro predict</c>; docs/prediction.md).</summary>
    [VectorType(CascadeFeatures.Count)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "ML.NET maps vector columns to array properties.")]
    public float[] Features { get; set; } = [];

    /// <summary>A qualifying cascade starts within the horizon.</summary>
    public bool Label { get; set; }
}
