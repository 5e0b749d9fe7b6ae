using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// A provider's raw JSON (the <c>remote_data</c> of a unified record), kept as UTF-8 bytes and
/// written back verbatim when the record is serialised.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    /// <summary>Wraps UTF-8 JSON bytes (not copied).</summary>
    public RawJson(ReadOnlyMemory<byte> utf8Json) => Utf8Json = utf8Json;

    /// <summary>Copies a slice of a UTF-8 buffer.</summary>
    public static RawJson Copy(ReadOnlySpan<byte> utf8Json) => new(utf8Json.ToArray());

    /// <summary>The UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>Parses the bytes (allocates a document; for callers, not for the read path).</summary>
    public JsonDocument Parse() => JsonDocument.Parse(Utf8Json);

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(Utf8Json.Span);
}

/// <summary>Writes <see cref="RawJson"/> verbatim; reads any JSON value into it.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    /// <inheritdoc />
    public override RawJson? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            doc.RootElement.WriteTo(writer);
        }
        return new RawJson(buffer.WrittenMemory);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
        => writer.WriteRawValue(value.Utf8Json.Span, skipInputValidation: true);
}
