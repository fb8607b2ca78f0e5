namespace Microstructure.Replay.Lobster;

/// <summary>The LOBSTER message types (column 2 of the message file).</summary>
internal enum LobsterEventType : byte
{
    /// <summary>1: submission of a new limit order.</summary>
    NewLimit = 1,

    /// <summary>2: partial cancellation (size = lots removed).</summary>
    PartialCancel = 2,

    /// <summary>3: deletion of the whole order.</summary>
    Delete = 3,

    /// <summary>4: execution of a visible limit order (direction = side of the resting order).</summary>
    VisibleExecution = 4,

    /// <summary>5: execution of a hidden limit order (no visible book change).</summary>
    HiddenExecution = 5,

    /// <summary>6: cross trade (auction; no visible book change).</summary>
    CrossTrade = 6,

    /// <summary>7: trading halt indicator (price −1 halt, 0 quoting resumes, 1 trading resumes).</summary>
    Halt = 7,
}
