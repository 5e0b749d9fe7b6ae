using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// Serialises <see cref="ProviderCapabilities"/> in its JSON form with <c>System.Text.Json</c>.
/// The JSON does not carry the provider's name: a provider read back alone is named <c>provider</c>.
/// </summary>
public sealed class ProviderCapabilitiesJsonConverter : JsonConverter<ProviderCapabilities>
{
    /// <inheritdoc />
    public override ProviderCapabilities Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => CapabilitiesJson.ReadProvider(ref reader, "provider");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ProviderCapabilities value, JsonSerializerOptions options)
        => CapabilitiesJson.Write(writer, value);
}
