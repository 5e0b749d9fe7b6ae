using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CrmGen.Sandbox;

/// <summary>One request the sandbox received, as the provider would have seen it.</summary>
public sealed class SandboxRequest
{
    internal SandboxRequest(
        string provider, string method, string path, string queryString,
        IReadOnlyDictionary<string, string> headers, byte[] body, DateTimeOffset receivedAt)
    {
        Provider = provider;
        Method = method;
        Path = path;
        QueryString = queryString;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>The provider the request was addressed to (<c>hubspot</c>, <c>close</c>), or empty for none.</summary>
    public string Provider { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>
    /// The path as the provider sees it, escaped as received: for HubSpot
    /// <c>/crm/v3/objects/contacts</c>, for Close <c>/api/v1/pipeline/</c>.
    /// </summary>
    public string Path { get; }

    /// <summary>The query string with its leading <c>?</c>, escaped as received, or empty.</summary>
    public string QueryString { get; }

    /// <summary><see cref="Path"/> followed by <see cref="QueryString"/>.</summary>
    public string PathAndQuery => Path + QueryString;

    /// <summary>The request headers by name (case-insensitive); repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes (empty when there was none).</summary>
    public byte[] Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>When the request arrived (by the sandbox's clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Parses the body as JSON (the caller disposes the document).</summary>
    public JsonDocument ParseBody() => JsonDocument.Parse(Body);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery} ({Provider})";
}
