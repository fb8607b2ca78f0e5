using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>An event on its way to a tape table, with the instrument's k so that mappers can write notionals.</summary>
internal readonly struct TapeEvent(in ExchangeEvent e, long cashPerTickLot)
{
    public readonly ExchangeEvent Event = e;

    /// <summary>Cash units of one tick on one lot.</summary>
    public readonly long CashPerTickLot = cashPerTickLot;
}
