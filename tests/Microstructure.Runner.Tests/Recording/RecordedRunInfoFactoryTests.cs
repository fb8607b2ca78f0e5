using Microstructure.Runner.Recording;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Tests.Recording;

public sealed class RecordedRunInfoFactoryTests
{
    [Fact]
    public void Every_account_is_labelled_with_its_population_and_system_accounts_with_their_role()
    {
        using var run = new SimulationRun(TestScenarios.Small());

        var info = RecordedRunInfoFactory.Create(run.Info, run.Exchange);

        Assert.Equal(run.Info.Accounts.Count, info.AccountLabels.Count);
        var leveraged = run.Info.Accounts.First(a => a.Kind == AccountRoleKind.Leveraged);
        Assert.Equal(leveraged.Population, info.AccountLabels[leveraged.AccountId]);
        Assert.Equal("insurance-fund", info.AccountLabels[run.Exchange.InsuranceFundAccountId]);
        Assert.Equal(run.Exchange.InsuranceFundAccountId, info.InsuranceFundAccountId);
        Assert.Equal(run.Info.CashPerTickLot, info.CashPerTickLot);
        Assert.Equal(run.Info.EndNs, info.EndNs);
    }

    [Fact]
    public void Shocks_keep_their_time_and_notional_and_get_a_readable_label()
    {
        using var run = new SimulationRun(TestScenarios.Small());

        var info = RecordedRunInfoFactory.Create(run.Info, run.Exchange);

        Assert.Equal(2, info.Shocks.Count);
        var sell = info.Shocks[0];
        Assert.Equal(20_000_000_000, sell.TimeNs);
        Assert.Equal(3000 * run.Info.InitialPriceTicks * run.Info.CashPerTickLot, sell.Notional);
        Assert.Equal("market sell 3,000 lots", sell.Label);
        Assert.Equal(run.Info.Shocks[0].AccountId, sell.AccountId);
        Assert.Null(info.Shocks[1].AccountId);
        Assert.Equal(30_000_000_000, info.Shocks[1].TimeNs);
        Assert.Equal(0, info.Shocks[1].Notional);
        Assert.Equal("index jump -1.00%", info.Shocks[1].Label);
    }
}
