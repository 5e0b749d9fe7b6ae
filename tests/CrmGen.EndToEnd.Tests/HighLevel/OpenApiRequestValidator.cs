using System.Text.Json;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// Checks an HTTP request against the operations of OpenAPI 3.0 documents: the path (literal
/// segments and <c>{parameter}</c> holes, the most literal template winning) and method exist,
/// the required header, query and path parameters are present with values their schemas allow,
/// and the body is what the operation's <c>requestBody</c> asks for (JSON valid against its
/// schema, <c>$ref</c>s resolved across files).
/// </summary>
internal sealed class OpenApiRequestValidator
{
    private readonly OpenApiDocumentSet _documents;
    private readonly string[] _apis;
    private readonly OpenApiSchemaValidator _schemas;

    /// <param name="documents">The directory of the OpenAPI documents.</param>
    /// <param name="apis">The documents whose <c>paths</c> are searched, relative to it (e.g. <c>apps/contacts.json</c>).</param>
    public OpenApiRequestValidator(OpenApiDocumentSet documents, params string[] apis)
    {
        _documents = documents;
        _apis = apis;
        _schemas = new OpenApiSchemaValidator(documents);
    }

    /// <summary>The problems of a request the sandbox received; empty when it follows the description.</summary>
    public List<string> Validate(SandboxRequest request)
        => Validate(request.Method, request.Path, request.QueryString, request.Headers, request.Body);

    /// <summary>The problems of a request; empty when it follows the description.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the API's server URL, e.g. <c>/contacts/</c>.</param>
    /// <param name="queryString">The query string, with or without its leading <c>?</c>; may be empty.</param>
    /// <param name="headers">The request headers (names compared without case).</param>
    /// <param name="body">The body bytes (empty when there is none).</param>
    public List<string> Validate(string method, string path, string? queryString, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var problems = new List<string>();
        var match = FindPath(path);
        if (match is null)
        {
            problems.Add($"{method} {path}: no path of {string.Join(", ", _apis)} matches");
            return problems;
        }
        var (document, template, pathItem, pathValues) = match.Value;
        var where = $"{method} {template}";
        if (!pathItem.TryGetProperty(method.ToLowerInvariant(), out var operation))
        {
            var methods = pathItem.EnumerateObject().Select(p => p.Name.ToUpperInvariant()).Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE");
            problems.Add($"{method} {path}: {template} has no {method} operation (it has {string.Join(", ", methods)})");
            return problems;
        }

        var query = ParseQuery(queryString);
        foreach (var parameter in Parameters(pathItem, operation, document))
        {
            CheckParameter(parameter.Schema, parameter.Document, where, headers, query, pathValues, problems);
        }
        CheckBody(operation, document, where, headers, body, problems);
        return problems;
    }

