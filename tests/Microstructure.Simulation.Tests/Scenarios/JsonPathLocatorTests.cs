using System.Text;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Simulation.Tests.Scenarios;

public class JsonPathLocatorTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""
        {
          // comment
          "a": 1,
          "list": [
            { "x": 1 },
            {
              "x": 2,
              "inner": { "deep": [10, 20] }
            }
          ]
        }
        """);

    [Theory]
    [InlineData("a", 3L)]
    [InlineData("list", 4L)]
    [InlineData("list[0]", 5L)]
    [InlineData("list[1].x", 7L)]
    [InlineData("list[1].inner.deep[1]", 8L)]
    [InlineData("list[1].missing", 6L)]
    [InlineData("nothing", null)]
    public void It_finds_the_line_of_a_path_or_of_its_nearest_existing_parent(string path, long? line)
    {
        Assert.Equal(line, JsonPathLocator.FindLine(Json, path));
    }
}
