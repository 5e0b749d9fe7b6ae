using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>
/// A response the sandbox returns instead of the emulator's (see
/// <see cref="CrmSandbox.FailNextRequest(CannedResponse)"/>): an injected fault. It answers the
/// next <see cref="Times"/> requests to its provider, each after <see cref="Delay"/>; with
/// <see cref="AnswerFromEmulator"/> it only delays them and the emulator answers (a slow provider).
/// The requests are still recorded. <see cref="SandboxFaults"/> builds the common faults in each
/// provider's dialect.
/// </summary>
/// <param name="StatusCode">The HTTP status, e.g. 500.</param>
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
    private readonly int _times = 1;
    private readonly TimeSpan _delay;

    /// <summary>How many requests this answers (default 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int Times
    {
        get => _times;
        init => _times = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Times), value, "A canned response answers at least one request.");
    }

    /// <summary>
    /// How long the sandbox waits before answering (by its <see cref="CrmSandboxOptions.TimeProvider"/>);
    /// the wait ends early when the client gives up on the request. Default: no wait.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan Delay
    {
        get => _delay;
        init => _delay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Delay), value, "A delay cannot be negative.");
    }

    /// <summary>
    /// When true, after <see cref="Delay"/> the emulator answers as usual (status, body and headers
    /// here are not used): a slow provider rather than a canned answer.
    /// </summary>
    public bool AnswerFromEmulator { get; init; }

    internal bool Matches(string provider)
        => Provider is null || string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase);
}
