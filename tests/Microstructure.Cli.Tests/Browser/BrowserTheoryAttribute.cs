namespace Microstructure.Cli.Tests.Browser;

/// <summary>
/// A theory that opens a real browser: skipped (and shown as skipped, never passed) unless MICRO_BROWSER_TESTS=1,
/// which .ci/run sets after installing chromium. With the variable set and no chromium, the test fails and says how
/// to install it.
/// </summary>
internal sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public const string Variable = "MICRO_BROWSER_TESTS";

    public BrowserTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Browser check: set {Variable}=1 to run it (needs chromium: apt-get install -y chromium); .ci/run does.";
        }
    }
}

/// <summary>A fact that opens a real browser; skipped like <see cref="BrowserTheoryAttribute"/>.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(BrowserTheoryAttribute.Variable) != "1")
        {
            Skip = new BrowserTheoryAttribute().Skip;
        }
    }
}
