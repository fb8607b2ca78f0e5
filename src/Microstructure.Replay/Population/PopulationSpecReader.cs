using System.Text;
using System.Text.Json;
using Microstructure.Replay.Io;
using Microstructure.Risk;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;

namespace Microstructure.Replay.Population;

/// <summary>
/// Reads a population spec (JSON; docs/replay.md lists every field). Sizes, the entry time and the entry price are
/// written in the units of the replayed source, like an injection file, and converted exactly; a bad or unknown field
/// is a <see cref="ReplayInputException"/> naming the file and the field path (<c>leverage.min: …</c>), and so are a
/// field given twice in one object and anything after the spec's one JSON object (comments aside).
/// </summary>
public static class PopulationSpecReader
{
    private static readonly string[] KnownFields =
        ["accounts", "seed", "longFraction", "leverage", "size", "entry", "marginMode", "mark", "liquidation", "takerFeeRate", "makerFeeRate", "brackets"];

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="units">The replayed source's units (time, tick, lot).</param>
    /// <param name="design">A design name that replaces the file's <c>liquidation.design</c> (its options then apply only if the file names the same design), or null.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ReplayInputException">The file is missing, not JSON, or a field is wrong.</exception>
    public static PopulationSpec Read(string path, SourceUnits units, string? design = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ReplayInputException(path, 0, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReplayInputException(path, 0, "cannot be opened: " + e.Message);
        }

        return Parse(bytes, path, units, design);
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8, or null when <paramref name="bytes"/> is all UTF-8.</summary>
    internal static long? InvalidUtf8Line(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false);
        return bytes[..read].Count((byte)'\n') + 1;
    }

    /// <summary>Parses a spec from JSON text (UTF-8).</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="source">Name used in messages.</param>
    /// <param name="units">The replayed source's units.</param>
    /// <param name="design">Design override, as in <see cref="Read"/>.</param>
    /// <returns>The spec.</returns>
    public static PopulationSpec Parse(ReadOnlySpan<byte> json, string source, SourceUnits units, string? design = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (InvalidUtf8Line(json) is { } badLine)
        {
            // System.Text.Json reads such bytes as a string token and throws only when the text is asked for.
            throw new ReplayInputException(source, badLine, "not UTF-8 text (a byte sequence that is not UTF-8); save the file as UTF-8", InputErrorKind.Malformed);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
            try
            {
                // ParseValue stops after the first value: a second document would otherwise be ignored without a word.
                reader.Read();
            }
            catch (JsonException e)
            {
                document.Dispose();
                throw new ReplayInputException(source, (e.LineNumber ?? -1) + 1, "unexpected content after the population spec's JSON object (a file holds exactly one)");
            }
        }
        catch (JsonException e)
        {
            throw new ReplayInputException(source, (e.LineNumber ?? -1) + 1, "not valid JSON: " + e.Message.Split(" Path:", 2)[0]);
        }

        using (document)
        {
            var fields = new Fields(source, units);
            fields.RefuseDuplicates(document.RootElement, string.Empty);
            return fields.Spec(document.RootElement, design);
        }
    }

