using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
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
/// <para>
/// Every call validates the unified input and the request options before any HTTP request,
/// builds the provider request (base address, auth, path, query, headers, the JSON body from a
/// pooled buffer with the request's <c>remote_data</c> merged in), sends it, and maps the
/// provider's answer: a 2xx body to the unified record (or hands it over raw or as a stream), any
/// other status to a <see cref="CrmProviderException"/>.
/// </para>
/// <para>
/// Transient failures are retried as <see cref="CrmRetryOptions"/> describes: 429 on every
/// request, 5xx and lost connections only on requests that are safe to repeat (idempotent methods,
/// or an <see cref="CrmRequestOptions.IdempotencyKey"/>), waiting as the provider's
/// <c>Retry-After</c> and rate-limit headers ask, else with exponential backoff and jitter. A
/// create without an idempotency key is never repeated once it may have reached the provider.
/// The whole call runs within its timeout (<see cref="CrmTimeoutException"/>); the caller's
/// token cancels it at any point (<see cref="OperationCanceledException"/>).
/// </para>
/// <para>
/// The client disposes the <see cref="HttpClient"/> only when it created it
/// (<see cref="Create(ICrmProvider[])"/>); a caller-supplied client stays the caller's.
/// </para>
/// </remarks>
public sealed class CrmClient : IDisposable
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly Dictionary<string, ICrmProvider> _providers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly CrmRetryPipeline _retry;
    private readonly JsonSerializerOptions _metadata;
    private readonly CrmRecordNormalizer _normalizer;
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
        : this(httpClient, providers, options: null, logger, ownsHttpClient: false)
    {
    }

    /// <summary>Creates a client over a caller-supplied <see cref="HttpClient"/>, with settings.</summary>
    /// <param name="httpClient">The client every request goes through; not disposed by <see cref="Dispose"/>.</param>
    /// <param name="providers">The provider adapters.</param>
    /// <param name="options">Retries, default timeout, clock and normalization; null for the defaults. Read once, here.</param>
    /// <param name="logger">An optional logger.</param>
    /// <exception cref="CrmConfigurationException">Two providers have the same name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public CrmClient(HttpClient httpClient, IEnumerable<ICrmProvider> providers, CrmClientOptions? options, ILogger<CrmClient>? logger = null)
        : this(httpClient, providers, options, logger, ownsHttpClient: false)
    {
    }

    private CrmClient(HttpClient httpClient, IEnumerable<ICrmProvider> providers, CrmClientOptions? options, ILogger? logger, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(providers);
        options ??= new CrmClientOptions();
        options.Validate();
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _logger = logger ?? NullLogger.Instance;
        _time = options.TimeProvider;
        _timeout = options.Timeout;
        _retry = new CrmRetryPipeline(options.Retry, _time, _logger);
        _metadata = UnifiedMetadata.For(options.TypeInfoResolver);
        _normalizer = new CrmRecordNormalizer(options.Normalization, _metadata);
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
        Associations = new AssociationsClient(this);
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
    public static CrmClient Create(IEnumerable<ICrmProvider> providers) => Create(providers, options: null);

    /// <summary>
    /// Creates a client with its own <see cref="HttpClient"/> (disposed with the client) and the
    /// given settings.
    /// </summary>
    /// <param name="providers">The provider adapters.</param>
    /// <param name="options">Retries, default timeout, clock and normalization; null for the defaults.</param>
    public static CrmClient Create(IEnumerable<ICrmProvider> providers, CrmClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        // The client enforces its own timeout over every attempt; HttpClient's would cut one attempt.
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return new CrmClient(http, providers, options, logger: null, ownsHttpClient: true);
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

    /// <summary>Associations: links between accounts, contacts, leads and opportunities.</summary>
    public AssociationsClient Associations { get; }

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
    /// Runs one operation of the account's provider: validates <paramref name="input"/> and the
    /// options, sends the provider request (retrying transient failures as allowed) and maps the
    /// answer to the unified output, in the unified or normalized format.
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
    /// <exception cref="ArgumentException">The options ask for the raw or stream format (which have their own calls) or hold invalid values.</exception>
    /// <exception cref="CrmConfigurationException">The provider is not registered, or the account lacks a credential or context value.</exception>
    /// <exception cref="CrmNotSupportedException">The provider has no such operation, or not with these types.</exception>
    /// <exception cref="CrmValidationException">A required field or path parameter is missing, or an option cannot apply (unknown excluded field, remote query naming a credential, remote data that is not an object); no request was sent.</exception>
    /// <exception cref="CrmProviderException">The provider answered with a non-2xx status (after any retries).</exception>
    /// <exception cref="CrmMappingException">The provider's 2xx body could not be mapped.</exception>
    /// <exception cref="CrmTimeoutException">The call did not complete within its timeout.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent (connection refused, DNS…), after any retries.</exception>
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
        options ??= CrmRequestOptions.Default;
        if (options.ResponseFormat is CrmResponseFormat.Raw or CrmResponseFormat.Stream)
        {
            throw new ArgumentException(
                $"The {options.ResponseFormat} response format returns the provider's response, not a {typeof(TOutput).Name}: call Execute{options.ResponseFormat}Async (or Create{options.ResponseFormat}Async).",
                nameof(options));
        }
        var (provider, op, effective) = Begin<TInput, TOutput>(account, resource, operation, input, options, cancellationToken);
        var exclusion = FieldExclusion.Resolve(RecordTypeOf(typeof(TOutput)), options.ExcludeFields, _metadata, provider.Name, resource);

        using var call = Prepare(provider, op, account, effective, id, input, options);
        using var body = await SendAsync(call, options, static (_, response, token) => ResponseBodyReader.ReadAsync(response.Content, token), keepResponse: false, cancellationToken).ConfigureAwait(false);

        var readOptions = new CrmReadOptions
        {
            IgnoreRemoteData = options.IgnoreRemoteData || exclusion is { ExcludesRemoteData: true },
            Account = effective,
            Page = input as CrmPageRequest,
        };
        var result = ReadResponse(op, body.WrittenSpan, readOptions);
        if (result is ICrmPage page)
        {
            foreach (var record in page.RecordList) FinishRecord(record!, exclusion, options);
        }
        else
        {
            FinishRecord(result, exclusion, options);
        }
        return result;
    }

    /// <summary>What the response format and excluded fields do to a mapped record.</summary>
    private void FinishRecord(object record, FieldExclusion? exclusion, CrmRequestOptions options)
    {
        exclusion?.Apply(record);
        if (options.ResponseFormat == CrmResponseFormat.Normalized) _normalizer.Normalize(record);
    }

    /// <summary>The record type of an output: <c>T</c> for <see cref="CrmPage{T}"/>, the type itself otherwise.</summary>
    private static Type RecordTypeOf(Type output)
        => output.IsGenericType && output.GetGenericTypeDefinition() == typeof(CrmPage<>) ? output.GetGenericArguments()[0] : output;

    /// <summary>
    /// Every record of a list operation, page after page, each yielded as soon as it is parsed
    /// from the response stream (<see cref="CrmResourceClient{TModel}.ListAllAsync"/>).
    /// </summary>
    internal async IAsyncEnumerable<TModel> ListAllAsync<TModel>(
        IntegratedAccount account,
        string resource,
        CrmPageRequest first,
        CrmRequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TModel : class
    {
        options ??= CrmRequestOptions.Default;
        if (options.ResponseFormat is CrmResponseFormat.Raw or CrmResponseFormat.Stream)
        {
            throw new ArgumentException(
                $"The {options.ResponseFormat} response format returns the provider's response, not records: list pages with ListAsync and the {options.ResponseFormat} calls.",
                nameof(options));
        }
        var (provider, op, effective) = Begin<CrmPageRequest, CrmPage<TModel>>(account, resource, "list", first, options, cancellationToken);
        var exclusion = FieldExclusion.Resolve(typeof(TModel), options.ExcludeFields, _metadata, provider.Name, resource);
        var ignoreRemoteData = options.IgnoreRemoteData || exclusion is { ExcludesRemoteData: true };
        var listOperation = op as CrmListOperation<TModel>;
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        var request = first;
        while (true)
        {
            string? next;
            if (listOperation is { RecordPath: { } recordPath })
            {
                using var call = Prepare(provider, op, account, effective, null, request, options);
                var (response, stream) = await SendAsync(call, options, static async (_, response, token) =>
                    (response, await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false)), keepResponse: true, cancellationToken).ConfigureAwait(false);
                using (response)
                await using (stream.ConfigureAwait(false))
                {
                    var readOptions = new CrmReadOptions { IgnoreRemoteData = ignoreRemoteData, Account = effective, Page = request };
                    using var reader = new ListPageStreamReader<TModel>(listOperation, recordPath, stream, readOptions);
                    // The page's time budget goes on while its body arrives; the time the caller
                    // spends on a record it was given does not count.
                    using var budget = PageBodyBudget.Start(call, _time, cancellationToken);
                    var records = reader.ReadAsync(budget.Token).GetAsyncEnumerator(budget.Token);
                    await using (records.ConfigureAwait(false))
                    {
                        while (true)
                        {
                            bool more;
                            try
                            {
                                more = await records.MoveNextAsync().ConfigureAwait(false);
                            }
                            catch (Exception e) when (budget.RanOut && e is OperationCanceledException or IOException)
                            {
                                CrmClientLog.TimedOut(_logger, call.Method, call.Path, provider.Name, call.Account.Id, call.Timeout.TotalMilliseconds, call.Attempts);
                                throw new CrmTimeoutException(provider.Name, resource, "list", call.Account.Id, call.Timeout, call.Attempts, call.LastStatus, e);
                            }
                            if (!more) break;
                            var record = records.Current;
                            FinishRecord(record, exclusion, options);
                            budget.Pause();
                            yield return record;
                            budget.Resume();
                        }
                    }
                    next = reader.NextCursor;
                }
            }
            else
            {
                // A record path with array indexes: the page is read whole.
                var page = await ExecuteAsync<CrmPageRequest, CrmPage<TModel>>(account, resource, "list", request, null, options, cancellationToken).ConfigureAwait(false);
                foreach (var record in page.Records) yield return record;
                next = page.NextCursor;
            }

            if (next is null || listOperation is { Paging: CrmPagingKind.None }) yield break;
            if (!cursors.Add(next))
            {
                throw new CrmMappingException(provider.Name, resource, "$",
                    "the provider gave a next page it had already given; the list would never end.");
            }
            request = new CrmPageRequest { Cursor = next, PageSize = first.PageSize };
        }
    }

    /// <summary>
    /// Runs one operation like <see cref="ExecuteAsync{TInput, TOutput}"/> but returns the
    /// provider's own successful response, untouched (the raw format): status, headers and body
    /// bytes. The request is built, validated and retried the same way; an error status still
    /// throws <see cref="CrmProviderException"/>. <see cref="CrmRequestOptions.ResponseFormat"/>,
    /// <see cref="CrmRequestOptions.IgnoreRemoteData"/> and <see cref="CrmRequestOptions.ExcludeFields"/> do not apply.
    /// </summary>
    /// <typeparam name="TInput">The unified input.</typeparam>
    /// <typeparam name="TOutput">The operation's unified output (selects the operation; not produced).</typeparam>
    /// <param name="account">The integrated account.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="input">The unified input.</param>
    /// <param name="id">The record id for get, update and delete.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's response.</returns>
    public async Task<CrmRawResponse> ExecuteRawAsync<TInput, TOutput>(
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
        options ??= CrmRequestOptions.Default;
        var (provider, op, effective) = Begin<TInput, TOutput>(account, resource, operation, input, options, cancellationToken);
        using var call = Prepare(provider, op, account, effective, id, input, options);
        return await SendAsync(call, options, static async (sent, response, token) =>
        {
            using var body = await ResponseBodyReader.ReadAsync(response.Content, token).ConfigureAwait(false);
            return new CrmRawResponse(
                sent.Provider.Name,
                (int)response.StatusCode,
                CrmRawResponse.CopyHeaders(response),
                body.WrittenSpan.ToArray());
        }, keepResponse: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one operation like <see cref="ExecuteAsync{TInput, TOutput}"/> but hands over the
    /// provider's successful response body as a <see cref="System.IO.Stream"/> that reads from the
    /// connection (the stream format): nothing is buffered whole. The request is built, validated
    /// and retried the same way, and an error status still throws
    /// <see cref="CrmProviderException"/>; the timeout ends when the stream is handed over.
    /// Dispose the returned response.
    /// </summary>
    /// <typeparam name="TInput">The unified input.</typeparam>
    /// <typeparam name="TOutput">The operation's unified output (selects the operation; not produced).</typeparam>
    /// <param name="account">The integrated account.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="input">The unified input.</param>
    /// <param name="id">The record id for get, update and delete.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call up to the hand-over.</param>
    /// <returns>The response with its body stream.</returns>
    public async Task<CrmStreamResponse> ExecuteStreamAsync<TInput, TOutput>(
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
        options ??= CrmRequestOptions.Default;
        var (provider, op, effective) = Begin<TInput, TOutput>(account, resource, operation, input, options, cancellationToken);
        using var call = Prepare(provider, op, account, effective, id, input, options);
        return await SendAsync(call, options, static async (sent, response, token) =>
        {
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            return new CrmStreamResponse(sent.Provider.Name, response, stream);
        }, keepResponse: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it; otherwise does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_ownsHttpClient) _http.Dispose();
    }

    // Everything checked before any request: arguments, options, provider, operation, input.
    private (ICrmProvider Provider, CrmOperation<TInput, TOutput> Operation, IntegratedAccount Account) Begin<TInput, TOutput>(
        IntegratedAccount account, string resource, string operation, TInput input, CrmRequestOptions options, CancellationToken cancellationToken)
        where TInput : class
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        options.Validate();

        var provider = GetProvider(account.Provider);
        var op = ResolveOperation<TInput, TOutput>(provider, resource, operation);
        op.Validate(input);
        if (options.RemoteData is { } remoteData) RemoteDataMerger.Validate(remoteData, provider.Name);
        return (provider, op, account.WithContext(options.Context));
    }

    private CrmCall Prepare<TInput, TOutput>(
        ICrmProvider provider, CrmOperation<TInput, TOutput> op, IntegratedAccount original, IntegratedAccount account, string? id, TInput input, CrmRequestOptions options)
        where TInput : class
        where TOutput : class
    {
        var builder = new CrmRequestBuilder(op.Method, provider.Name);
        provider.PrepareRequest(builder, account);
        if (account.BaseAddressOverride is { } overrideAddress)
        {
            builder.SetBaseAddress(overrideAddress.AbsoluteUri);
        }
        if (!ReferenceEquals(original, account)) EnsureSameBaseAddress(provider, op, original, options.Context!, builder);
        // What the provider puts in the query of every request (an api_key_query credential…) is
        // not the caller's to replace.
        var providerQueryCount = builder.Query.Count;
        op.BuildRequest(builder, account, id, input);
        if (options.RemoteQuery is { Count: > 0 } remoteQuery)
        {
            foreach (var pair in remoteQuery)
            {
                for (var i = 0; i < providerQueryCount; i++)
                {
                    if (string.Equals(builder.Query[i].Key, pair.Key, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new CrmValidationException(provider.Name,
                            $"remote_query cannot set '{pair.Key}': provider '{provider.Name}' sets that query parameter itself on every request (credentials or fixed parameters).",
                            pair.Key);
                    }
                }
                builder.AddQuery(pair.Key, pair.Value);
            }
        }
        if (options.IdempotencyKey is { } key) builder.SetHeader(IdempotencyKeyHeader, key);

        PooledBufferWriter? body = null;
        try
        {
            if (op.HasBody)
            {
                body = JsonBodyWriter.Write(op, account, input);
                if (options.RemoteData is { } remoteData)
                {
                    var merged = RemoteDataMerger.Merge(body.WrittenMemory, remoteData, provider.Name, op.Resource, op.Name);
                    body.Dispose();
                    body = merged;
                }
            }
            else if (options.RemoteData is not null)
            {
                throw new CrmValidationException(provider.Name,
                    $"The {op.Resource} {op.Name} operation of provider '{provider.Name}' sends no request body, so remote_data cannot be merged into one.",
                    "remote_data");
            }
            var safeToRepeat = RetryClassifier.IsIdempotent(op.Method) || options.IdempotencyKey is not null;
            return new CrmCall(_http, provider, op, account, builder, body, safeToRepeat);
        }
        catch
        {
            body?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A request's context may supply values the account lacks (HighLevel's location id) and
    /// change what operations read, but not the provider's base address: a context value the base
    /// URL is built from (Salesforce's <c>instance_url</c>) would send the account's credentials to
    /// another host. The base address is built again with the account's own values for every key
    /// it has, and must come out the same.
    /// </summary>
    private static void EnsureSameBaseAddress(ICrmProvider provider, CrmOperation op, IntegratedAccount original, IReadOnlyDictionary<string, string> overrides, CrmRequestBuilder built)
    {
        var supplied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in overrides)
        {
            if (original.GetContext(pair.Key) is null) supplied[pair.Key] = pair.Value;
        }
        var probe = new CrmRequestBuilder(op.Method, provider.Name);
        provider.PrepareRequest(probe, original.WithContext(supplied));
        if (original.BaseAddressOverride is { } overrideAddress) probe.SetBaseAddress(overrideAddress.AbsoluteUri);
        if (!string.Equals(probe.BaseAddress, built.BaseAddress, StringComparison.Ordinal))
        {
            throw new CrmValidationException(provider.Name,
                $"The request's context cannot change the base address of provider '{provider.Name}' for integrated account '{original.Id}': a context value the base URL is built from can only come from the account.",
                "context");
        }
    }

    /// <summary>
    /// Sends the call within its time budget, retrying as allowed. A 2xx answer goes to
    /// <paramref name="onSuccess"/> (still within the budget); any other becomes a
    /// <see cref="CrmProviderException"/>. The response is disposed unless
    /// <paramref name="keepResponse"/> hands it to the result.
    /// </summary>
    private async Task<T> SendAsync<T>(
        CrmCall call,
        CrmRequestOptions options,
        Func<CrmCall, HttpResponseMessage, CancellationToken, ValueTask<T>> onSuccess,
        bool keepResponse,
        CancellationToken cancellationToken)
    {
        var timeout = options.Timeout ?? _timeout;
        call.Timeout = timeout;
        call.Started = _time.GetTimestamp();
        using var timeoutSource = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout, _time);
        // Linked to the caller's token only when the caller can cancel at all.
        using var linked = timeoutSource is null || !cancellationToken.CanBeCanceled ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? timeoutSource?.Token ?? cancellationToken;

        var provider = call.Provider;
        var operation = call.Operation;
        var debug = _logger.IsEnabled(LogLevel.Debug);
        if (debug) CrmClientLog.Sending(_logger, call.Method, call.Path, provider.Name, operation.Resource, operation.Name, call.Account.Id);

        HttpResponseMessage? response = null;
        try
        {
            // The first attempt is sent here; only an outcome the retry rules repeat goes on to the
            // retry pipeline (which then owns, and disposes, that first answer).
            var retried = false;
            try
            {
                response = call.Answered(await call.StartAttempt(token).ConfigureAwait(false));
            }
            catch (HttpRequestException e) when (_retry.ShouldRetryFirst(call, null, e, token))
            {
                response = await _retry.RetryAsync(call, null, ExceptionDispatchInfo.Capture(e), token).ConfigureAwait(false);
                retried = true;
            }
            if (!retried && _retry.ShouldRetryFirst(call, response, null, token))
            {
                var first = response;
                response = null;
                response = await _retry.RetryAsync(call, first, null, token).ConfigureAwait(false);
            }
            var status = (int)response.StatusCode;
            if (debug) CrmClientLog.Received(_logger, provider.Name, status, call.Method, call.Path, _time.GetElapsedTime(call.Started).TotalMilliseconds);
            if (status < 200 || status > 299)
            {
                throw await ProviderErrorAsync(call, response, token).ConfigureAwait(false);
            }
            var result = await onSuccess(call, response, token).ConfigureAwait(false);
            if (keepResponse) response = null;
            return result;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            if (ex.CancellationToken == cancellationToken) throw;
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: our budget ran out, or the HttpClient's own timeout fired.
            var elapsed = timeoutSource is { IsCancellationRequested: true } ? timeout : _http.Timeout;
            CrmClientLog.TimedOut(_logger, call.Method, call.Path, provider.Name, call.Account.Id, elapsed.TotalMilliseconds, call.Attempts);
            throw new CrmTimeoutException(provider.Name, operation.Resource, operation.Name, call.Account.Id, elapsed, call.Attempts,
                call.Attempts > 1 || response is not null ? call.LastStatus : null, ex);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private async Task<CrmProviderException> ProviderErrorAsync(CrmCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var provider = call.Provider;
        var status = (int)response.StatusCode;
        using var body = await ResponseBodyReader.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var error = ReadError(provider, body.WrittenSpan);
        var retryAfter = call.AskedDelay ?? (RetryClassifier.IsTransientStatus(status) ? ProviderRetryDelay.Read(response.Headers, _time.GetUtcNow()) : null);
        CrmClientLog.ProviderError(_logger, provider.Name, status, error.Code, call.Method, call.Path, call.Account.Id);
        return new CrmProviderException(
            provider.Name,
            call.Account.Id,
            status,
            Redact(error.Code, call.Account),
            Redact(error.Message, call.Account),
            Redact(DecodeBody(body.WrittenSpan), call.Account)!,
            retryAfter,
            call.Attempts);
    }

    // A provider that echoes a credential back (an api_token in an error about the URL) must not
    // put it into an exception.
    private static string? Redact(string? text, IntegratedAccount account)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var name in account.Credentials.Names)
        {
            if (account.Credentials.TryGet(name, out var secret) && secret.Length >= 4)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }
        return text;
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
