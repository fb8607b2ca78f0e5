using Microstructure.Engine;

namespace Microstructure.Replay.L2;

/// <summary>A new total for one price level (0 removes the level), as L2 feeds send them.</summary>
/// <param name="Side">Bid (buy) or ask (sell).</param>
/// <param name="Price">Price in ticks.</param>
/// <param name="Amount">New level total in lots.</param>
internal readonly record struct LevelUpdate(Side Side, long Price, long Amount);
