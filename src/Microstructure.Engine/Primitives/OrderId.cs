namespace Microstructure.Engine;

/// <summary>An order identifier chosen by the client; unique among the orders live in one book.</summary>
public readonly record struct OrderId(long Value)
{
    /// <summary>"No order".</summary>
    public static OrderId None => default;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
