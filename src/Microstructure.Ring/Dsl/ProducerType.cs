namespace Microstructure.Ring;

/// <summary>How many threads publish to a <see cref="Disruptor{T}"/>'s ring.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Disruptor's own name (ProducerType.Single), kept so its users find it.")]
public enum ProducerType
{
    /// <summary>Exactly one publishing thread (no CAS on claim; fastest).</summary>
    Single,

    /// <summary>Any number of publishing threads.</summary>
    Multi,
}
