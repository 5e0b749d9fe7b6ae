using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// One prepared provider call: the request as built (sent anew for each attempt), its JSON body
/// in a pooled buffer (shared by the attempts, returned to the pool on dispose), and what the
/// attempts learnt. Not thread-safe: one call runs its attempts one after the other.
/// </summary>
internal sealed class CrmCall : IDisposable
{
    private static readonly string UserAgent = "CrmGen/" + (typeof(CrmCall).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    private readonly HttpClient _http;
    private readonly CrmRequestBuilder _builder;
    private PooledBufferWriter? _body;
    private string? _path;

    public CrmCall(HttpClient http, ICrmProvider provider, CrmOperation operation, IntegratedAccount account, CrmRequestBuilder builder, PooledBufferWriter? body, bool safeToRepeat)
    {
        _http = http;
        _builder = builder;
        _body = body;
        Provider = provider;
        Operation = operation;
        Account = account;
        SafeToRepeat = safeToRepeat;
        Method = operation.Method.Method;
    }

    public ICrmProvider Provider { get; }

    public CrmOperation Operation { get; }

    /// <summary>The account as the request uses it (its context merged with the request's).</summary>
    public IntegratedAccount Account { get; }

    /// <summary>True when the request may be sent again after any transient failure (idempotent method or idempotency key).</summary>
    public bool SafeToRepeat { get; }

    /// <summary>The HTTP method, for logs.</summary>
    public string Method { get; }

    /// <summary>The request path without the query, for logs (built when first asked for).</summary>
    public string Path => _path ??= _builder.BuildUri().AbsolutePath;

    /// <summary>The time budget of the whole call; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Timeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>When the call started (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long Started { get; set; }

    /// <summary>The requests sent so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>The status of the last answer, if any came.</summary>
    public int? LastStatus { get; private set; }

    /// <summary>What the last retryable answer asked to wait, if it said.</summary>
    public TimeSpan? AskedDelay { get; set; }

    /// <summary>The wait before the next attempt, when the provider chose it; null for backoff.</summary>
    public TimeSpan? NextDelay { get; set; }

    /// <summary>True when waiting <paramref name="wait"/> still leaves time within the budget.</summary>
    public bool HasTimeFor(TimeSpan wait, TimeProvider time)
        => Timeout == System.Threading.Timeout.InfiniteTimeSpan || time.GetElapsedTime(Started) + wait < Timeout;

    /// <summary>
    /// Starts one attempt and returns the pending response (headers only; the body is not read).
    /// The caller records the answer's status with <see cref="Answered"/>.
    /// </summary>
    public Task<HttpResponseMessage> StartAttempt(CancellationToken cancellationToken)
    {
        Attempts++;
        // Not disposed: the message holds no resource of its own, and its content does not own the
        // pooled body, which this call returns to the pool when it is disposed.
        var request = _builder.Build();
        // Added as text: the values are known to be valid, and nothing parses them per request.
        var headers = request.Headers;
        if (!headers.Contains("Accept")) headers.TryAddWithoutValidation("Accept", "application/json");
        if (!headers.Contains("User-Agent")) headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (_body is { } body) request.Content = new PooledJsonContent(body, ownsBody: false);
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Records the status of an attempt's answer.</summary>
    public HttpResponseMessage Answered(HttpResponseMessage response)
    {
        LastStatus = (int)response.StatusCode;
        return response;
    }

    /// <summary>Sends one attempt and records its status; the response body is not read yet.</summary>
    public async Task<HttpResponseMessage> SendOnceAsync(CancellationToken cancellationToken)
        => Answered(await StartAttempt(cancellationToken).ConfigureAwait(false));

    public void Dispose()
    {
        _body?.Dispose();
        _body = null;
    }
}
