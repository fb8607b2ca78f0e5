namespace Microstructure.Agents.Validation;

/// <summary>
/// An agent setting is invalid. <see cref="Path"/> names it as a JSON field path (e.g. <c>agents[2].leverage.max</c>)
/// in the style of <see cref="RiskConfigurationException"/>, so a scenario file can point at the field to fix.
/// </summary>
public sealed class AgentConfigurationException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="path">Field path of the bad setting.</param>
    /// <param name="problem">What is wrong, in words.</param>
    public AgentConfigurationException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the error (for serializers).</summary>
    public AgentConfigurationException()
        : this("(unknown)", "invalid setting")
    {
    }

    /// <summary>Creates the error (for serializers).</summary>
    /// <param name="message">The message.</param>
    public AgentConfigurationException(string message)
        : this("(unknown)", message)
    {
    }

    /// <summary>Creates the error (for serializers).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AgentConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "(unknown)";
        Problem = message;
    }

    /// <summary>The JSON-style path of the setting.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
