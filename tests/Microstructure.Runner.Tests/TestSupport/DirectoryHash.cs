using System.Security.Cryptography;

namespace Microstructure.Runner.Tests.TestSupport;

/// <summary>Hashes of the files of a folder, by relative path, to compare two run directories byte for byte.</summary>
internal static class DirectoryHash
{
    public static SortedDictionary<string, string> Files(string folder)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            hashes[Path.GetRelativePath(folder, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return hashes;
    }
}
