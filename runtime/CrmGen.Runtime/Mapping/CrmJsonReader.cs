using System;
using System.Buffers;
using System.Buffers.Text;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace CrmGen.Mapping;

/// <summary>
/// Reads provider JSON values for generated adapters. Every <c>TryRead…</c> method looks at the
/// token the reader is on and never moves the reader: it returns <see langword="true"/> with the
/// value (null for a JSON <c>null</c>) when the token has the expected form, and
/// <see langword="false"/> when it does not, so the caller can throw
/// <see cref="UnexpectedValue"/> with the JSON path. Nothing is allocated except the strings the
/// unified records keep.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrmJsonReader
{
    /// <summary>True when a response body is empty or only whitespace (a success without content).</summary>
    public static bool IsEmptyBody(ReadOnlySpan<byte> utf8Json)
    {
        foreach (var b in utf8Json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }
        return true;
    }

    /// <summary>A string field: a JSON string, or a number as its source text.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.Number:
                value = NumberText(ref reader);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary><c>as string</c>: any scalar as text (numbers as their source text, booleans as <c>true</c>/<c>false</c>).</summary>
    public static bool TryReadText(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = "true";
                return true;
            case JsonTokenType.False:
                value = "false";
                return true;
            default:
                return TryReadString(ref reader, out value);
        }
    }

    /// <summary>A <c>long</c> field: a JSON number that is an integer in range.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>An <c>int</c> field: a JSON number that is an integer in range.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>A <c>decimal</c> field: a JSON number.</summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>A <c>double</c> field: a JSON number.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>A <c>bool</c> field: JSON <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// <c>as datetime</c>: ISO-8601 text. A value without an offset is taken as UTC (never the
    /// machine's local time).
    /// </summary>
    public static bool TryReadIsoDateTime(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var raw = reader.ValueSpan;
            if (TryParseIsoDateTime(raw, out var exact))
            {
                value = exact;
                return true;
            }
            if (reader.TryGetDateTimeOffset(out var parsed))
            {
                value = HasOffset(raw) ? parsed : new DateTimeOffset(parsed.DateTime, TimeSpan.Zero);
                return true;
            }
            if (TryParseIsoDate(raw, out var date))
            {
                value = date;
                return true;
            }
        }
        value = CrmConvert.ParseIsoDateTime(reader.GetString());
        return value is not null;
    }

    /// <summary><c>as date</c>: <c>yyyy-MM-dd</c> text, as midnight UTC (a full date-time gives its date).</summary>
    public static bool TryReadIsoDate(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && TryParseIsoDate(reader.ValueSpan, out var date))
        {
            value = date;
            return true;
        }
        value = CrmConvert.ParseIsoDate(reader.GetString());
        return value is not null;
    }

    /// <summary><c>as epoch_s</c>: Unix seconds, as a number or numeric text.</summary>
    public static bool TryReadEpochSeconds(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (!TryReadNumericDecimal(ref reader, out var seconds)) return false;
        if (seconds is null) return true;
        value = CrmConvert.FromEpochSeconds(seconds);
        return value is not null;
    }

    /// <summary><c>as epoch_ms</c>: Unix milliseconds, as a number or numeric text.</summary>
    public static bool TryReadEpochMilliseconds(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (!TryReadNumericDecimal(ref reader, out var milliseconds)) return false;
        if (milliseconds is null) return true;
        value = CrmConvert.FromEpochMilliseconds(milliseconds);
        return value is not null;
    }

    /// <summary><c>as decimal</c>: a number or numeric text (invariant culture).</summary>
    public static bool TryReadNumericDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number))
                {
                    value = number;
                    return true;
                }
                return false;
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    var raw = reader.ValueSpan;
                    if (raw.Length == 0) return true;
                    if (Utf8Parser.TryParse(raw, out decimal parsed, out var consumed) && consumed == raw.Length)
                    {
                        value = parsed;
                        return true;
                    }
                    if (Utf8Parser.TryParse(raw, out decimal scientific, out consumed, 'E') && consumed == raw.Length)
                    {
                        value = scientific;
                        return true;
                    }
                    return false;
                }
                value = CrmConvert.ToDecimal(reader.GetString());
                return value is not null;
            default:
                return false;
        }
    }

    /// <summary><c>as cents</c>: integer minor units (number or numeric text) as a decimal amount (÷ 100).</summary>
    public static bool TryReadCents(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (!TryReadNumericDecimal(ref reader, out var minor)) return false;
        value = minor / 100m;
        return true;
    }

    /// <summary><c>as int</c>: a number or numeric text with no fractional part, as <c>long</c>.</summary>
    public static bool TryReadNumericInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var direct))
        {
            value = direct;
            return true;
        }
        if (!TryReadNumericDecimal(ref reader, out var number)) return false;
        if (number is null) return true;
        value = CrmConvert.ToInt64(number);
        return value is not null;
    }

    /// <summary><c>as bool</c>: <c>true</c>/<c>false</c>, or the text <c>"true"</c>/<c>"false"</c> (any case).</summary>
    public static bool TryReadLenientBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("true"u8) || reader.ValueTextEquals("True"u8) || reader.ValueTextEquals("TRUE"u8))
            {
                value = true;
                return true;
            }
            if (reader.ValueTextEquals("false"u8) || reader.ValueTextEquals("False"u8) || reader.ValueTextEquals("FALSE"u8))
            {
                value = false;
                return true;
            }
            value = CrmConvert.ToBoolean(reader.GetString());
            return value is not null;
        }
        return TryReadBoolean(ref reader, out value);
    }

    /// <summary>Property names up to this many UTF-8 bytes are matched from a stack buffer.</summary>
    private const int StackNameLength = 256;

    /// <summary>
    /// The reader is on a property name: whether <paramref name="pattern"/> matches it (the name
    /// unescaped), without allocating for names of up to 256 bytes. The key pattern of a
    /// custom-field catch-all (<c>* matching "…"</c>).
    /// </summary>
    public static bool PropertyNameMatches(ref Utf8JsonReader reader, System.Text.RegularExpressions.Regex pattern)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > StackNameLength) return pattern.IsMatch(reader.GetString()!);
        // An unescaped name has no more UTF-16 chars than its UTF-8 bytes.
        Span<char> buffer = stackalloc char[StackNameLength];
        var written = reader.CopyString(buffer);
        return pattern.IsMatch(buffer.Slice(0, written));
    }

    /// <summary>
    /// The reader is on a property name: whether it starts with <paramref name="prefix"/> (UTF-8,
    /// ordinal), the key pattern <c>^prefix</c> of a catch-all; an escaped name goes to
    /// <paramref name="pattern"/>, the same pattern as a regex.
    /// </summary>
    public static bool PropertyNameStartsWith(ref Utf8JsonReader reader, ReadOnlySpan<byte> prefix, System.Text.RegularExpressions.Regex pattern)
        => reader.ValueIsEscaped || reader.HasValueSequence ? PropertyNameMatches(ref reader, pattern) : reader.ValueSpan.StartsWith(prefix);

    /// <summary>
    /// The reader is on a property name: whether it ends with <paramref name="suffix"/> (UTF-8,
    /// ordinal), the key pattern <c>suffix$</c> of a catch-all (an unescaped name cannot end in
    /// the line break <c>$</c> also allows); an escaped name goes to <paramref name="pattern"/>.
    /// </summary>
    public static bool PropertyNameEndsWith(ref Utf8JsonReader reader, ReadOnlySpan<byte> suffix, System.Text.RegularExpressions.Regex pattern)
        => reader.ValueIsEscaped || reader.HasValueSequence ? PropertyNameMatches(ref reader, pattern) : reader.ValueSpan.EndsWith(suffix);

    /// <summary>
    /// The reader is on a property name: whether it contains <paramref name="part"/> (UTF-8,
    /// ordinal), the unanchored key pattern <c>part</c> of a catch-all; an escaped name goes to
    /// <paramref name="pattern"/>.
    /// </summary>
    public static bool PropertyNameContains(ref Utf8JsonReader reader, ReadOnlySpan<byte> part, System.Text.RegularExpressions.Regex pattern)
        => reader.ValueIsEscaped || reader.HasValueSequence ? PropertyNameMatches(ref reader, pattern) : reader.ValueSpan.IndexOf(part) >= 0;

    /// <summary>
    /// Reads the value the reader is on as a custom-field value: string, <c>long</c>,
    /// <c>decimal</c> (or <c>double</c> beyond its range), <c>bool</c>, null, or a
    /// <see cref="JsonElement"/> for objects and arrays (the reader then ends on the closing token).
    /// </summary>
    public static object? ReadCustomFieldValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer)) return integer;
                if (reader.TryGetDecimal(out var number)) return number;
                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                return JsonElement.ParseValue(ref reader);
            default:
                return null;
        }
    }

    /// <summary>
    /// The error for a value of the wrong form at the reader's token: names the provider, the
    /// resource and the token's JSON path (computed from <paramref name="utf8Json"/>, only now).
    /// </summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="utf8Json">The whole response body the reader reads.</param>
    /// <param name="reader">The reader, on the offending token.</param>
    /// <param name="expected">What was expected, e.g. <c>a string</c> or <c>an ISO-8601 date-time</c>.</param>
    public static CrmMappingException UnexpectedValue(string provider, string resource, ReadOnlySpan<byte> utf8Json, ref Utf8JsonReader reader, string expected)
    {
        var path = CrmJsonPath.At(utf8Json, reader.TokenStartIndex);
        return new CrmMappingException(provider, resource, path, "expected " + expected + " but found " + Describe(ref reader) + ".");
    }

    /// <summary>The error for malformed JSON: the path is where reading stopped.</summary>
    public static CrmMappingException MalformedJson(string provider, string resource, ReadOnlySpan<byte> utf8Json, JsonException exception)
    {
        var path = CrmJsonPath.OfError(utf8Json);
        return new CrmMappingException(provider, resource, path, "the response is not valid JSON (" + exception.Message + ")", exception);
    }

    /// <summary>The error for a response without the record the mapping reads (<c>read from</c>).</summary>
    public static CrmMappingException MissingRecord(string provider, string resource, string jsonPath)
        => new(provider, resource, jsonPath, "the response has no record there.");

    private static string NumberText(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            return Encoding.UTF8.GetString(reader.ValueSequence.ToArray());
        }
        return Encoding.UTF8.GetString(reader.ValueSpan);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "the number " + NumberText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>True when ISO-8601 text carries a zone: <c>Z</c> or <c>±hh:mm</c> after the time.</summary>
    private static bool HasOffset(ReadOnlySpan<byte> text)
    {
        var t = text.IndexOfAny((byte)'T', (byte)'t');
        if (t < 0) return false;
        var time = text.Slice(t + 1);
        return time.IndexOfAny((byte)'Z', (byte)'z') >= 0 || time.IndexOfAny((byte)'+', (byte)'-') >= 0;
    }

    /// <summary>
    /// Parses the ISO-8601 date-times providers send, from the UTF-8 bytes without a string:
    /// <c>yyyy-MM-ddTHH:mm:ss</c> (or a space for <c>T</c>), an optional fraction of up to 9 digits
    /// (beyond 100 ns truncated), then <c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c> (Salesforce's
    /// <c>+0000</c>), <c>±hh</c>, or nothing (UTC). Anything else returns false, for the general parser.
    /// </summary>
    internal static bool TryParseIsoDateTime(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
            || text[13] != ':' || text[16] != ':')
        {
            return false;
        }
        if (!Digits(text.Slice(0, 4), out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            {
                if (digits < 7) fractionTicks = fractionTicks * 10 + (text[position] - '0');
                digits++;
                position++;
            }
            if (digits == 0 || digits > 9) return false;
            for (var i = digits; i < 7; i++) fractionTicks *= 10;
        }

        var offset = TimeSpan.Zero;
        if (position < text.Length)
        {
            var sign = text[position];
            if (sign == 'Z' || sign == 'z')
            {
                position++;
            }
            else if (sign == '+' || sign == '-')
            {
                var zone = text.Slice(position + 1);
                int offsetHours, offsetMinutes = 0;
                if (zone.Length == 2 && Digits(zone, out offsetHours)) { }
                else if (zone.Length == 4 && Digits(zone.Slice(0, 2), out offsetHours) && Digits(zone.Slice(2, 2), out offsetMinutes)) { }
                else if (zone.Length == 5 && zone[2] == ':' && Digits(zone.Slice(0, 2), out offsetHours) && Digits(zone.Slice(3, 2), out offsetMinutes)) { }
                else return false;
                if (offsetHours > 14 || offsetMinutes > 59 || (offsetHours == 14 && offsetMinutes != 0)) return false;
                offset = new TimeSpan(offsetHours, offsetMinutes, 0);
                if (sign == '-') offset = -offset;
                position = text.Length;
            }
            if (position != text.Length) return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
        return true;
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> as midnight UTC.</summary>
    internal static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!Digits(text.Slice(0, 4), out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b < '0' || b > '9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }
}
