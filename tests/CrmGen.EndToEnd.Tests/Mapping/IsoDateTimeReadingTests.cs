using System.Globalization;
using System.Text;
using System.Text.Json;
using CrmGen.Mapping;

namespace CrmGen.EndToEnd.Tests.Mapping;

/// <summary>
/// <c>as datetime</c> on the read path: the forms providers send are parsed from the UTF-8 bytes,
/// and every one gives the instant the framework's general parser gives for the same text.
/// </summary>
public sealed class IsoDateTimeReadingTests
{
    [Theory]
    [InlineData("2024-01-15T10:30:00Z", "2024-01-15T10:30:00+00:00")]
    [InlineData("2024-01-15T10:30:00.000Z", "2024-01-15T10:30:00+00:00")]
    [InlineData("2024-01-15T10:30:00.123Z", "2024-01-15T10:30:00.123+00:00")]
    [InlineData("2024-01-15T10:30:00.1234567Z", "2024-01-15T10:30:00.1234567+00:00")]
    [InlineData("2024-01-15T10:30:00.123456789Z", "2024-01-15T10:30:00.1234567+00:00")]
    [InlineData("2024-01-15T10:30:00.000+0000", "2024-01-15T10:30:00+00:00")] // Salesforce
    [InlineData("2024-01-15T10:30:00.000-0800", "2024-01-15T10:30:00-08:00")]
    [InlineData("2024-01-15T10:30:00+05:30", "2024-01-15T10:30:00+05:30")]
    [InlineData("2024-01-15T10:30:00-03", "2024-01-15T10:30:00-03:00")]
    [InlineData("2024-01-15 10:30:00", "2024-01-15T10:30:00+00:00")] // Pipedrive: UTC without a zone
    [InlineData("2024-01-15T10:30:00", "2024-01-15T10:30:00+00:00")]
    [InlineData("2024-02-29T23:59:59.9999999+14:00", "2024-02-29T23:59:59.9999999+14:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    [InlineData("2024-01-15", "2024-01-15T00:00:00+00:00")]
    public void Provider_forms_read_as_the_same_instant_and_offset(string text, string expected)
    {
        var value = Read(text);

        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want, value);
        Assert.Equal(want.Offset, value!.Value.Offset);
    }

    [Theory]
    [InlineData("2024-01-15T10:30:00.000+0000")]
    [InlineData("2024-06-30T23:15:42.5-0230")]
    [InlineData("1999-12-31T23:59:59Z")]
    public void The_byte_parser_agrees_with_the_general_parser(string text)
    {
        Assert.True(CrmJsonReader.TryParseIsoDateTime(Encoding.UTF8.GetBytes(text), out var fast));
        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture), fast);
    }

    [Theory]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-15T24:00:00Z")]
    [InlineData("2024-01-15T10:30:00+15:00")]
    [InlineData("2024-01-15T10:30:00.Z")]
    [InlineData("2024-01-15T10:30:00+05:3")]
    [InlineData("2024-01-15T10:30:00Zjunk")]
    [InlineData("0001-01-01T00:00:00+01:00")] // before DateTimeOffset.MinValue in UTC
    public void Malformed_or_out_of_range_text_is_not_taken_by_the_byte_parser(string text)
    {
        Assert.False(CrmJsonReader.TryParseIsoDateTime(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Text_that_is_no_date_reads_as_a_mismatch()
    {
        var reader = ReaderOn("\"next tuesday\"");
        Assert.False(CrmJsonReader.TryReadIsoDateTime(ref reader, out _));
    }

    [Fact]
    public void An_escaped_string_still_reads()
    {
        Assert.Equal(DateTimeOffset.Parse("2024-01-15T10:30:00+00:00", CultureInfo.InvariantCulture), ReadJson("\"2024-01-15T10:30:00\\u002B0000\""));
    }

    private static DateTimeOffset? Read(string text) => ReadJson(JsonSerializer.Serialize(text));

    private static DateTimeOffset? ReadJson(string json)
    {
        var reader = ReaderOn(json);
        Assert.True(CrmJsonReader.TryReadIsoDateTime(ref reader, out var value));
        return value;
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return reader;
    }
}
