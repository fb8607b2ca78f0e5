using Microstructure.Analysis.Recording;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>The small cascade recorded once (with plots) for the tests that read its run directory.</summary>
public sealed class RecordedSmallCascade : IDisposable
{
    private readonly TempDirectory _temp = new();

    public RecordedSmallCascade()
    {
        Script = SmallCascade.Run();
        Directory = _temp.Sub("run");
        using RunRecorder recorder = RunRecorder.Create(Directory, SmallCascade.Info(Script), SmallCascade.RecorderOptions());
        Script.ReplayInto(recorder);
        Summary = recorder.Complete();
    }

    internal ExchangeScript Script { get; }

    public string Directory { get; }

    public RunSummary Summary { get; }

    public string File(string relative) => Path.Combine(Directory, relative);

    public void Dispose() => _temp.Dispose();
}
