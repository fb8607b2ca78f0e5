namespace Microstructure.Ring;

/// <summary>A processor registered with the DSL, and whether anything consumes after it.</summary>
internal sealed class ConsumerInfo
{
    public ConsumerInfo(IEventProcessor processor, string name)
    {
        Processor = processor;
        Name = name;
    }

    public IEventProcessor Processor { get; }

    public string Name { get; }

    /// <summary>True until a downstream consumer is added with <c>Then</c>; only these gate the producer.</summary>
    public bool IsEndOfChain { get; set; } = true;

    public Thread? Thread { get; set; }
}
