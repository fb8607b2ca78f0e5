namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ms-rec-" + Guid.NewGuid().ToString("N"));

    /// <summary>A path inside it that does not exist yet.</summary>
    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
