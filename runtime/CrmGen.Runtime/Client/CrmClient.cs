using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmGen;

/// <summary>
/// The CrmGen client: runs the operations of the registered providers over an
/// <see cref="HttpClient"/>. One client serves any number of integrated accounts; it is safe to
/// use from several threads at once.
/// </summary>
/// <remarks>
/// Every call validates the unified input before any HTTP request, builds the provider request
/// (base address, auth, path, query, headers), streams the JSON body from a pooled buffer,
/// and maps the provider's answer: a 2xx body to the unified record, any other status to a
/// <see cref="CrmProviderException"/>. Nothing is retried.
/// The client disposes the <see cref="HttpClient"/> only when it created it
/// (<see cref="Create(ICrmProvider[])"/>); a caller-supplied client stays the caller's.
/// </remarks>
public sealed class CrmClient : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = new("CrmGen", typeof(CrmClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly Dictionary<string, ICrmProvider> _providers;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Creates a client over a caller-supplied <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">
    /// The client every request goes through (its handlers see every request). It is not
    /// disposed by <see cref="Dispose"/>. Its <see cref="HttpClient.BaseAddress"/> is not used:
    /// each provider sets its own.
    /// </param>
    /// <param name="providers">The provider adapters, e.g. <c>BuiltInProviders.All</c>.</param>
    /// <param name="logger">An optional logger (method and path only; never headers, query values or bodies).</param>
    /// <exception cref="CrmConfigurationException">Two providers have the same name.</exception>
    public CrmClient(HttpClient httpClient, IEnumerable<ICrmProvider> providers, ILogger<CrmClient>? logger = null)
        : this(httpClient, providers, logger, ownsHttpClient: false)
    {
    }

    private CrmClient(HttpClient httpClient, IEnumerable<ICrmProvider> providers, ILogger? logger, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(providers);
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _logger = logger ?? NullLogger.Instance;
        _providers = new Dictionary<string, ICrmProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            if (provider is null) throw new ArgumentException("The provider list contains null.", nameof(providers));
            if (!_providers.TryAdd(provider.Name, provider) && !ReferenceEquals(_providers[provider.Name], provider))
            {
                throw new CrmConfigurationException($"Two different providers are named '{provider.Name}'.");
            }
        }
        Providers = _providers.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        Contacts = new ContactsClient(this);
        Pipelines = new PipelinesClient(this);
    }

    /// <summary>
    /// Creates a client with its own <see cref="HttpClient"/> (disposed with the client).
    /// </summary>
    /// <param name="providers">The provider adapters.</param>
    public static CrmClient Create(params ICrmProvider[] providers) => Create((IEnumerable<ICrmProvider>)providers);

    /// <summary>
    /// Creates a client with its own <see cref="HttpClient"/> (disposed with the client), e.g.
    /// <c>CrmClient.Create(BuiltInProviders.All)</c>.
    /// </summary>
    /// <param name="providers">The provider adapters.</param>
    public static CrmClient Create(IEnumerable<ICrmProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler, disposeHandler: true);
        try
        {
            return new CrmClient(http, providers, logger: null, ownsHttpClient: true);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The registered providers, ordered by name.</summary>
    public IReadOnlyList<ICrmProvider> Providers { get; }

    /// <summary>Contacts: people in the CRM.</summary>
    public ContactsClient Contacts { get; }

    /// <summary>Pipelines: named, ordered groups of stages.</summary>
    public PipelinesClient Pipelines { get; }

    /// <summary>The provider of the given name.</summary>
    /// <exception cref="CrmConfigurationException">No provider of that name is registered.</exception>
    public ICrmProvider GetProvider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_providers.TryGetValue(name, out var provider)) return provider;
        var known = Providers.Count == 0 ? "none" : string.Join(", ", Providers.Select(p => p.Name));
        throw new CrmConfigurationException($"No provider named '{name}' is registered with this CrmClient (registered: {known}).");
    }

    /// <summary>
    /// Runs one operation of the account's provider: validates <paramref name="input"/>, sends the
    /// provider request and maps the answer.
    /// </summary>
    /// <typeparam name="TInput">The unified input (the model for create, update and actions; <see cref="CrmNoInput"/> otherwise).</typeparam>
    /// <typeparam name="TOutput">The unified output.</typeparam>
    /// <param name="account">The integrated account; its <see cref="IntegratedAccount.Provider"/> selects the provider.</param>
    /// <param name="resource">The resource, e.g. <c>contacts</c>.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    /// <param name="input">The unified input.</param>
    /// <param name="id">The record id for get, update and delete.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call; surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The unified output mapped from the provider's answer.</returns>
    /// <exception cref="CrmConfigurationException">The provider is not registered, or the account lacks a credential or context value.</exception>
    /// <exception cref="CrmNotSupportedException">The provider has no such operation, or not with these types.</exception>
    /// <exception cref="CrmValidationException">A required field or path parameter is missing (no request was sent).</exception>
    /// <exception cref="CrmProviderException">The provider answered with a non-2xx status.</exception>
    /// <exception cref="CrmMappingException">The provider's 2xx body could not be mapped.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent (connection refused, DNS…).</exception>
    public async Task<TOutput> ExecuteAsync<TInput, TOutput>(
        IntegratedAccount account,
        string resource,
        string operation,
        TInput input,
        string? id = null,
        CrmRequestOptions? options = null,
        CancellationToken cancellationToken = default)
        where TInput : class
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= CrmRequestOptions.Default;

        var provider = GetProvider(account.Provider);
        var op = ResolveOperation<TInput, TOutput>(provider, resource, operation);

        op.Validate(input);

        using var request = BuildRequest(provider, op, account, id, input, options);
        var path = request.RequestUri!.AbsolutePath;
        var method = request.Method.Method;
        CrmClientLog.Sending(_logger, method, path, provider.Name, resource, operation, account.Id);

        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using var body = await ResponseBodyReader.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        CrmClientLog.Received(_logger, provider.Name, status, method, path, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        if (status < 200 || status > 299)
        {
            var error = ReadError(provider, body.WrittenSpan);
            CrmClientLog.ProviderError(_logger, provider.Name, status, error.Code, method, path, account.Id);
            throw new CrmProviderException(provider.Name, account.Id, status, error.Code, error.Message, DecodeBody(body.WrittenSpan));
        }

        return ReadResponse(op, body.WrittenSpan, options.ToReadOptions(account));
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it; otherwise does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_ownsHttpClient) _http.Dispose();
    }

    private static CrmOperation<TInput, TOutput> ResolveOperation<TInput, TOutput>(ICrmProvider provider, string resource, string operation)
        where TInput : class
        where TOutput : class
    {
        var found = provider.FindOperation(resource, operation);
        if (found is null)
        {
            throw new CrmNotSupportedException(provider.Name, resource, operation,
                $"provider '{provider.Name}' has no {resource} {operation} operation.");
        }
        if (found is CrmOperation<TInput, TOutput> typed) return typed;

        var actual = DescribeTypes(found.GetType());
        throw new CrmNotSupportedException(provider.Name, resource, operation,
            $"The {resource} {operation} operation of provider '{provider.Name}' {actual}, not {typeof(TInput).Name} → {typeof(TOutput).Name}.");
    }

    private static string DescribeTypes(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(CrmOperation<,>))
            {
                var args = t.GetGenericArguments();
                return $"takes {args[0].Name} and returns {args[1].Name}";
            }
        }
        return "has other types";
    }

    private static HttpRequestMessage BuildRequest<TInput, TOutput>(
        ICrmProvider provider, CrmOperation<TInput, TOutput> op, IntegratedAccount account, string? id, TInput input, CrmRequestOptions options)
        where TInput : class
        where TOutput : class
    {
        var builder = new CrmRequestBuilder(op.Method, provider.Name);
        provider.PrepareRequest(builder, account);
        if (account.BaseAddressOverride is { } overrideAddress)
        {
            builder.SetBaseAddress(overrideAddress.AbsoluteUri);
        }
        op.BuildRequest(builder, account, id, input);
        if (options.RemoteQuery is { Count: > 0 } remoteQuery)
        {
            foreach (var pair in remoteQuery)
            {
                builder.AddQuery(pair.Key, pair.Value);
            }
        }

        var request = builder.Build();
        try
        {
            if (request.Headers.Accept.Count == 0) request.Headers.Accept.Add(AcceptJson);
            if (request.Headers.UserAgent.Count == 0) request.Headers.UserAgent.Add(UserAgent);
            if (op.HasBody)
            {
                request.Content = new PooledJsonContent(JsonBodyWriter.Write(op, account, input));
            }
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private static CrmProviderError ReadError(ICrmProvider provider, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return default;
        try
        {
            return provider.ReadError(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or CrmMappingException)
        {
            // An error body the provider's error mapping cannot read: the status and raw body still tell the story.
            return default;
        }
    }

    private static TOutput ReadResponse<TInput, TOutput>(CrmOperation<TInput, TOutput> op, ReadOnlySpan<byte> body, CrmReadOptions readOptions)
        where TInput : class
        where TOutput : class
    {
        try
        {
            return op.ReadResponse(body, readOptions);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            var path = ex is JsonException { Path: { Length: > 0 } jsonPath } ? jsonPath : "$";
            throw new CrmMappingException(op.Provider, op.Resource, path, ex.Message, ex);
        }
    }

    // Invalid UTF-8 becomes U+FFFD: the raw body is for people and logs, not for parsing.
    private static string DecodeBody(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);
}
