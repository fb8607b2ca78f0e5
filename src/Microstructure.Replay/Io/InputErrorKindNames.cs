namespace Microstructure.Replay.Io;

/// <summary>Stable lower-case names of <see cref="InputErrorKind"/> for reports and summary.json.</summary>
internal static class InputErrorKindNames
{
    /// <summary>The report name of <paramref name="kind"/>, e.g. "not-a-number".</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its name.</returns>
    public static string Name(InputErrorKind kind) => kind switch
    {
        InputErrorKind.Malformed => "malformed",
        InputErrorKind.NotANumber => "not-a-number",
        InputErrorKind.InvalidValue => "invalid-value",
        InputErrorKind.UnknownOrder => "unknown-order",
        InputErrorKind.OutOfOrderTime => "out-of-order-time",
        InputErrorKind.CrossedBook => "crossed-book",
        InputErrorKind.UpdateIdGap => "update-id-gap",
        InputErrorKind.Inconsistent => "inconsistent",
        _ => kind.ToString(),
    };
}
