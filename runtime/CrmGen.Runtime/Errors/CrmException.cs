using System;

namespace CrmGen;

/// <summary>Base of every CrmGen exception.</summary>
public abstract class CrmException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CrmException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>An integrated account or provider is misconfigured (missing credential, context value, base address).</summary>
public sealed class CrmConfigurationException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmConfigurationException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>A request was refused before any HTTP call: a required field or parameter is missing.</summary>
public sealed class CrmValidationException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmValidationException(string provider, string message, string? field = null) : base(message)
    {
        Provider = provider;
        Field = field;
    }

    /// <summary>A required field is missing from a unified input.</summary>
    public static CrmValidationException MissingField(string provider, string resource, string operation, string field)
        => new(provider, $"The {resource} {operation} operation of provider '{provider}' requires the field '{field}'.", field);

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The unified field or parameter at fault, if any.</summary>
    public string? Field { get; }
}

/// <summary>
/// The provider's response could not be mapped: malformed JSON or a value of the wrong type.
/// Names the provider, resource and JSON path; no partial record is returned.
/// </summary>
public sealed class CrmMappingException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmMappingException(string provider, string resource, string jsonPath, string message, Exception? inner = null)
        : base($"Cannot map the {resource} response of provider '{provider}' at {jsonPath}: {message}", inner)
    {
        Provider = provider;
        Resource = resource;
        JsonPath = jsonPath;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.properties.createdate</c>.</summary>
    public string JsonPath { get; }
}

/// <summary>The provider answered with an error status (after any retries the request allowed).</summary>
public sealed class CrmProviderException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmProviderException(string provider, string accountId, int statusCode, string? providerCode, string? providerMessage, string rawBody)
        : this(provider, accountId, statusCode, providerCode, providerMessage, rawBody, retryAfter: null, attempts: 1)
    {
    }

    /// <summary>Creates the exception with what the provider said about retrying and how many attempts were made.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="accountId">The integrated account's id.</param>
    /// <param name="statusCode">The HTTP status of the last attempt.</param>
    /// <param name="providerCode">The provider's error code, if any.</param>
    /// <param name="providerMessage">The provider's error message, if any.</param>
    /// <param name="rawBody">The raw error body.</param>
    /// <param name="retryAfter">How long the provider asked to wait before another request (<c>Retry-After</c> or its rate-limit headers), if it said.</param>
    /// <param name="attempts">How many requests were sent (1 when nothing was retried).</param>
    public CrmProviderException(string provider, string accountId, int statusCode, string? providerCode, string? providerMessage, string rawBody, TimeSpan? retryAfter, int attempts)
        : base(BuildMessage(provider, accountId, statusCode, providerCode, providerMessage))
    {
        Provider = provider;
        AccountId = accountId;
        StatusCode = statusCode;
        ProviderCode = providerCode;
        ProviderMessage = providerMessage;
        RawBody = rawBody;
        RetryAfter = retryAfter;
        Attempts = attempts;
    }

    /// <summary>
    /// How long the provider asked to wait before the next request (from <c>Retry-After</c>, the
    /// IETF <c>RateLimit</c> headers or the provider's own rate-limit headers), or null when it did
    /// not say. Set when the client gave up because the wait was longer than it may wait.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many requests were sent before giving up (1 when nothing was retried).</summary>
    public int Attempts { get; }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The integrated account's id.</summary>
    public string AccountId { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The provider's error code or category, if its body had one.</summary>
    public string? ProviderCode { get; }

    /// <summary>The provider's error message, if its body had one.</summary>
    public string? ProviderMessage { get; }

    /// <summary>The raw error body.</summary>
    public string RawBody { get; }

    private static string BuildMessage(string provider, string accountId, int status, string? code, string? message)
    {
        var what = status is 401 or 403
            ? $"Provider '{provider}' refused the credentials of integrated account '{accountId}' ({status})"
            : $"Provider '{provider}' returned {status} for integrated account '{accountId}'";
        if (code is not null) what += $" [{code}]";
        if (message is not null) what += ": " + message;
        return what;
    }
}

/// <summary>
/// A request did not complete within its timeout (<see cref="CrmRequestOptions.Timeout"/>, else
/// <see cref="CrmClientOptions.Timeout"/>): the budget covers every attempt, the waits between
/// them and reading the response. Cancellation by the caller's token is an
/// <see cref="OperationCanceledException"/> instead, never this.
/// </summary>
public sealed class CrmTimeoutException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="resource">The resource, e.g. <c>contacts</c>.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    /// <param name="accountId">The integrated account's id.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="attempts">How many requests were sent.</param>
    /// <param name="lastStatusCode">The status of the last completed attempt, if one completed.</param>
    /// <param name="inner">The cancellation that stopped the request.</param>
    public CrmTimeoutException(string provider, string resource, string operation, string accountId, TimeSpan timeout, int attempts, int? lastStatusCode, Exception? inner = null)
        : base(BuildMessage(provider, resource, operation, accountId, timeout, attempts, lastStatusCode), inner)
    {
        Provider = provider;
        Resource = resource;
        Operation = operation;
        AccountId = accountId;
        Timeout = timeout;
        Attempts = attempts;
        LastStatusCode = lastStatusCode;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The operation.</summary>
    public string Operation { get; }

    /// <summary>The integrated account's id.</summary>
    public string AccountId { get; }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many requests were sent.</summary>
    public int Attempts { get; }

    /// <summary>The HTTP status of the last attempt that got an answer before the time ran out, if any.</summary>
    public int? LastStatusCode { get; }

    private static string BuildMessage(string provider, string resource, string operation, string accountId, TimeSpan timeout, int attempts, int? lastStatus)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The {resource} {operation} request to provider '{provider}' for integrated account '{accountId}' did not complete within {timeout.TotalSeconds:0.###} s");
        if (attempts > 1) text += string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({attempts} attempts");
        if (attempts > 1 && lastStatus is { } status) text += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", the last answered {status}");
        if (attempts > 1) text += ")";
        return text + ".";
    }
}
