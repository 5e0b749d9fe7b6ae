using System.Globalization;
using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// A set of OpenAPI 3.0 documents read from one directory, by path relative to it (e.g.
/// <c>apps/contacts.json</c>), so that <c>$ref</c>s across files
/// (<c>../common/common-schemas.json#/components/schemas/BadRequestDTO</c>) resolve.
/// </summary>
internal sealed class OpenApiDocumentSet : IDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, JsonDocument> _documents = new(StringComparer.Ordinal);

    public OpenApiDocumentSet(string rootDirectory)
    {
        _root = Path.GetFullPath(rootDirectory);
        if (!Directory.Exists(_root)) throw new DirectoryNotFoundException($"No OpenAPI directory at {_root}.");
    }

    /// <summary>The directory the documents are read from.</summary>
    public string RootDirectory => _root;

    /// <summary>The document at <paramref name="relativePath"/> (normalised, '/' separated), loaded once.</summary>
    public JsonElement Get(string relativePath)
    {
        var key = Normalise(relativePath);
        if (!_documents.TryGetValue(key, out var document))
        {
            var path = Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path)) throw new FileNotFoundException($"OpenAPI document '{key}' is not in {_root}.", path);
            document = JsonDocument.Parse(File.ReadAllBytes(path));
            _documents[key] = document;
        }
        return document.RootElement;
    }

    /// <summary>
    /// Resolves a <c>$ref</c> written in document <paramref name="fromDocument"/>: the target
    /// schema and the document it is in (for the <c>$ref</c>s inside it).
    /// </summary>
    public (JsonElement Schema, string Document) Resolve(string fromDocument, string reference)
    {
        var hash = reference.IndexOf('#');
        var file = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? "" : reference[(hash + 1)..];
        var document = file.Length == 0 ? Normalise(fromDocument) : Normalise(CombineRelative(fromDocument, file));
        var target = Get(document);
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(token).Replace("~1", "/").Replace("~0", "~");
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(name, out var next))
            {
                target = next;
            }
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < target.GetArrayLength())
            {
                target = target[index];
            }
            else
            {
                throw new InvalidOperationException($"The $ref '{reference}' in {fromDocument} points at nothing ({document}#{pointer}).");
            }
        }
        return (target, document);
    }

    public void Dispose()
    {
        foreach (var document in _documents.Values) document.Dispose();
        _documents.Clear();
    }

    private static string CombineRelative(string fromDocument, string relative)
    {
        var slash = fromDocument.LastIndexOf('/');
        return slash < 0 ? relative : fromDocument[..(slash + 1)] + relative;
    }

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) throw new InvalidOperationException($"The path '{path}' leaves the OpenAPI directory.");
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}

/// <summary>
/// Validates JSON values against OpenAPI 3.0 schema objects: <c>$ref</c> (within and across the
/// documents of an <see cref="OpenApiDocumentSet"/>), <c>type</c> (with <c>nullable</c>),
/// <c>enum</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c> (false or a
/// schema; absent or true allows any), <c>items</c>, <c>allOf</c>, <c>anyOf</c> and
/// <c>oneOf</c>. Each problem is reported with its JSON path.
/// </summary>
internal sealed class OpenApiSchemaValidator
{
    private const int MaxDepth = 64;
    private readonly OpenApiDocumentSet _documents;

    public OpenApiSchemaValidator(OpenApiDocumentSet documents) => _documents = documents;

    /// <summary>The problems of <paramref name="value"/> against <paramref name="schema"/> (written in <paramref name="document"/>); empty when valid.</summary>
    public List<string> Validate(JsonElement value, JsonElement schema, string document, string path = "$")
    {
        var problems = new List<string>();
        Check(value, schema, document, path, problems, 0);
        return problems;
    }

    private void Check(JsonElement value, JsonElement schema, string document, string path, List<string> problems, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException($"The schema at {path} nests deeper than {MaxDepth} levels (a $ref cycle?).");
        if (schema.ValueKind != JsonValueKind.Object) return;

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var (target, targetDocument) = _documents.Resolve(document, reference.GetString()!);
            Check(value, target, targetDocument, path, problems, depth + 1);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            var nullable = schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True;
            if (!nullable && schema.TryGetProperty("type", out _)) problems.Add($"{path}: null is not allowed (the schema is not nullable)");
            return;
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && !HasType(value, type.GetString()!))
        {
            problems.Add($"{path}: expected {type.GetString()} but found {Describe(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, value)))
        {
            problems.Add($"{path}: {value.GetRawText()} is not one of [{string.Join(",", allowed.EnumerateArray().Select(a => a.GetRawText()))}]");
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray()) Check(value, part, document, path, problems, depth + 1);
        }
        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array)
        {
            CheckAlternatives(value, anyOf, document, path, problems, depth, exactlyOne: false);
        }
        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            CheckAlternatives(value, oneOf, document, path, problems, depth, exactlyOne: true);
        }

        if (value.ValueKind == JsonValueKind.Object) CheckObject(value, schema, document, path, problems, depth);
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, document, $"{path}[{index}]", problems, depth + 1);
                index++;
            }
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string document, string path, List<string> problems, int depth)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String && !value.TryGetProperty(name.GetString()!, out _))
                {
                    problems.Add($"{path}: the required property '{name.GetString()}' is missing");
                }
            }
        }

        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (hasProperties && properties.TryGetProperty(member.Name, out var propertySchema))
            {
                Check(member.Value, propertySchema, document, memberPath, problems, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                problems.Add($"{path}: the property '{member.Name}' is not allowed (additionalProperties is false)");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(member.Value, additional, document, memberPath, problems, depth + 1);
            }
        }
    }

    private void CheckAlternatives(JsonElement value, JsonElement alternatives, string document, string path, List<string> problems, int depth, bool exactlyOne)
    {
        var matches = 0;
        var failures = new List<string>();
        var index = 0;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            var own = new List<string>();
            Check(value, alternative, document, path, own, depth + 1);
            if (own.Count == 0) matches++;
            else failures.Add($"#{index}: {string.Join("; ", own)}");
            index++;
        }
        if (matches == 0)
        {
            problems.Add($"{path}: matches none of the {(exactlyOne ? "oneOf" : "anyOf")} schemas ({string.Join(" | ", failures)})");
        }
        else if (exactlyOne && matches > 1)
        {
            problems.Add($"{path}: matches {matches} of the oneOf schemas, not exactly one");
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
