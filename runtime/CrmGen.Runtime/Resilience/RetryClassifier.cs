using System.Net.Http;

namespace CrmGen;

/// <summary>Which requests may be repeated, and after which failures (see <see cref="CrmRetryOptions"/>).</summary>
internal static class RetryClassifier
{
    /// <summary>True for the methods RFC 9110 defines as idempotent: GET, HEAD, OPTIONS, TRACE, PUT and DELETE.</summary>
    public static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>Statuses that say "try again later" without saying the request was processed.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// True when the request cannot have reached the provider: the host name did not resolve, the
    /// connection (or its TLS handshake, or the proxy tunnel) could not be established.
    /// </summary>
    public static bool FailedBeforeSending(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;

    /// <summary>Whether a response with <paramref name="status"/> may be retried for this request.</summary>
    public static bool MayRetryStatus(int status, bool safeToRepeat, bool retryRateLimitedCreates)
    {
        if (status == 429) return safeToRepeat || retryRateLimitedCreates;
        return safeToRepeat && IsTransientStatus(status);
    }

    /// <summary>Whether a transport failure may be retried for this request.</summary>
    public static bool MayRetryFailure(HttpRequestException exception, bool safeToRepeat)
        => FailedBeforeSending(exception) || safeToRepeat;
}
