using System.Net;
using CrmGen.EndToEnd.Tests.Support;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>A client over <see cref="QueryKeyProvider"/> and a scripted handler, on an instant clock.</summary>
internal sealed class QueryKeyKit : IDisposable
{
    public const string Secret = "qk_live_9b1f7e2a44c0d3e8";

    public QueryKeyKit(Func<HttpRequestMessage, int, HttpResponseMessage> respond, Action<CrmClientOptions>? configure = null)
    {
        var calls = 0;
        Handler = new RecordingHandler((request, _) => Task.FromResult(respond(request, Interlocked.Increment(ref calls))));
        var options = new CrmClientOptions { TimeProvider = Clock, Timeout = Timeout.InfiniteTimeSpan };
        configure?.Invoke(options);
        Client = new CrmClient(new HttpClient(Handler), [QueryKeyProvider.Instance], options, Log);
    }

    public QueryKeyKit(HttpStatusCode status = HttpStatusCode.OK, string body = """{"contact":{"id":"c_1","firstName":"Ada"}}""")
        : this((_, _) => RecordingHandler.Json(status, body))
    {
    }

    public InstantTimeProvider Clock { get; } = new();

    public RecordingHandler Handler { get; }

    public ListLogger<CrmClient> Log { get; } = new();

    public CrmClient Client { get; }

    public static IntegratedAccount Account(string? location = "loc_account")
        => new("querykey", new CrmCredentials([new("api_token", Secret)]), location is null ? null : new Dictionary<string, string> { ["location_id"] = location })
        {
            Id = "acme-querykey",
        };

    public Task<Contact> CreateAsync(CrmRequestOptions? options = null, IntegratedAccount? account = null)
        => Client.Contacts.CreateAsync(account ?? Account(), new Contact { FirstName = "Ada" }, options);

    public Task<Contact> GetAsync(string id, CrmRequestOptions? options = null)
        => Client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id, options);

    public Task<Contact> UpdateAsync(string id, CrmRequestOptions? options = null)
        => Client.ExecuteAsync<Contact, Contact>(Account(), "contacts", "update", new Contact { FirstName = "Ada" }, id, options);

    public Task<Contact> PatchAsync(string id, CrmRequestOptions? options = null)
        => Client.ExecuteAsync<Contact, Contact>(Account(), "contacts", "patch", new Contact { Id = id, FirstName = "Ada" }, null, options);

    public Task<CrmNoInput> DeleteAsync(string id, CrmRequestOptions? options = null)
        => Client.ExecuteAsync<CrmNoInput, CrmNoInput>(Account(), "contacts", "delete", CrmNoInput.Instance, id, options);

    public static HttpResponseMessage Status(int status, string body = """{"message":"try again","code":"BUSY"}""", (string Name, string Value)[]? headers = null)
    {
        var response = RecordingHandler.Json((HttpStatusCode)status, body);
        foreach (var (name, value) in headers ?? []) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    public static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, """{"contact":{"id":"c_1","firstName":"Ada"}}""");

    public void Dispose() => Client.Dispose();
}
