using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CrmGen.EndToEnd.Tests.Support;

/// <summary>A request as a handler saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Headers, string? ContentType, long? ContentLength, string? Body)
{
    public string? Header(string name)
    {
        foreach (var line in Headers.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Equals(name, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
        }
        return null;
    }
}

/// <summary>An in-process handler that records every request and answers with a scripted response.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = new();

    public RecordingHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public RecordingHandler(HttpStatusCode status, string body)
        : this((_, _) => Task.FromResult(Json(status, body)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests) return _requests.ToArray();
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new StringBuilder();
        foreach (var header in request.Headers) headers.Append(header.Key).Append(": ").AppendJoin(", ", header.Value).Append('\n');
        string? body = null;
        string? contentType = null;
        long? contentLength = null;
        if (request.Content is not null)
        {
            contentType = request.Content.Headers.ContentType?.ToString();
            contentLength = request.Content.Headers.ContentLength;
            foreach (var header in request.Content.Headers) headers.Append(header.Key).Append(": ").AppendJoin(", ", header.Value).Append('\n');
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }
        lock (_requests) _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers.ToString(), contentType, contentLength, body));
        return await _respond(request, cancellationToken);
    }
}

/// <summary>A delegating handler standing for a caller's own handler (telemetry, auth, proxies…).</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        request.Headers.TryAddWithoutValidation("X-Caller-Handler", "seen");
        return base.SendAsync(request, cancellationToken);
    }
}
