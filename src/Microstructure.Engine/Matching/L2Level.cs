namespace Microstructure.Engine.Matching;

/// <summary>One aggregated price level of an L2 snapshot.</summary>
/// <param name="Price">The level's price.</param>
/// <param name="Quantity">Total <em>visible</em> quantity at the level (iceberg reserves excluded).</param>
/// <param name="OrderCount">Number of resting orders at the level.</param>
public readonly record struct L2Level(Price Price, Quantity Quantity, int OrderCount);
