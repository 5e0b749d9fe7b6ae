using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>Serialises <see cref="CrmCapabilities"/> in its JSON form with <c>System.Text.Json</c>.</summary>
public sealed class CrmCapabilitiesJsonConverter : JsonConverter<CrmCapabilities>
{
    /// <inheritdoc />
    public override CrmCapabilities Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => CapabilitiesJson.ReadAll(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CrmCapabilities value, JsonSerializerOptions options)
        => CapabilitiesJson.Write(writer, value);
}
