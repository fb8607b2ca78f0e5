using Microstructure.Analysis.Cascades;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>One colour per liquidation close type, the same in every chart.</summary>
internal static class CloseTypeStyle
{
    /// <summary>Shown in legends: how a liquidation with several ways of closing is coloured.</summary>
    public const string Rule = "colour: what closed most of its lots";

    public static Color ColorOf(LiquidationCloseType type) => type switch
    {
        LiquidationCloseType.Book => Color.FromHex("#1f77b4"),
        LiquidationCloseType.Fund => Color.FromHex("#ff7f0e"),
        LiquidationCloseType.Adl => Color.FromHex("#d62728"),
        LiquidationCloseType.Auction => Color.FromHex("#9467bd"),
        _ => Color.FromHex("#7f7f7f"),
    };
}
