using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// Documented bodies built from HighLevel's OpenAPI description: each schema's <c>example</c>,
/// objects from their properties' examples (a property with neither example nor enum is left
/// out), arrays without an example as one example item, enums as their first value.
/// </summary>
internal static class OpenApiExamples
{
    /// <summary>The documented JSON answer of an operation for a status.</summary>
    public static JsonElement ResponseExample(string document, string path, string method, string status)
    {
        var operation = HighLevelOpenApi.Documents.Get(document).GetProperty("paths").GetProperty(path).GetProperty(method);
        var schema = operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var example = Build(schema, document, 0) ?? throw new InvalidOperationException($"{method} {path} documents no example for {status}.");
        return JsonSerializer.SerializeToElement(example);
    }

    /// <summary>The schema of a named component of a document.</summary>
    public static JsonElement Schema(string document, string name)
        => HighLevelOpenApi.Documents.Get(document).GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonNode? Build(JsonElement schema, string document, int depth)
    {
        if (depth > 32) return null;
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var (target, targetDocument) = HighLevelOpenApi.Documents.Resolve(document, reference.GetString()!);
            return Build(target, targetDocument, depth + 1);
        }
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (schema.TryGetProperty("properties", out var properties) && type is null or "object")
        {
            var result = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                if (Build(property.Value, document, depth + 1) is { } value) result[property.Name] = value;
            }
            return result;
        }
        if (schema.TryGetProperty("example", out var example)) return JsonNode.Parse(example.GetRawText());
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0) return JsonNode.Parse(values[0].GetRawText());
        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            return Build(items, document, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        }
        return null;
    }
}
