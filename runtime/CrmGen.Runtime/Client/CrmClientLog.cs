using Microsoft.Extensions.Logging;

namespace CrmGen;

/// <summary>
/// The client's log messages. They carry the method, the path (no query string), the provider,
/// the status and the account id: never headers, query values, bodies or credentials.
/// </summary>
internal static partial class CrmClientLog
{
    [LoggerMessage(EventId = 1, EventName = "CrmRequestSending", Level = LogLevel.Debug,
        Message = "Sending {Method} {Path} ({Provider} {Resource} {Operation}) for integrated account '{AccountId}'")]
    public static partial void Sending(ILogger logger, string method, string path, string provider, string resource, string operation, string accountId);

    [LoggerMessage(EventId = 2, EventName = "CrmResponseReceived", Level = LogLevel.Debug,
        Message = "Provider '{Provider}' answered {StatusCode} to {Method} {Path} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void Received(ILogger logger, string provider, int statusCode, string method, string path, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "CrmProviderError", Level = LogLevel.Warning,
        Message = "Provider '{Provider}' returned {StatusCode} [{ProviderCode}] to {Method} {Path} for integrated account '{AccountId}'")]
    public static partial void ProviderError(ILogger logger, string provider, int statusCode, string? providerCode, string method, string path, string accountId);

    [LoggerMessage(EventId = 4, EventName = "CrmRequestRetrying", Level = LogLevel.Information,
        Message = "{Method} {Path} to provider '{Provider}' failed with {Reason}; attempt {Attempt} of {MaxAttempts} in {DelayMilliseconds:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, string provider, string reason, int attempt, int maxAttempts, double delayMilliseconds);

    [LoggerMessage(EventId = 5, EventName = "CrmRequestTimedOut", Level = LogLevel.Warning,
        Message = "{Method} {Path} to provider '{Provider}' for integrated account '{AccountId}' timed out after {TimeoutMilliseconds:0} ms ({Attempts} attempt(s))")]
    public static partial void TimedOut(ILogger logger, string method, string path, string provider, string accountId, double timeoutMilliseconds, int attempts);
}
