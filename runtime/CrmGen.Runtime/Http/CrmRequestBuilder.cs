using System;
using System.Collections.Generic;
using System.Linq;
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
    private string? _pageUrl;
    private AuthenticationHeaderValue? _authorization;
    private Uri? _uri;

    // Base addresses already checked: a provider's constant and an account's override come back on
    // every request, and parsing them again each time is most of what setting one costs. Bounded,
    // so that addresses built from many accounts' values cannot grow it without end.
    private const int MaxCheckedBaseAddresses = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> s_checkedBaseAddresses = new(StringComparer.Ordinal);

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
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!s_checkedBaseAddresses.ContainsKey(baseAddress))
        {
            if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CrmConfigurationException($"The base address of provider '{Provider}' is not an absolute http(s) URL.");
            }
            if (s_checkedBaseAddresses.Count < MaxCheckedBaseAddresses) s_checkedBaseAddresses.TryAdd(baseAddress, true);
        }
        _baseAddress = baseAddress.EndsWith('/') ? baseAddress.TrimEnd('/') : baseAddress;
        _uri = null;
    }

    /// <summary>
    /// Makes the request a GET of the next page's URL as the provider gave it (<c>next_page url</c>):
    /// a path and query relative to the base address's origin (<c>/services/data/v60.0/query/01g…-2000</c>),
    /// or an absolute URL. The URL must stay on the base address's scheme, host and port and
    /// under its path; anything else, and any dot segment, is refused with
    /// <see cref="CrmValidationException"/> before a request is sent, so the account's
    /// credentials only ever go to the provider. The path template of the operation is not used;
    /// query parameters added afterwards are appended to the URL's own.
    /// </summary>
    /// <param name="url">The next page's URL.</param>
    public void SetNextPageUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_baseAddress is null)
        {
            throw new CrmConfigurationException($"Provider '{Provider}' set no base address.");
        }
        var baseUri = new Uri(_baseAddress + "/", UriKind.Absolute);
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        void Refuse(string why) => throw new CrmValidationException(Provider,
            $"The next page URL given by provider '{Provider}' was not followed: {why}. A next page must stay under the provider's base address ({baseUri.GetLeftPart(UriPartial.Authority)}{baseUri.AbsolutePath.TrimEnd('/')}).",
            "cursor");

        if (url.Length == 0 || url.IndexOf('\\') >= 0 || url.Any(char.IsControl) || url.Contains(' '))
        {
            Refuse("it is empty or has characters a URL cannot carry");
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            Refuse("it names another host");
        }
        Uri? target;
        if (url.StartsWith('/'))
        {
            if (!Uri.TryCreate(baseUri, url, out target)) Refuse("it is not a valid URL path");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out target))
        {
            Refuse("it is neither an absolute URL nor a path starting with '/'");
        }
        if (!string.Equals(target.Scheme, baseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(target.IdnHost, baseUri.IdnHost, StringComparison.OrdinalIgnoreCase)
            || target.Port != baseUri.Port
            || target.UserInfo.Length > 0)
        {
            Refuse("it leaves the provider's scheme, host or port");
        }

        // The path as written (before any normalisation) may not climb out with dot segments.
        var pathEnd = url.IndexOfAny(['?', '#']);
        var rawPath = pathEnd < 0 ? url : url[..pathEnd];
        foreach (var segment in rawPath.Split('/'))
        {
            var decoded = Uri.UnescapeDataString(segment);
            if (decoded is "." or ".." || decoded.Contains('/') || decoded.Contains('\\'))
            {
                Refuse("its path has a dot segment or an escaped separator");
            }
        }
        var basePath = baseUri.AbsolutePath;
        if (!target.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
        {
            Refuse("its path is outside the provider's base path");
        }
        if (target.Fragment.Length > 0)
        {
            Refuse("it has a fragment");
        }
        _pageUrl = target.PathAndQuery;
        _uri = null;
    }

    /// <summary>True when <see cref="SetNextPageUrl"/> set the request's URL.</summary>
    public bool IsNextPageUrl => _pageUrl is not null;

    /// <summary>Appends literal path text from the template, as written.</summary>
    public void AppendPath(string literal)
    {
        _path.Append(literal);
        _uri = null;
    }

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
        _uri = null;
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is null) return;
        _query.Add(new KeyValuePair<string, string>(name, value));
        _uri = null;
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

    /// <summary>The absolute request URI: base address, path, and query (escaped); built once until the builder changes.</summary>
    public Uri BuildUri() => _uri ??= CreateUri();

    private Uri CreateUri()
    {
        if (_baseAddress is null)
        {
            throw new CrmConfigurationException($"Provider '{Provider}' set no base address.");
        }
        var sb = new StringBuilder(_baseAddress.Length + _path.Length + 32);
        var hasQuery = false;
        if (_pageUrl is not null)
        {
            sb.Append(new Uri(_baseAddress, UriKind.Absolute).GetLeftPart(UriPartial.Authority)).Append(_pageUrl);
            hasQuery = _pageUrl.Contains('?');
        }
        else
        {
            sb.Append(_baseAddress).Append(_path);
        }
        for (var i = 0; i < _query.Count; i++)
        {
            sb.Append(i == 0 && !hasQuery ? '?' : '&');
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
