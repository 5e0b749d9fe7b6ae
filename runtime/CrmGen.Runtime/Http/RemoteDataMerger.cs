using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmGen;

/// <summary>
/// Merges a request's <c>remote_data</c> (<see cref="CrmRequestOptions.RemoteData"/>) into the
/// provider request body the mapping wrote. The rule:
/// <list type="bullet">
/// <item><description>Both must be JSON objects.</description></item>
/// <item><description>Where the body and <c>remote_data</c> both hold an object under the same key, the two
/// objects are merged key by key, recursively.</description></item>
/// <item><description>For any other pair of values under the same key, <c>remote_data</c>'s value wins: it
/// replaces the mapping's (an array replaces the array whole, never concatenated; a JSON
/// <c>null</c> is sent as <c>null</c>, it does not remove the key).</description></item>
/// <item><description>Keys only in <c>remote_data</c> are added after the mapping's keys, in
/// <c>remote_data</c>'s order; when a key repeats in <c>remote_data</c>, its last value counts.</description></item>
/// </list>
/// Only the body changes: the URL, the headers and the credentials are built before and apart
/// from it.
/// </summary>
internal static class RemoteDataMerger
{
    /// <summary>Throws <see cref="CrmValidationException"/> unless <paramref name="remoteData"/> is one well-formed JSON object.</summary>
    public static void Validate(RawJson remoteData, string provider)
    {
        var reader = new Utf8JsonReader(remoteData.Utf8Json.Span);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new CrmValidationException(provider, "remote_data must be a JSON object (its keys are merged into the provider request body).", "remote_data");
            }
            reader.Skip();
            if (reader.Read())
            {
                throw new CrmValidationException(provider, "remote_data must be a single JSON object; text follows it.", "remote_data");
            }
        }
        catch (JsonException ex)
        {
            throw new CrmValidationException(provider, "remote_data is not valid JSON: " + ex.Message, "remote_data");
        }
    }

    /// <summary>
    /// Writes the merge of <paramref name="body"/> and <paramref name="remoteData"/> into a new
    /// pooled buffer (the caller owns and disposes it).
    /// </summary>
    /// <exception cref="CrmValidationException">The operation's body is not a JSON object.</exception>
    public static PooledBufferWriter Merge(ReadOnlyMemory<byte> body, RawJson remoteData, string provider, string resource, string operation)
    {
        using var target = JsonDocument.Parse(body);
        using var patch = JsonDocument.Parse(remoteData.Utf8Json);
        if (target.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new CrmValidationException(provider,
                $"remote_data cannot be merged into the {resource} {operation} request of provider '{provider}': its body is a JSON {target.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object.",
                "remote_data");
        }

        var merged = new PooledBufferWriter(body.Length + remoteData.Utf8Json.Length + 16);
        try
        {
            using (var writer = new Utf8JsonWriter(merged))
            {
                MergeObject(writer, target.RootElement, patch.RootElement);
            }
            return merged;
        }
        catch
        {
            merged.Dispose();
            throw;
        }
    }

    private static void MergeObject(Utf8JsonWriter writer, JsonElement target, JsonElement patch)
    {
        // The patch's keys: last value wins, first position kept.
        var patchValues = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var patchOrder = new List<string>();
        foreach (var property in patch.EnumerateObject())
        {
            if (!patchValues.ContainsKey(property.Name)) patchOrder.Add(property.Name);
            patchValues[property.Name] = property.Value;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var property in target.EnumerateObject())
        {
            if (!patchValues.TryGetValue(property.Name, out var replacement))
            {
                property.WriteTo(writer);
                continue;
            }
            if (!used.Add(property.Name)) continue;
            writer.WritePropertyName(property.Name);
            if (property.Value.ValueKind == JsonValueKind.Object && replacement.ValueKind == JsonValueKind.Object)
            {
                MergeObject(writer, property.Value, replacement);
            }
            else
            {
                replacement.WriteTo(writer);
            }
        }
        foreach (var name in patchOrder)
        {
            if (used.Contains(name)) continue;
            writer.WritePropertyName(name);
            patchValues[name].WriteTo(writer);
        }
        writer.WriteEndObject();
    }
}
