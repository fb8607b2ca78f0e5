using Microstructure.Runner.Catalog;

namespace Microstructure.Runner.Tests.Catalog;

public sealed class RunKeyTests
{
    private static readonly byte[] Scenario = "{ \"name\": \"x\" }"u8.ToArray();

    [Fact]
    public void A_run_without_a_model_keeps_its_key_and_a_retrained_model_makes_a_new_one()
    {
        string plain = RunKey.Of(Scenario, [], "insurance-fund", 1, 60);
        Assert.Equal(plain, RunKey.Of(Scenario, [], "insurance-fund", 1, 60, string.Empty));
        // The key of the runs before model digests existed (a resumed sweep finds its runs): fixed bytes, fixed key.
        Assert.Equal(16, plain.Length);
        string modelA = RunKey.Of(Scenario, [], "insurance-fund", 1, 60, "aa");
        Assert.NotEqual(plain, modelA);
        Assert.NotEqual(modelA, RunKey.Of(Scenario, [], "insurance-fund", 1, 60, "bb"));
        Assert.Equal(modelA, RunKey.Of(Scenario, [], "insurance-fund", 1, 60, "aa"));
    }
}
