using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>Records the commands a random scenario sends, so the same stream can be replayed elsewhere (e.g. through the rings).</summary>
internal static class CommandLog
{
    /// <summary>Runs a random scenario and returns its options and every command it sent, in order.</summary>
    public static (ExchangeOptions Options, List<ExchangeCommand> Commands) Record(int seed, int steps)
    {
        var scenario = new RandomScenario(seed);
        var recorder = new RecordingDriver(scenario.Options);
        foreach (var setup in scenario.Setup())
        {
            setup(recorder);
        }

        for (int i = 0; i < steps; i++)
        {
            scenario.Step(recorder);
        }

        return (scenario.Options, recorder.Commands);
    }

    private sealed class RecordingDriver(ExchangeOptions options) : Driver(options)
    {
        public List<ExchangeCommand> Commands { get; } = [];

        public override List<ExchangeEvent> Send(ExchangeCommand command)
        {
            Commands.Add(command);
            return base.Send(command);
        }
    }
}
