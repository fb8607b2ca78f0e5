using Microstructure.Analysis.Cascades;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>One colour per liquidation close type, the same in every chart.</summary>
internal static class CloseTypeStyle
{
    /// <summary>Shown in legends: how a liquidation with several ways of closing is coloured.</summary>
    public const string Rule = "colour: what closed most of its lots";

    public static Color ColorOf(LiquidationCloseType type) => Color.FromHex(HexOf(type));

    /// <summary>The colour as "#rrggbb" (report.html uses the same colours as the PNGs).</summary>
    public static string HexOf(LiquidationCloseType type) => type switch
    {
        LiquidationCloseType.Book => "#1f77b4",
        LiquidationCloseType.Fund => "#ff7f0e",
        LiquidationCloseType.Adl => "#d62728",
        LiquidationCloseType.Auction => "#9467bd",
        _ => "#7f7f7f",
    };
}
