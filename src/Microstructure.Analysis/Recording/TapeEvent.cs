using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>An event on its way to a tape table, with the run's units so that mappers can write notionals and real units.</summary>
internal readonly struct TapeEvent(in ExchangeEvent e, TapeUnits units)
{
    public readonly ExchangeEvent Event = e;

    /// <summary>The run's units (tick, lot, cash scale).</summary>
    public readonly TapeUnits Units = units;

    /// <summary>Cash units of one tick on one lot.</summary>
    public long CashPerTickLot => Units.CashPerTickLot;
}

/// <summary>A row of a tape table with the run's units (for the real-unit columns).</summary>
internal readonly struct InUnits<TRow>(in TRow row, TapeUnits units)
{
    public readonly TRow Row = row;

    public readonly TapeUnits Units = units;
}