    private (string Document, string Template, JsonElement PathItem, Dictionary<string, string> Values)? FindPath(string path)
    {
        (string, string, JsonElement, Dictionary<string, string>)? best = null;
        var bestLiterals = -1;
        var requestSegments = path.Split('/');
        foreach (var api in _apis)
        {
            if (!_documents.Get(api).TryGetProperty("paths", out var paths)) continue;
            foreach (var candidate in paths.EnumerateObject())
            {
                var templateSegments = candidate.Name.Split('/');
                if (templateSegments.Length != requestSegments.Length) continue;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                var literals = 0;
                var matches = true;
                for (var i = 0; i < templateSegments.Length && matches; i++)
                {
                    var segment = templateSegments[i];
                    if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
                    {
                        matches = requestSegments[i].Length > 0;
                        values[segment[1..^1]] = Uri.UnescapeDataString(requestSegments[i]);
                    }
                    else
                    {
                        matches = string.Equals(segment, requestSegments[i], StringComparison.Ordinal);
                        literals++;
                    }
                }
                if (matches && literals > bestLiterals)
                {
                    best = (api, candidate.Name, candidate.Value, values);
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }

    // Path-level parameters, overridden by operation-level ones of the same name and place.
    private IEnumerable<(JsonElement Schema, string Document)> Parameters(JsonElement pathItem, JsonElement operation, string document)
    {
        var byKey = new Dictionary<(string, string), (JsonElement, string)>();
        foreach (var owner in new[] { pathItem, operation })
        {
            if (!owner.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array) continue;
            foreach (var raw in parameters.EnumerateArray())
            {
                var (parameter, parameterDocument) = raw.TryGetProperty("$ref", out var reference)
                    ? _documents.Resolve(document, reference.GetString()!)
                    : (raw, document);
                var name = parameter.GetProperty("name").GetString()!;
                var place = parameter.GetProperty("in").GetString()!;
                byKey[(place, place == "header" ? name.ToLowerInvariant() : name)] = (parameter, parameterDocument);
            }
        }
        return byKey.Values;
    }

    private void CheckParameter(
        JsonElement parameter, string document, string where,
        IReadOnlyDictionary<string, string> headers, Dictionary<string, List<string>> query, Dictionary<string, string> pathValues,
        List<string> problems)
    {
        var name = parameter.GetProperty("name").GetString()!;
        var place = parameter.GetProperty("in").GetString()!;
        var required = place == "path" || (parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True);

        string? value = place switch
        {
            "header" => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value,
            "query" => query.TryGetValue(name, out var values) ? values[0] : null,
            "path" => pathValues.TryGetValue(name, out var segment) ? segment : null,
            _ => null,
        };
        if (value is null)
        {
            if (required) problems.Add($"{where}: the required {place} parameter '{name}' is missing");
            return;
        }
        if (!parameter.TryGetProperty("schema", out var schema)) return;

        foreach (var problem in _schemas.Validate(AsJson(value, schema, document), schema, document, $"{place} parameter '{name}'"))
        {
            problems.Add($"{where}: {problem}");
        }
    }

    // A parameter's text as the JSON value its schema describes (numbers and booleans parsed when the schema says so).
    private JsonElement AsJson(string text, JsonElement schema, string document)
    {
        var resolved = schema;
        if (schema.TryGetProperty("$ref", out var reference)) resolved = _documents.Resolve(document, reference.GetString()!).Schema;
        var type = resolved.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is "number" or "integer" or "boolean")
        {
            try
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not a number or boolean: checked as the string it is.
            }
        }
        return JsonSerializer.SerializeToElement(text);
    }

    private void CheckBody(JsonElement operation, string document, string where, IReadOnlyDictionary<string, string> headers, byte[] body, List<string> problems)
    {
        if (!operation.TryGetProperty("requestBody", out var requestBody))
        {
            if (body.Length > 0) problems.Add($"{where}: the operation takes no request body, but {body.Length} bytes were sent");
            return;
        }
        if (requestBody.TryGetProperty("$ref", out var reference)) (requestBody, document) = _documents.Resolve(document, reference.GetString()!);

        var required = requestBody.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        if (body.Length == 0)
        {
            if (required) problems.Add($"{where}: the request body is required but none was sent");
            return;
        }

        var contentType = headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        var mediaType = contentType?.Split(';')[0].Trim();
        if (!requestBody.TryGetProperty("content", out var content)) return;
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            problems.Add($"{where}: the body's content type '{contentType}' is not one the operation takes ({string.Join(", ", content.EnumerateObject().Select(c => c.Name))})");
            return;
        }
        if (!media.TryGetProperty("schema", out var schema)) return;

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            problems.Add($"{where}: the body is not JSON ({ex.Message})");
            return;
        }
        using (parsed)
        {
            foreach (var problem in _schemas.Validate(parsed.RootElement, schema, document, "$"))
            {
                problems.Add($"{where}: body {problem}");
            }
        }
    }

    private static Dictionary<string, List<string>> ParseQuery(string? queryString)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(queryString)) return result;
        foreach (var pair in queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!result.TryGetValue(name, out var values)) result[name] = values = new List<string>();
            values.Add(value);
        }
        return result;
    }
}
