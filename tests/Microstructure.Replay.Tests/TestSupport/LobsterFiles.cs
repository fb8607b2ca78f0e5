namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>Writes variants of the AAPL sample (first N rows, edited lines, scaled sizes) into a temp directory.</summary>
internal static class LobsterFiles
{
    public static string[] Messages(int count) => [.. File.ReadLines(TestData.LobsterMessages).Take(count)];

    public static string[] Book(int count) => [.. File.ReadLines(TestData.LobsterBook).Take(count)];

    public static (string Messages, string Book) Write(TempDirectory dir, string[] messages, string[] book, string prefix = "AAPL_test") =>
        (dir.Write(prefix + "_message_10.csv", string.Join('\n', messages) + "\n"), dir.Write(prefix + "_orderbook_10.csv", string.Join('\n', book) + "\n"));

    /// <summary>The sample with every size multiplied: the same events and prices on a deeper book.</summary>
    public static (string Messages, string Book) Scaled(TempDirectory dir, int factor)
    {
        var messages = Messages(999).Select(l =>
        {
            var f = l.Split(',');
            f[3] = (long.Parse(f[3]) * factor).ToString();
            return string.Join(',', f);
        });
        var book = Book(999).Select(l => string.Join(',', l.Split(',').Select((x, i) => i % 2 == 0 ? x : (long.Parse(x) * factor).ToString())));
        return Write(dir, [.. messages], [.. book], $"AAPLx{factor}");
    }
}
