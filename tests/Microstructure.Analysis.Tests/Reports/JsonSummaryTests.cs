using System.Text.Json;
using Microstructure.Analysis.Reports;

namespace Microstructure.Analysis.Tests.Reports;

public sealed class JsonSummaryTests
{
    [Fact]
    public void Keys_come_out_in_insertion_order_with_invariant_numbers_and_LF_line_ends()
    {
        var s = new JsonSummary()
            .Add("zeta", 1L)
            .Add("alpha", 0.1)
            .Add("name", "calm ≥ 2")
            .Add("ok", true);
        s.AddObject("nested").Add("b", 2L).Add("a", (long?)null);

        string json = s.ToJson();

        Assert.Equal(
            "{\n  \"zeta\": 1,\n  \"alpha\": 0.1,\n  \"name\": \"calm ≥ 2\",\n  \"ok\": true,\n  \"nested\": {\n    \"b\": 2,\n    \"a\": null\n  }\n}\n",
            json);
    }

    [Fact]
    public void Non_finite_doubles_become_null_so_the_file_stays_valid_json()
    {
        string json = new JsonSummary()
            .Add("nan", double.NaN)
            .Add("inf", double.PositiveInfinity)
            .Add("values", [1.5, double.NaN])
            .ToJson();

        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("nan").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("inf").ValueKind);
        Assert.Equal(1.5, doc.RootElement.GetProperty("values")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("values")[1].ValueKind);
    }

    [Fact]
    public void Doubles_round_trip_exactly()
    {
        double v = 0.1 + 0.2;
        using JsonDocument doc = JsonDocument.Parse(new JsonSummary().Add("v", v).ToJson());

        Assert.Equal(v, doc.RootElement.GetProperty("v").GetDouble());
    }

    [Fact]
    public void Arrays_of_objects_longs_and_strings_are_written()
    {
        string json = new JsonSummary()
            .Add("items", [new JsonSummary().Add("x", 1L), new JsonSummary().Add("x", 2L)])
            .Add("ids", [3L, 4L])
            .Add("names", ["a", "b"])
            .ToJson();

        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.GetProperty("items")[1].GetProperty("x").GetInt64());
        Assert.Equal(4, doc.RootElement.GetProperty("ids")[1].GetInt64());
        Assert.Equal("b", doc.RootElement.GetProperty("names")[1].GetString());
    }

    [Fact]
    public void A_repeated_key_is_rejected()
    {
        var s = new JsonSummary().Add("a", 1L);

        var ex = Assert.Throws<ArgumentException>(() => s.Add("a", 2L));
        Assert.Contains("'a'", ex.Message);
    }

    [Fact]
    public void Save_writes_the_same_bytes_as_ToJson_without_BOM()
    {
        string path = Path.Combine(Path.GetTempPath(), "ms-json-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var s = new JsonSummary().Add("a", 1L);
            s.Save(path);

            Assert.Equal(s.ToJson(), File.ReadAllText(path));
            Assert.Equal((byte)'{', File.ReadAllBytes(path)[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
