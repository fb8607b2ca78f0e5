using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microstructure.Agents.Randomness;

/// <summary>Reads a <see cref="ValueDistribution"/> from a number (fixed) or an object with camelCase fields; unknown fields are refused.</summary>
internal sealed class ValueDistributionConverter : JsonConverter<ValueDistribution>
{
    /// <inheritdoc />
    public override ValueDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ValueDistribution.Fixed(reader.GetDouble());
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"must be a number or an object such as {{\"distribution\": \"uniform\", \"min\": 1, \"max\": 10}}; got {reader.TokenType}");
        }

        var result = new ValueDistribution();
        string? minName = null, exponentName = null, medianName = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            result = name switch
            {
                "distribution" => result with { Distribution = ReadKind(ref reader) },
                "value" => result with { Value = ReadNumber(ref reader, name) },
                "min" or "scale" => result with { Min = ReadNumber(ref reader, Once(ref minName, name)) },
                "max" => result with { Max = ReadNumber(ref reader, name) },
                "exponent" or "alpha" => result with { Exponent = ReadNumber(ref reader, Once(ref exponentName, name)) },
                "mean" => result with { Mean = ReadNumber(ref reader, name) },
                "median" => result with { Median = ReadNumber(ref reader, Once(ref medianName, name)) },
                "mu" => result with { Median = Math.Exp(ReadNumber(ref reader, Once(ref medianName, name))) },
                "sigma" => result with { Sigma = ReadNumber(ref reader, name) },
                _ => throw new JsonException($"unknown field '{name}'; expected distribution, value, min (scale), max, exponent (alpha), mean, median (mu) or sigma"),
            };
        }

        return result;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ValueDistribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Distribution == DistributionKind.Fixed)
        {
            writer.WriteNumberValue(value.Value);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("distribution", JsonNamingPolicy.CamelCase.ConvertName(value.Distribution.ToString()));
        writer.WriteNumber("min", value.Min);
        writer.WriteNumber("max", value.Max);
        if (value.Distribution is DistributionKind.PowerLaw or DistributionKind.Pareto)
        {
            writer.WriteNumber("exponent", value.Exponent);
        }

        if (value.Distribution == DistributionKind.Exponential)
        {
            writer.WriteNumber("mean", value.Mean);
        }

        if (value.Distribution == DistributionKind.LogNormal)
        {
            writer.WriteNumber("median", value.Median);
            writer.WriteNumber("sigma", value.Sigma);
        }

        writer.WriteEndObject();
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"'{name}' must be a number; got {reader.TokenType}");
        }

        return reader.GetDouble();
    }

    /// <summary>Refuses a second spelling of the same parameter (min and scale, exponent and alpha, median and mu).</summary>
    private static string Once(ref string? seen, string name)
    {
        if (seen is not null)
        {
            throw new JsonException($"'{name}' and '{seen}' set the same parameter; give one of them");
        }

        seen = name;
        return name;
    }

    private static DistributionKind ReadKind(ref Utf8JsonReader reader)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text switch
        {
            "fixed" => DistributionKind.Fixed,
            "uniform" => DistributionKind.Uniform,
            "logUniform" => DistributionKind.LogUniform,
            "powerLaw" => DistributionKind.PowerLaw,
            "exponential" => DistributionKind.Exponential,
            "pareto" => DistributionKind.Pareto,
            "logNormal" => DistributionKind.LogNormal,
            _ => throw new JsonException($"unknown distribution '{text}'; expected fixed, uniform, logUniform, powerLaw, exponential, pareto or logNormal"),
        };
    }
}
