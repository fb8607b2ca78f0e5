namespace Microstructure.Risk.Liquidation;

/// <summary>
/// The liquidation a piece of work belongs to: every event, fill, account change and mark move that happens inside it
/// is attributed to <see cref="Id"/> and traced back to the command <see cref="Trigger"/>. Passed explicitly to every
/// <see cref="ILiquidationDesk"/> action, so a design never sets hidden state to say whose work it is doing.
/// </summary>
/// <param name="Id">The liquidation id (1, 2, …), or 0 for no liquidation.</param>
/// <param name="Trigger">
/// The command sequence that caused the liquidation, or <see cref="OwnTrigger"/> for time-driven work (auction steps,
/// vault unwind slices), whose events carry the trigger the liquidated account recorded when it started.
/// </param>
internal readonly record struct LiquidationScope(long Id, long Trigger)
{
    /// <summary>The <see cref="Trigger"/> of time-driven work: use the liquidated account's own trigger sequence.</summary>
    public const long OwnTrigger = -1;

    /// <summary>Work outside any liquidation (user commands, the clock).</summary>
    public static LiquidationScope None => new(0, OwnTrigger);

    /// <summary>Time-driven work of liquidation <paramref name="id"/> (see <see cref="OwnTrigger"/>).</summary>
    public static LiquidationScope TimeDriven(long id) => new(id, OwnTrigger);
}
