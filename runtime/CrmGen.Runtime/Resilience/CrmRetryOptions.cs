using System;

namespace CrmGen;

/// <summary>
/// How <see cref="CrmClient"/> retries a request that failed for a passing reason (part of
/// <see cref="CrmClientOptions"/>).
/// </summary>
/// <remarks>
/// <para>What is retried:</para>
/// <list type="bullet">
/// <item><description>
/// <b>429 Too Many Requests</b> on every request. The provider refused the request without
/// processing it, so repeating it cannot create a second record; set
/// <see cref="RetryRateLimitedCreates"/> to false to leave creates alone even then.
/// </description></item>
/// <item><description>
/// <b>408, 500, 502, 503 and 504</b> only on requests that are safe to repeat: <c>GET</c>,
/// <c>HEAD</c>, <c>OPTIONS</c>, <c>PUT</c>, <c>DELETE</c>, and any request sent with an
/// <see cref="CrmRequestOptions.IdempotencyKey"/>. A <c>POST</c> or <c>PATCH</c> without a key
/// may have reached the provider and been carried out, so it is never repeated.
/// </description></item>
/// <item><description>
/// <b>Connection failures before the request was sent</b> (name resolution, connection refused,
/// TLS handshake, proxy tunnel) on every request; other transport failures only on requests that
/// are safe to repeat.
/// </description></item>
/// </list>
/// <para>
/// The wait before a retry is what the provider asked for, read in this order: <c>Retry-After</c>
/// (seconds or an HTTP date), the IETF <c>RateLimit</c> header (<c>reset=</c> or <c>t=</c>) and
/// <c>RateLimit-Reset</c>, <c>X-RateLimit-Reset</c> (seconds, or a Unix time), and an exhausted
/// rolling window (<c>X-HubSpot-RateLimit-Remaining: 0</c> with
/// <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>, and the same <c>X-RateLimit-*</c> pair of
/// HighLevel). Without any of these it is an exponential backoff with jitter from
/// <see cref="BaseDelay"/>, capped at <see cref="MaxDelay"/>. When the provider asks for more
/// than <see cref="MaxProviderDelay"/>, or for more than the request's timeout has left, the
/// client does not wait: it throws the provider's error at once, with
/// <see cref="CrmProviderException.RetryAfter"/> set.
/// </para>
/// </remarks>
public sealed class CrmRetryOptions
{
    /// <summary>The most requests sent for one call, the first included (default 3; 1 turns retries off).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The backoff before the first retry when the provider does not say how long to wait (default 1 s); it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff the client chooses itself (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait the client accepts from a provider's <c>Retry-After</c> or rate-limit headers (default 60 s); longer, it gives up.</summary>
    public TimeSpan MaxProviderDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a create (<c>POST</c>/<c>PATCH</c> without an idempotency key) answered with 429 is
    /// retried (default true: a 429 is a refusal, nothing was created).
    /// </summary>
    public bool RetryRateLimitedCreates { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values out of range.</summary>
    internal void Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        if (BaseDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "The base delay must be positive.");
        if (MaxDelay < BaseDelay) throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "The maximum delay cannot be below the base delay.");
        if (MaxProviderDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxProviderDelay), MaxProviderDelay, "The maximum provider delay cannot be negative.");
    }

    /// <inheritdoc />
    public override string ToString()
        => $"CrmRetryOptions {{ MaxAttempts = {MaxAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxProviderDelay = {MaxProviderDelay}, RetryRateLimitedCreates = {RetryRateLimitedCreates} }}";
}
