using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace CrmGen;

/// <summary>
/// A provider's own answer to a successful call, untouched (the raw response format): its status,
/// headers and body bytes. No mapping, field exclusion or normalization is applied.
/// </summary>
public sealed class CrmRawResponse
{
    internal CrmRawResponse(string provider, int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ReadOnlyMemory<byte> body)
    {
        Provider = provider;
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The HTTP status (2xx: error statuses throw <see cref="CrmProviderException"/>).</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers by name (case-insensitive), each with its values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The <c>Content-Type</c>, if any.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>The body bytes, as the provider sent them (decompressed when the transport decompresses).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>A header's values joined with <c>", "</c>, or null when absent.</summary>
    public string? Header(string name)
        => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>Parses the body as JSON (the caller disposes the document).</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonDocument ParseJson() => JsonDocument.Parse(Body);

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"CrmRawResponse {{ Provider = {Provider}, StatusCode = {StatusCode}, ContentType = {ContentType}, Body = {Body.Length} bytes }}");

    /// <summary>Copies the headers of a response and its content.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers.NonValidated);
        Add(headers, response.Content.Headers.NonValidated);
        return headers;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> headers, System.Net.Http.Headers.HttpHeadersNonValidated source)
    {
        foreach (var header in source)
        {
            var values = new List<string>();
            foreach (var value in header.Value) values.Add(value);
            headers[header.Key] = values;
        }
    }
}
