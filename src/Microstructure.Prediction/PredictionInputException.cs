namespace Microstructure.Prediction;

/// <summary>A user mistake in <c>micro predict</c>'s input (a path, a missing tape, an option value): one line naming the file, tape or option.</summary>
internal sealed class PredictionInputException : Exception
{
    public PredictionInputException(string message)
        : base(message)
    {
    }

    public PredictionInputException()
    {
    }

    public PredictionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
