using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace CrmGen;

/// <summary>
/// Builds one provider request. Generated adapters fill it: the provider sets the base address,
/// auth and fixed headers; the operation appends the path (holes escaped as single segments),
/// query and headers. Values never change the host: the base address is set once, and every
/// path hole and query value is escaped.
/// </summary>
public sealed class CrmRequestBuilder
{
    private readonly StringBuilder _path = new();
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private string? _baseAddress;
    private AuthenticationHeaderValue? _authorization;

    /// <summary>Creates a builder for the given method.</summary>
    public CrmRequestBuilder(HttpMethod method, string provider)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The provider name (for error messages).</summary>
    public string Provider { get; }

    /// <summary>The base address, once set.</summary>
    public string? BaseAddress => _baseAddress;

    /// <summary>The path appended so far (escaped).</summary>
    public string Path => _path.ToString();

    /// <summary>The query parameters, in order (unescaped).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    /// <summary>The headers, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Sets the base address (absolute http or https URL); a trailing slash is removed.</summary>
    public void SetBaseAddress(string baseAddress)
    {
        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CrmConfigurationException($"The base address of provider '{Provider}' is not an absolute http(s) URL.");
        }
        _baseAddress = baseAddress.TrimEnd('/');
    }

    /// <summary>Appends literal path text from the template, as written.</summary>
    public void AppendPath(string literal) => _path.Append(literal);

    /// <summary>
    /// Appends a path hole's value escaped as one segment (<c>../x</c> and <c>a/b?c</c> cannot change
    /// the path). A null or empty value, and the dot segments <c>.</c> and <c>..</c> (which no
    /// escaping keeps from moving up the path: <c>%2E</c> is <c>.</c> to URI normalisation), are
    /// errors naming the parameter.
    /// </summary>
    public void AppendPathParameter(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new CrmValidationException(Provider, $"The path parameter '{name}' has no value.", name);
        }
        if (value == "." || value == "..")
        {
            throw new CrmValidationException(Provider, $"The path parameter '{name}' cannot be '{value}'.", name);
        }
        _path.Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is null) return;
        _query.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Sets a header (replacing one of the same name); a null value adds nothing.</summary>
    public void SetHeader(string name, string? value)
    {
        if (value is null) return;
        _headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        _headers.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Sets <c>Authorization: Bearer token</c>.</summary>
    public void SetBearerToken(string token) => _authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>Sets <c>Authorization: Basic base64(user:password)</c>.</summary>
    public void SetBasicAuthentication(string user, string? password)
        => _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (password ?? ""))));

    /// <summary>True once an Authorization header was set.</summary>
    public bool HasAuthorization => _authorization is not null;

    /// <summary>The absolute request URI: base address, path, and query (escaped).</summary>
    public Uri BuildUri()
    {
        if (_baseAddress is null)
        {
            throw new CrmConfigurationException($"Provider '{Provider}' set no base address.");
        }
        var sb = new StringBuilder(_baseAddress.Length + _path.Length + 32);
        sb.Append(_baseAddress).Append(_path);
        for (var i = 0; i < _query.Count; i++)
        {
            sb.Append(i == 0 ? '?' : '&');
            sb.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
        }
        return new Uri(sb.ToString(), UriKind.Absolute);
    }

    /// <summary>Creates the request message (without body).</summary>
    public HttpRequestMessage Build()
    {
        var message = new HttpRequestMessage(Method, BuildUri());
        if (_authorization is not null) message.Headers.Authorization = _authorization;
        foreach (var header in _headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return message;
    }
}
