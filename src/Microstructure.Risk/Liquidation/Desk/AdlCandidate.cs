namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>An account ranked for auto-deleveraging: highest score first, then lowest account id.</summary>
internal struct AdlCandidate : IComparable<AdlCandidate>
{
    public Int128 Score;
    public int Account;

    public readonly int CompareTo(AdlCandidate other)
    {
        int byScore = other.Score.CompareTo(Score);
        return byScore != 0 ? byScore : Account.CompareTo(other.Account);
    }
}
