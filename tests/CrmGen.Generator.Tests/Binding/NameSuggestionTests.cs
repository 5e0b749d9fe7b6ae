using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Tests.Binding;

public class NameSuggestionTests
{
    private static readonly string[] Fields = { "first_name", "last_name", "email_addresses", "etag", "id", "name", "created_at" };

    [Theory]
    [InlineData("frist_name", "first_name")]
    [InlineData("firstname", "first_name")]
    [InlineData("First_Name", "first_name")]
    [InlineData("emails", "email_addresses")]
    [InlineData("email", "email_addresses")]
    [InlineData("created", "created_at")]
    [InlineData("nme", "name")]
    [InlineData("ie", "id")]
    [InlineData("x", null)]
    [InlineData("nickname", null)]
    [InlineData("", null)]
    public void Suggests_the_closest_name(string typed, string? expected)
        => Assert.Equal(expected, NameSuggestion.Find(typed, Fields));

    [Fact]
    public void Hint_is_empty_or_a_question()
    {
        Assert.Equal("; did you mean 'first_name'?", NameSuggestion.Hint("frist_name", Fields));
        Assert.Equal("", NameSuggestion.Hint("zzz", Fields));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_and_swaps(string a, string b, int distance)
        => Assert.Equal(distance, NameSuggestion.Distance(a, b));
}