    /// <summary>Walks the document, naming the field path in every error.</summary>
    private readonly struct Fields(string source, SourceUnits units)
    {
        public PopulationSpec Spec(JsonElement root, string? design)
        {
            Expect(root, JsonValueKind.Object, "(root)");
            RefuseUnknown(root, string.Empty, KnownFields);
            var accounts = Int(Required(root, "accounts"), "accounts", 1, 1_000_000);
            var size = Required(root, "size");
            Expect(size, JsonValueKind.Object, "size");
            RefuseUnknown(size, "size.", ["min", "max"]);
            var minLots = Units(Required(size, "min", "size.min"), "size.min", units.Lot);
            var maxLots = Units(Required(size, "max", "size.max"), "size.max", units.Lot);
            Check(minLots > 0, "size.min", "must be positive");
            Check(maxLots >= minLots, "size.max", "must be at least size.min");
            return new PopulationSpec
            {
                Source = source,
                Accounts = (int)accounts,
                Seed = Optional(root, "seed") is { } seed ? Int(seed, "seed", 0, long.MaxValue) : 1,
                LongFraction = Optional(root, "longFraction") is { } f ? Decimal(f, "longFraction", 0m, 1m) : 1m,
                Leverage = Leverage(Required(root, "leverage")),
                MinLots = minLots,
                MaxLots = maxLots,
                Entry = Entry(Required(root, "entry")),
                MarginMode = Optional(root, "marginMode") is { } mode ? Choice(mode, "marginMode", [("cross", MarginMode.Cross), ("isolated", MarginMode.Isolated)]) : MarginMode.Cross,
                Mark = Optional(root, "mark") is { } mark
                    ? Choice(mark, "mark", [("mid", MarkSource.Mid), ("last-trade", MarkSource.LastTrade), ("ticker-mark", MarkSource.TickerMark), ("median-of-three", MarkSource.MedianOfThree)])
                    : MarkSource.Mid,
                Liquidation = Liquidation(Optional(root, "liquidation"), design),
                TakerFeeRate = Optional(root, "takerFeeRate") is { } taker ? Decimal(taker, "takerFeeRate", 0m, 0.1m) : 0.0004m,
                MakerFeeRate = Optional(root, "makerFeeRate") is { } maker ? Decimal(maker, "makerFeeRate", 0m, 0.1m) : 0.0002m,
                Brackets = Optional(root, "brackets") is { } brackets ? Brackets(brackets) : BracketTable.BinanceBtcUsdt2021,
            };
        }

        private LeverageSpec Leverage(JsonElement e)
        {
            Expect(e, JsonValueKind.Object, "leverage");
            RefuseUnknown(e, "leverage.", ["min", "max", "values", "weights"]);
            if (Optional(e, "values") is { } values)
            {
                Check(Optional(e, "min") is null && Optional(e, "max") is null, "leverage", "give either min and max, or values (and weights), not both");
                Expect(values, JsonValueKind.Array, "leverage.values");
                var list = new List<int>();
                foreach (var v in values.EnumerateArray())
                {
                    list.Add((int)Int(v, $"leverage.values[{list.Count}]", 1, 1000));
                }

                Check(list.Count > 0, "leverage.values", "needs at least one leverage");
                var weights = new List<int>();
                if (Optional(e, "weights") is { } w)
                {
                    Expect(w, JsonValueKind.Array, "leverage.weights");
                    foreach (var v in w.EnumerateArray())
                    {
                        weights.Add((int)Int(v, $"leverage.weights[{weights.Count}]", 1, 1_000_000));
                    }

                    Check(weights.Count == list.Count, "leverage.weights", $"needs one weight per value ({list.Count}); got {weights.Count}");
                }
                else
                {
                    weights.AddRange(list.Select(_ => 1));
                }

                return new LeverageSpec { Values = list, Weights = weights };
            }

            Check(Optional(e, "weights") is null, "leverage.weights", "goes with leverage.values");
            var min = (int)Int(Required(e, "min", "leverage.min"), "leverage.min", 1, 1000);
            var max = (int)Int(Required(e, "max", "leverage.max"), "leverage.max", 1, 1000);
            Check(max >= min, "leverage.max", "must be at least leverage.min");
            return new LeverageSpec { Min = min, Max = max };
        }

        private PopulationEntry Entry(JsonElement e)
        {
            Expect(e, JsonValueKind.Object, "entry");
            RefuseUnknown(e, "entry.", ["time", "price"]);
            var time = Optional(e, "time");
            var price = Optional(e, "price");
            Check(time is null != price is null, "entry", "give exactly one of time and price");
            if (time is { } t)
            {
                if (!units.TryParseTime(Text(t, "entry.time"), out var ns))
                {
                    Fail("entry.time", $"'{t}' is not a time in the source's format ({units.Time})");
                }

                return new PopulationEntry(ns, null);
            }

            var ticks = Units(price!.Value, "entry.price", units.Tick);
            Check(ticks > 0, "entry.price", "must be positive");
            return new PopulationEntry(null, ticks);
        }

        private LiquidationDesignOptions Liquidation(JsonElement? e, string? design)
        {
            string name = LiquidationPolicies.InsuranceFund;
            JsonElement? options = null;
            if (e is { } l)
            {
                Expect(l, JsonValueKind.Object, "liquidation");
                RefuseUnknown(l, "liquidation.", ["design", "options"]);
                if (Optional(l, "design") is { } d)
                {
                    Expect(d, JsonValueKind.String, "liquidation.design");
                    name = d.GetString()!;
                }

                options = Optional(l, "options");
            }

            if (design is not null && design != name)
            {
                // The file's options belong to the design it names; another design starts from its own defaults.
                name = design;
                options = null;
            }

            try
            {
                return LiquidationPolicies.CreateDesign(name, options, "liquidation");
            }
            catch (RiskConfigurationException x)
            {
                throw new ReplayInputException(source, 0, x.Message, InputErrorKind.InvalidValue);
            }
        }

        private BracketTable Brackets(JsonElement e)
        {
            Expect(e, JsonValueKind.Array, "brackets");
            var specs = new List<MarginBracketSpec>();
            foreach (var b in e.EnumerateArray())
            {
                var at = $"brackets[{specs.Count}]";
                Expect(b, JsonValueKind.Object, at);
                RefuseUnknown(b, at + ".", ["notionalCap", "maxLeverage", "maintenanceRate"]);
                specs.Add(new MarginBracketSpec(
                    Decimal(Required(b, "notionalCap", at + ".notionalCap"), at + ".notionalCap", 0m, 1e15m),
                    (int)Int(Required(b, "maxLeverage", at + ".maxLeverage"), at + ".maxLeverage", 1, 1000),
                    Decimal(Required(b, "maintenanceRate", at + ".maintenanceRate"), at + ".maintenanceRate", 0m, 1m)));
            }

            try
            {
                return new BracketTable(specs, "brackets");
            }
            catch (RiskConfigurationException x)
            {
                throw new ReplayInputException(source, 0, x.Message, InputErrorKind.InvalidValue);
            }
        }

        private long Units(JsonElement e, string path, DecimalUnit unit)
        {
            var text = Text(e, path);
            if (!AsciiNumber.TryParseDecimal(text, out var mantissa, out var exponent))
            {
                Fail(path, $"'{e}' is not a decimal number", InputErrorKind.NotANumber);
            }

            return unit.TryToUnits(mantissa, exponent, out var value) switch
            {
                Io.UnitConversion.Ok => value,
                Io.UnitConversion.NotMultiple => throw Error(path, $"{e} is not a multiple of {unit.Value} (the source's unit)"),
                _ => throw Error(path, $"{e} is out of range"),
            };
        }

        private long Int(JsonElement e, string path, long min, long max)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value))
            {
                throw Error(path, $"must be an integer; got {Describe(e)}", InputErrorKind.NotANumber);
            }

            Check(value >= min && value <= max, path, $"must be in [{min}, {max}]; got {value}");
            return value;
        }

        private decimal Decimal(JsonElement e, string path, decimal min, decimal max)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var value))
            {
                throw Error(path, $"must be a number; got {Describe(e)}", InputErrorKind.NotANumber);
            }

            Check(value >= min && value <= max, path, $"must be in [{min}, {max}]; got {value}");
            return value;
        }

        private T Choice<T>(JsonElement e, string path, (string Name, T Value)[] choices)
        {
            Expect(e, JsonValueKind.String, path);
            var text = e.GetString();
            foreach (var (name, value) in choices)
            {
                if (name == text)
                {
                    return value;
                }
            }

            throw Error(path, $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.Name))}", InputErrorKind.InvalidValue);
        }

        /// <summary>The characters of a number or string field (numbers as written, so no binary rounding happens).</summary>
        private byte[] Text(JsonElement e, string path) => e.ValueKind switch
        {
            JsonValueKind.Number => Encoding.UTF8.GetBytes(e.GetRawText()),
            JsonValueKind.String => Encoding.UTF8.GetBytes(e.GetString()!),
            _ => throw Error(path, $"must be a number or a string; got {Describe(e)}", InputErrorKind.NotANumber),
        };

        private JsonElement Required(JsonElement parent, string name, string? path = null) =>
            Optional(parent, name) ?? throw Error(path ?? name, "is required", InputErrorKind.Malformed);

        private static JsonElement? Optional(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        /// <summary>Refuses a field given twice in one object, anywhere in the document (JSON readers would keep either silently).</summary>
        public void RefuseDuplicates(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    if (!seen.Add(p.Name))
                    {
                        Fail(path + p.Name, "is given twice", InputErrorKind.Malformed);
                    }

                    RefuseDuplicates(p.Value, path + p.Name + ".");
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in e.EnumerateArray())
                {
                    RefuseDuplicates(item, $"{path.TrimEnd('.')}[{index++}].");
                }
            }
        }

        private void RefuseUnknown(JsonElement e, string prefix, string[] known)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (Array.IndexOf(known, p.Name) < 0)
                {
                    Fail(prefix + p.Name, $"unknown field (expected one of: {string.Join(", ", known)})", InputErrorKind.Malformed);
                }
            }
        }

        private void Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind != kind)
            {
                Fail(path, $"must be a JSON {kind.ToString().ToLowerInvariant()}; got {Describe(e)}", InputErrorKind.Malformed);
            }
        }

        private void Check(bool condition, string path, string problem)
        {
            if (!condition)
            {
                Fail(path, problem);
            }
        }

        private void Fail(string path, string problem, InputErrorKind kind = InputErrorKind.InvalidValue) => throw Error(path, problem, kind);

        private ReplayInputException Error(string path, string problem, InputErrorKind kind = InputErrorKind.InvalidValue) =>
            new(source, 0, $"{path}: {problem}", kind);

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => $"'{e.GetString()}'",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => e.ValueKind.ToString().ToLowerInvariant(),
        };
    }
}
