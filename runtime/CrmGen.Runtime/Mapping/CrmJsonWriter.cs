using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace CrmGen.Mapping;

/// <summary>
/// Writes values into provider request bodies for generated adapters: ISO-8601 dates without an
/// intermediate string, and custom-field values (string, <c>long</c>, <c>int</c>,
/// <c>decimal</c>, <c>double</c>, <c>bool</c>, null, <see cref="JsonElement"/>,
/// <see cref="DateTimeOffset"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrmJsonWriter
{
    /// <summary>Writes <c>"name": "…"</c> with the value in the round-trip (<c>O</c>) format.</summary>
    public static void WriteIsoDateTime(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8PropertyName, DateTimeOffset value)
    {
        writer.WritePropertyName(utf8PropertyName);
        WriteIsoDateTimeValue(writer, value);
    }

    /// <summary>Writes the value as a JSON string in the round-trip (<c>O</c>) format.</summary>
    public static void WriteIsoDateTimeValue(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer.Slice(0, written));
        }
        else
        {
            writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Writes every entry of <paramref name="fields"/> as a member of the object being written,
    /// except the names in <paramref name="mapped"/> (members the mapping writes itself, which
    /// win). A null dictionary writes nothing; a null value is written as JSON <c>null</c>.
    /// </summary>
    public static void WriteCustomFields(Utf8JsonWriter writer, Dictionary<string, object?>? fields, ReadOnlySpan<string> mapped)
    {
        if (fields is null) return;
        foreach (var pair in fields)
        {
            if (pair.Key is null || Contains(mapped, pair.Key)) continue;
            writer.WritePropertyName(pair.Key);
            WriteCustomFieldValue(writer, pair.Key, pair.Value);
        }
    }

    /// <summary>Writes <c>"name": { …every entry… }</c>.</summary>
    public static void WriteCustomFieldsObject(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8PropertyName, Dictionary<string, object?> fields)
    {
        writer.WriteStartObject(utf8PropertyName);
        WriteCustomFields(writer, fields, ReadOnlySpan<string>.Empty);
        writer.WriteEndObject();
    }

    /// <summary>Writes one custom-field value; other types are an <see cref="ArgumentException"/> naming the field.</summary>
    public static void WriteCustomFieldValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case short sh:
                writer.WriteNumberValue(sh);
                break;
            case byte b:
                writer.WriteNumberValue(b);
                break;
            case uint ui:
                writer.WriteNumberValue(ui);
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case DateTimeOffset dto:
                WriteIsoDateTimeValue(writer, dto);
                break;
            case DateTime dt:
                WriteIsoDateTimeValue(writer, dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt));
                break;
            case RawJson raw:
                writer.WriteRawValue(raw.Utf8Json.Span);
                break;
            default:
                throw new ArgumentException($"The custom field '{name}' has a value of type {value.GetType().Name}, which cannot be written as JSON; use a string, number, bool, DateTimeOffset or JsonElement.", nameof(value));
        }
    }

    private static bool Contains(ReadOnlySpan<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
