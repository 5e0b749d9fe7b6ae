using System.Text;

namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>The merge rule of <c>remote_data</c> into the provider request body.</summary>
public class RemoteDataMergeTests
{
    private static string Merge(string body, string remoteData)
    {
        using var merged = RemoteDataMerger.Merge(Encoding.UTF8.GetBytes(body), new RawJson(Encoding.UTF8.GetBytes(remoteData)), "test", "contacts", "create");
        return Encoding.UTF8.GetString(merged.WrittenSpan);
    }

    [Theory]
    [InlineData("""{"a":1}""", """{}""", """{"a":1}""")]
    [InlineData("""{"a":1}""", """{"b":2}""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1,"b":2}""", """{"a":9}""", """{"a":9,"b":2}""")]
    [InlineData("""{"p":{"x":1,"y":2}}""", """{"p":{"y":3,"z":4}}""", """{"p":{"x":1,"y":3,"z":4}}""")]
    [InlineData("""{"p":{"q":{"r":1,"s":2}}}""", """{"p":{"q":{"s":null}}}""", """{"p":{"q":{"r":1,"s":null}}}""")]
    [InlineData("""{"list":[1,2,3]}""", """{"list":[4]}""", """{"list":[4]}""")]
    [InlineData("""{"p":{"x":1}}""", """{"p":"flat"}""", """{"p":"flat"}""")]
    [InlineData("""{"p":"flat"}""", """{"p":{"x":1}}""", """{"p":{"x":1}}""")]
    [InlineData("""{"a":1}""", """{"a":null}""", """{"a":null}""")]
    [InlineData("""{"a":1}""", """{"b":1,"b":2}""", """{"a":1,"b":2}""")]
    [InlineData("""{"z":1,"a":2}""", """{"m":3,"a":4}""", """{"z":1,"a":4,"m":3}""")]
    [InlineData("""{"name":"Ada"}""", """{"name":"\u00c9lise","note":"caf\u00e9"}""", """{"name":"\u00C9lise","note":"caf\u00E9"}""")]
    public void Objects_merge_recursively_and_remote_data_wins_elsewhere(string body, string remoteData, string expected)
    {
        Assert.Equal(expected, Merge(body, remoteData));
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        var ex = Assert.Throws<CrmValidationException>(() => Merge("[1,2]", """{"a":1}"""));

        Assert.Equal("remote_data", ex.Field);
        Assert.Contains("its body is a JSON array, not an object", ex.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("{}x")]
    [InlineData("")]
    public void Remote_data_must_be_one_object(string remoteData)
    {
        var ex = Assert.Throws<CrmValidationException>(() => RemoteDataMerger.Validate(new RawJson(Encoding.UTF8.GetBytes(remoteData)), "test"));

        Assert.Equal("remote_data", ex.Field);
        Assert.Equal("test", ex.Provider);
    }

    [Fact]
    public void A_large_merge_round_trips()
    {
        var body = "{\"properties\":{" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"p{i}\":\"{new string('v', 40)}\"")) + "}}";
        var patch = "{\"properties\":{" + string.Join(",", Enumerable.Range(250, 500).Select(i => $"\"p{i}\":{i}")) + "}}";

        using var document = System.Text.Json.JsonDocument.Parse(Merge(body, patch));

        var properties = document.RootElement.GetProperty("properties");
        Assert.Equal(750, properties.EnumerateObject().Count());
        Assert.Equal(new string('v', 40), properties.GetProperty("p0").GetString());
        Assert.Equal(300, properties.GetProperty("p300").GetInt32());
        Assert.Equal(749, properties.GetProperty("p749").GetInt32());
    }
}
