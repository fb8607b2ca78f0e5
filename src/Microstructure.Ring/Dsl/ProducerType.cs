namespace Microstructure.Ring;

/// <summary>How many threads publish to a <see cref="Disruptor{T}"/>'s ring.</summary>
public enum ProducerType
{
    /// <summary>Exactly one publishing thread (no CAS on claim; fastest).</summary>
    Single,

    /// <summary>Any number of publishing threads.</summary>
    Multi,
}
