namespace Microstructure.Risk;

/// <summary>
/// A risk-layer setting is invalid. <see cref="Path"/> names the setting as a JSON-style field path
/// (e.g. <c>liquidation.options.sliceFraction</c>) so a scenario file can point at the line to fix.
/// </summary>
public sealed class RiskConfigurationException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="path">Field path of the bad setting.</param>
    /// <param name="problem">What is wrong, in words.</param>
    public RiskConfigurationException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the error (for serializers).</summary>
    public RiskConfigurationException()
        : this("(unknown)", "invalid setting")
    {
    }

    /// <summary>Creates the error (for serializers).</summary>
    /// <param name="message">The message.</param>
    public RiskConfigurationException(string message)
        : this("(unknown)", message)
    {
    }

    /// <summary>Creates the error (for serializers).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RiskConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "(unknown)";
        Problem = message;
    }

    /// <summary>The JSON-style path of the setting, e.g. <c>mark.emaTimeConstantSeconds</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
