using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>A response the sandbox returns instead of the emulator's, once (see <see cref="CrmSandbox.FailNextRequest(CannedResponse)"/>).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body text.</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="Provider">Only a request to this provider consumes it; null: the next request to any provider.</param>
/// <param name="Headers">Extra response headers (e.g. <c>Retry-After</c>).</param>
public sealed record CannedResponse(
    int StatusCode,
    string Body,
    string ContentType = "application/json",
    string? Provider = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    internal bool Matches(string provider)
        => Provider is null || string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase);
}
