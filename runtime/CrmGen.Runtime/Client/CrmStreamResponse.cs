using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// A provider's successful answer with its body as a <see cref="Stream"/> read as it arrives (the
/// stream response format): nothing is buffered whole. Dispose it to release the connection.
/// </summary>
/// <remarks>
/// The call's timeout and retries end when this is returned: reading <see cref="Body"/> is
/// governed by the token passed to its read methods. Records are not parsed: the body is the
/// provider's, byte for byte.
/// </remarks>
public sealed class CrmStreamResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private int _disposed;

    internal CrmStreamResponse(string provider, HttpResponseMessage response, Stream body)
    {
        Provider = provider;
        _response = response;
        Body = body;
        StatusCode = (int)response.StatusCode;
        Headers = CrmRawResponse.CopyHeaders(response);
        ContentLength = response.Content.Headers.ContentLength;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The HTTP status (2xx: error statuses throw <see cref="CrmProviderException"/>).</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The <c>Content-Type</c>, if any.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var values) ? string.Join(", ", values) : null;

    /// <summary>The <c>Content-Length</c>, when the provider sent one.</summary>
    public long? ContentLength { get; }

    /// <summary>The body, read from the connection as the caller reads it.</summary>
    public Stream Body { get; }

    /// <summary>Disposes the body and the response.</summary>
    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Body.Dispose();
        _response.Dispose();
    }

    /// <summary>Disposes the body and the response.</summary>
    public async ValueTask DisposeAsync()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"CrmStreamResponse {{ Provider = {Provider}, StatusCode = {StatusCode}, ContentType = {ContentType} }}");
}
