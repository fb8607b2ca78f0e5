using System.Text;
using Microstructure.Risk;

namespace Microstructure.Replay.Processing;

/// <summary>Kebab-case names of risk-layer enums for tape details and summaries (<c>MarkMove</c> → <c>mark-move</c>).</summary>
internal static class RiskNames
{
    public static string Of(LiquidationCause cause) => Kebab(cause.ToString());

    public static string Of(FundMovementReason reason) => Kebab(reason.ToString());

    public static string Of(RiskRejectReason reason) => Kebab(reason.ToString());

    public static string Kebab(string pascal)
    {
        var b = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    b.Append('-');
                }

                b.Append(char.ToLowerInvariant(c));
            }
            else
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }
}
