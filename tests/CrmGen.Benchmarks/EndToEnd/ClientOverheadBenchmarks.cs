using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using CrmGen.Benchmarks.Infrastructure;
using CrmGen.Benchmarks.Write;
using CrmGen.Providers;

namespace CrmGen.Benchmarks.EndToEnd;

/// <summary>
/// Scenario 4b (diagnostic, no budget): the same HubSpot contact create as
/// <see cref="EndToEndBenchmarks"/>, but both clients send it to an in-memory
/// <see cref="HttpMessageHandler"/> that answers HubSpot's documented 201 at once. Without
/// sockets, a server and its scheduling noise, the difference between the two variants is the
/// client-side work per call alone: what CrmGen adds to a hand-written call.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    /// <summary>The scenario's name in results.</summary>
    public const string Scenario = "client-overhead-hubspot-create";

    private const string BaseAddress = "https://api.hubapi.com";
    private const string Token = "pat-na1-00000000-0000-0000-0000-000000000000";

    private static readonly CrmRequestOptions RequestOptions = new() { IgnoreRemoteData = true };

    private CrmClient _crm = null!;
    private HttpClient _http = null!;
    private IntegratedAccount _account = null!;
    private Contact _contact = null!;
    private BareHubSpotCreate _bare = null!;
    private AnsweringHandler _crmHandler = null!;
    private AnsweringHandler _bareHandler = null!;

    /// <summary>Creates both clients and asserts they send the same request and map the same contact.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetupAndCheck();
        JitWarmup.Run(() => BareHttpClient().GetAwaiter().GetResult(), () => CrmGenClient().GetAwaiter().GetResult());
    }

    private void SetupAndCheck()
    {
        _crmHandler = new AnsweringHandler();
        _bareHandler = new AnsweringHandler();
        _crm = new CrmClient(new HttpClient(_crmHandler) { Timeout = Timeout.InfiniteTimeSpan }, BuiltInProviders.All);
        // One 100-second timeout per call in both variants, as in the loopback scenario.
        _http = new HttpClient(_bareHandler) { Timeout = TimeSpan.FromSeconds(100) };
        _account = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(Token)) { BaseAddressOverride = new Uri(BaseAddress) };
        _bare = new BareHubSpotCreate(_http, BaseAddress, Token);
        _contact = ContactWriters.SampleContact();

        var viaClient = CrmGenClient().GetAwaiter().GetResult();
        var bare = BareHttpClient().GetAwaiter().GetResult();
        OutputCheck.Equal(Scenario, nameof(BareHttpClient), nameof(CrmGenClient), _bareHandler.LastRequest, _crmHandler.LastRequest);
        OutputCheck.Equal(Scenario, nameof(BareHttpClient), nameof(CrmGenClient), OutputCheck.Describe(bare), OutputCheck.Describe(viaClient));
        _crmHandler.Record = _bareHandler.Record = false;
    }

    /// <summary>Disposes both clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _crm?.Dispose();
        _http?.Dispose();
    }

    /// <summary>Runs the output check alone.</summary>
    public void Verify()
    {
        try
        {
            SetupAndCheck();
        }
        finally
        {
            Cleanup();
        }
    }

    /// <summary>The bare <see cref="HttpClient"/> call: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public Task<Contact> BareHttpClient() => _bare.SendAsync(_contact);

    /// <summary>The same create through <see cref="CrmClient"/>.</summary>
    [Benchmark]
    public Task<Contact> CrmGenClient() => _crm.Contacts.CreateAsync(_account, _contact, RequestOptions);

    /// <summary>Answers every request with HubSpot's 201 for a created contact, after reading the request body.</summary>
    private sealed class AnsweringHandler : HttpMessageHandler
    {
        private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
            """{"id":"512","properties":{"createdate":"2024-01-15T10:30:00.000Z","email":"chiara.rossi@example.com","firstname":"Chiara","hs_object_id":"512","lastmodifieddate":"2024-01-15T10:30:00.000Z","lastname":"Rossi"},"createdAt":"2024-01-15T10:30:00.000Z","updatedAt":"2024-01-15T10:30:00.000Z","archived":false}""");

        private readonly byte[] _sink = new byte[16 * 1024];

        public bool Record { get; set; } = true;

        public string LastRequest { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var length = 0;
            if (request.Content is { } content)
            {
                await using var stream = new MemoryStream(_sink, writable: true);
                await content.CopyToAsync(stream, cancellationToken);
                length = (int)stream.Position;
            }
            if (Record)
            {
                var headers = string.Join("\n", request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                    .Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(h => h.Key.ToLowerInvariant() + ": " + string.Join(", ", h.Value)));
                LastRequest = $"{request.Method} {request.RequestUri}\n{headers}\n\n{Encoding.UTF8.GetString(_sink, 0, length)}";
            }
            var response = new HttpResponseMessage(HttpStatusCode.Created) { RequestMessage = request, Content = new ByteArrayContent(Answer) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return response;
        }
    }
}
