using System.Text;
using System.Text.Json;

namespace CrmGen.Benchmarks.Infrastructure;

/// <summary>
/// Asserts that the variants of a scenario produce the same output before any of them is timed:
/// pages are compared as the unified JSON of their records (the runtime's
/// <see cref="UnifiedJsonContext"/>) plus their next cursor, bodies byte for byte.
/// </summary>
public static class OutputCheck
{
    /// <summary>The unified JSON of a page: its records and its next cursor.</summary>
    public static string Describe(CrmPage<Contact> page)
        => JsonSerializer.Serialize(page.Records, UnifiedJsonContext.Default.ListContact) + " next=" + (page.NextCursor ?? "(none)");

    /// <summary>The unified JSON of one contact.</summary>
    public static string Describe(Contact contact) => JsonSerializer.Serialize(contact, UnifiedJsonContext.Default.Contact);

    /// <summary>Throws <see cref="BenchmarkOutputMismatchException"/> when <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="baselineName">The variant that gave <paramref name="expected"/>.</param>
    /// <param name="variantName">The variant that gave <paramref name="actual"/>.</param>
    /// <param name="expected">The baseline's output.</param>
    /// <param name="actual">The variant's output.</param>
    public static void Equal(string scenario, string baselineName, string variantName, string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return;
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        throw new BenchmarkOutputMismatchException(
            $"{scenario}: {variantName} differs from {baselineName} at character {at}:{Environment.NewLine}" +
            $"  {baselineName}: …{Excerpt(expected, at)}…{Environment.NewLine}" +
            $"  {variantName}: …{Excerpt(actual, at)}…");
    }

    /// <summary>UTF-8 bytes as text, for <see cref="Equal"/>.</summary>
    public static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 60);
        return text.Substring(start, Math.Min(text.Length - start, 140));
    }
}

/// <summary>Two variants of a scenario produced different output.</summary>
public sealed class BenchmarkOutputMismatchException(string message) : Exception(message);
