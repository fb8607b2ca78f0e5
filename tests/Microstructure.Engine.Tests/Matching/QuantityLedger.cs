namespace Microstructure.Engine.Tests.Matching;

/// <summary>
/// Rebuilds every order's open quantity from the event stream alone, and the totals submitted / filled / cancelled,
/// so that conservation can be checked against the engine's own state.
/// </summary>
internal sealed class QuantityLedger
{
    public Dictionary<long, long> Open { get; } = new();

    /// <summary>Accepted quantities plus amend increases.</summary>
    public long Submitted { get; private set; }

    /// <summary>Filled quantity, counted once for the maker and once for the taker.</summary>
    public long Filled { get; private set; }

    /// <summary>Cancelled quantities plus reduce / amend decreases.</summary>
    public long Cancelled { get; private set; }

    public void Apply(List<EngineEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EngineEventType.Accepted:
                    Assert.False(Open.TryGetValue(e.OrderId.Value, out var existing) && existing != 0, "accepted a live id");
                    Open[e.OrderId.Value] = e.Quantity.Lots;
                    Submitted += e.Quantity.Lots;
                    break;
                case EngineEventType.Trade:
                    Assert.True(e.Quantity.Lots > 0);
                    Open[e.OrderId.Value] -= e.Quantity.Lots;
                    Open[e.MakerOrderId.Value] -= e.Quantity.Lots;
                    Assert.Equal(Open[e.OrderId.Value], e.RemainingQuantity.Lots);
                    Assert.Equal(Open[e.MakerOrderId.Value], e.MakerRemainingQuantity.Lots);
                    Filled += 2 * e.Quantity.Lots;
                    break;
                case EngineEventType.Cancelled:
                    Assert.True(e.Quantity.Lots > 0);
                    Open[e.OrderId.Value] -= e.Quantity.Lots;
                    Assert.Equal(Open[e.OrderId.Value], e.RemainingQuantity.Lots);
                    Cancelled += e.Quantity.Lots;
                    break;
                case EngineEventType.Amended:
                    var delta = e.Quantity.Lots - Open[e.OrderId.Value];
                    if (delta > 0)
                    {
                        Submitted += delta;
                    }
                    else
                    {
                        Cancelled -= delta;
                    }

                    Open[e.OrderId.Value] = e.Quantity.Lots;
                    break;
            }

            Assert.True(Open.Values.All(v => v >= 0), "negative open quantity");
        }
    }
}
