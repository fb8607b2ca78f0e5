namespace Microstructure.Engine.Matching;

/// <summary>Where a pooled <see cref="OrderNode"/> currently is.</summary>
internal enum NodeState : byte
{
    Free = 0,
    Resting = 1,
    PendingStop = 2,
}
