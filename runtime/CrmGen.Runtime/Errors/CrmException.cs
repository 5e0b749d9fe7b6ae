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

/// <summary>The provider answered with an error status.</summary>
public sealed class CrmProviderException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmProviderException(string provider, string accountId, int statusCode, string? providerCode, string? providerMessage, string rawBody)
        : base(BuildMessage(provider, accountId, statusCode, providerCode, providerMessage))
    {
        Provider = provider;
        AccountId = accountId;
        StatusCode = statusCode;
        ProviderCode = providerCode;
        ProviderMessage = providerMessage;
        RawBody = rawBody;
    }

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
