using System;
using System.ComponentModel;
using System.Globalization;

namespace CrmGen.Mapping;

/// <summary>
/// The value conversions of the mapping language (<c>as datetime</c>, <c>as cents</c>…) and the
/// text form of scalars, for values already in memory (the read path converts provider JSON
/// directly with <see cref="CrmJsonReader"/>). Always invariant culture; null in gives null out;
/// text that does not parse gives null.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrmConvert
{
    private static readonly string[] s_dateFormats = { "yyyy-MM-dd" };

    /// <summary>The text itself.</summary>
    public static string? ToText(string? value) => value;

    /// <summary>The number as invariant text.</summary>
    public static string? ToText(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number as invariant text.</summary>
    public static string? ToText(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number as invariant text.</summary>
    public static string? ToText(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number as invariant, round-trippable text.</summary>
    public static string? ToText(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string? ToText(bool? value) => value is null ? null : value.Value ? "true" : "false";

    /// <summary>ISO-8601 (<c>O</c> format).</summary>
    public static string? ToText(DateTimeOffset? value) => ToIsoDateTime(value);

    /// <summary>ISO-8601 date-time text in the round-trip (<c>O</c>) format.</summary>
    public static string? ToIsoDateTime(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd</c> of the value's UTC date.</summary>
    public static string? ToIsoDate(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Unix seconds.</summary>
    public static long? ToEpochSeconds(DateTimeOffset? value) => value?.ToUnixTimeSeconds();

    /// <summary>Unix milliseconds.</summary>
    public static long? ToEpochMilliseconds(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    /// <summary>A decimal amount as integer minor units (× 100, rounded half away from zero).</summary>
    public static long? ToCents(decimal? amount)
    {
        if (amount is null) return null;
        var minor = decimal.Round(amount.Value * 100m, 0, MidpointRounding.AwayFromZero);
        return minor < long.MinValue || minor > long.MaxValue ? null : (long)minor;
    }

    /// <summary>Integer minor units as a decimal amount (÷ 100).</summary>
    public static decimal? FromCents(decimal? minor) => minor / 100m;

    /// <summary>Integer minor units as a decimal amount (÷ 100).</summary>
    public static decimal? FromCents(long? minor) => minor / 100m;

    /// <summary>Integer minor units, given as text, as a decimal amount (÷ 100).</summary>
    public static decimal? FromCents(string? minor) => ToDecimal(minor) / 100m;

    /// <summary>ISO-8601 text as a DateTimeOffset; a value without an offset is UTC.</summary>
    public static DateTimeOffset? ParseIsoDateTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : null;
    }

    /// <summary><c>yyyy-MM-dd</c> (or a date-time's date) as midnight UTC.</summary>
    public static DateTimeOffset? ParseIsoDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
        }
        var full = ParseIsoDateTime(trimmed);
        return full is null ? null : new DateTimeOffset(full.Value.Year, full.Value.Month, full.Value.Day, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Unix seconds as a DateTimeOffset (UTC); out of range gives null.</summary>
    public static DateTimeOffset? FromEpochSeconds(decimal? seconds) => FromEpochMilliseconds(seconds * 1000m);

    /// <summary>Unix seconds as a DateTimeOffset (UTC).</summary>
    public static DateTimeOffset? FromEpochSeconds(long? seconds) => FromEpochSeconds((decimal?)seconds);

    /// <summary>Unix seconds, given as text, as a DateTimeOffset (UTC).</summary>
    public static DateTimeOffset? FromEpochSeconds(string? seconds) => FromEpochSeconds(ToDecimal(seconds));

    /// <summary>Unix milliseconds as a DateTimeOffset (UTC); out of range gives null.</summary>
    public static DateTimeOffset? FromEpochMilliseconds(decimal? milliseconds)
    {
        if (milliseconds is null) return null;
        var whole = decimal.Truncate(milliseconds.Value);
        const decimal min = -62135596800000m;
        const decimal max = 253402300799999m;
        if (whole < min || whole > max) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)whole);
    }

    /// <summary>Unix milliseconds as a DateTimeOffset (UTC).</summary>
    public static DateTimeOffset? FromEpochMilliseconds(long? milliseconds) => FromEpochMilliseconds((decimal?)milliseconds);

    /// <summary>Unix milliseconds, given as text, as a DateTimeOffset (UTC).</summary>
    public static DateTimeOffset? FromEpochMilliseconds(string? milliseconds) => FromEpochMilliseconds(ToDecimal(milliseconds));

    /// <summary>Numeric text (invariant) as a decimal.</summary>
    public static decimal? ToDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The number as a decimal.</summary>
    public static decimal? ToDecimal(long? value) => value;

    /// <summary>The number as a decimal.</summary>
    public static decimal? ToDecimal(decimal? value) => value;

    /// <summary>The number as a decimal (null when out of range).</summary>
    public static decimal? ToDecimal(double? value)
    {
        if (value is null || double.IsNaN(value.Value) || double.IsInfinity(value.Value)) return null;
        var d = value.Value;
        return d < (double)decimal.MinValue || d > (double)decimal.MaxValue ? null : (decimal)d;
    }

    /// <summary>Numeric text with no fractional part as a long.</summary>
    public static long? ToInt64(string? text) => ToInt64(ToDecimal(text));

    /// <summary>The number as a long.</summary>
    public static long? ToInt64(long? value) => value;

    /// <summary>A decimal with no fractional part as a long (null otherwise).</summary>
    public static long? ToInt64(decimal? value)
    {
        if (value is null) return null;
        var v = value.Value;
        if (decimal.Truncate(v) != v || v < long.MinValue || v > long.MaxValue) return null;
        return (long)v;
    }

    /// <summary><c>true</c>/<c>false</c> text (any case) as a bool.</summary>
    public static bool? ToBoolean(string? text)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }

    /// <summary>The bool itself.</summary>
    public static bool? ToBoolean(bool? value) => value;
}
