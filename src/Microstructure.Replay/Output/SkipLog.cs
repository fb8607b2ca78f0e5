using Microstructure.Replay.Io;

namespace Microstructure.Replay.Output;

/// <summary>What <c>--lenient</c> skipped: counts per kind of problem and the first few messages word for word.</summary>
public sealed class SkipLog
{
    /// <summary>How many messages are kept verbatim.</summary>
    public const int KeptMessages = 10;

    private readonly SortedDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly List<string> _first = [];

    /// <summary>Total lines or events skipped.</summary>
    public long Total { get; private set; }

    /// <summary>Skips per kind (stable names, see <see cref="InputErrorKindNames"/>).</summary>
    public IReadOnlyDictionary<string, long> ByKind => _byKind;

    /// <summary>The first <see cref="KeptMessages"/> messages ("file:line: detail").</summary>
    public IReadOnlyList<string> First => _first;

    /// <summary>Counts one skipped problem.</summary>
    /// <param name="error">The problem.</param>
    public void Record(ReplayInputException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Total++;
        var name = InputErrorKindNames.Name(error.Kind);
        _byKind[name] = _byKind.GetValueOrDefault(name) + 1;
        if (_first.Count < KeptMessages)
        {
            _first.Add(error.Message);
        }
    }
}
