using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using CrmGen.Benchmarks.Infrastructure;
using CrmGen.Benchmarks.Write;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.Benchmarks.EndToEnd;

/// <summary>
/// Scenario 4: a HubSpot contact create over loopback against the sandbox, through
/// <see cref="CrmClient"/> and as the same request sent with a bare <see cref="HttpClient"/>
/// (same method, URL, headers, auth and body bytes; the body written with a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> and the response mapped to a <see cref="Contact"/> by hand, so
/// the baseline does the same work an application must). Both calls run under one 100-second
/// timeout (CrmClient's default; HttpClient.Timeout's default). Baseline: the bare client.
/// </summary>
/// <remarks>
/// The emulator answers the first create of each client for real (the output check compares both
/// requests as the sandbox recorded them and both mapped contacts); the timed requests then get
/// that same 201 answer as the sandbox's canned response, so the emulator's contact store (and
/// its duplicate-e-mail check) does not grow during the run. The request journal is cleared every
/// <see cref="JournalClearInterval"/> calls, the same for both variants.
/// </remarks>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    /// <summary>The scenario's name in results.</summary>
    public const string Scenario = "e2e-hubspot-create";

    /// <summary>Calls between two clears of the sandbox's request journal.</summary>
    public const int JournalClearInterval = 1024;

    private static readonly CrmRequestOptions RequestOptions = new() { IgnoreRemoteData = true };

    private CrmSandbox _sandbox = null!;
    private CrmClient _crm = null!;
    private HttpClient _http = null!;
    private IntegratedAccount _account = null!;
    private Contact _contact = null!;
    private BareHubSpotCreate _bare = null!;
    private int _calls;

    // One sandbox and one pair of clients for the whole process, shared by both benchmarks: with a
    // new server, connection and thread-pool state per benchmark, whichever variant ran first
    // was measured in a different (colder) environment than the other, by up to tens of percent.
    private static EndToEndBenchmarks? s_shared;

    /// <summary>
    /// Starts the sandbox and both clients once per process (asserting that the two variants send
    /// and read the same), then calls both variants alternately until the tiered JIT and the
    /// thread pool have settled.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        if (s_shared is null)
        {
            SetupAsync().GetAwaiter().GetResult();
            s_shared = this;
            AppDomain.CurrentDomain.ProcessExit += static (_, _) => s_shared?.Cleanup();
        }
        else
        {
            (_sandbox, _crm, _http, _account, _contact, _bare) = (s_shared._sandbox, s_shared._crm, s_shared._http, s_shared._account, s_shared._contact, s_shared._bare);
        }
        JitWarmup.Run(12, () => BareHttpClient().GetAwaiter().GetResult(), () => CrmGenClient().GetAwaiter().GetResult());
    }

    /// <summary>Stops the sandbox and the clients (at process exit for the benchmarks, which share them).</summary>
    public void Cleanup()
    {
        _crm?.Dispose();
        _http?.Dispose();
        _sandbox?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Runs the output check alone (starts and stops its own sandbox).</summary>
    public void Verify()
    {
        try
        {
            SetupAsync().GetAwaiter().GetResult();
        }
        finally
        {
            Cleanup();
        }
    }

    /// <summary>The bare <see cref="HttpClient"/> call: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public Task<Contact> BareHttpClient()
    {
        ClearJournalNow();
        return _bare.SendAsync(_contact);
    }

    /// <summary>The same create through <see cref="CrmClient"/>.</summary>
    [Benchmark]
    public Task<Contact> CrmGenClient()
    {
        ClearJournalNow();
        return _crm.Contacts.CreateAsync(_account, _contact, RequestOptions);
    }

    private async Task SetupAsync()
    {
        _sandbox = await CrmSandbox.StartAsync(new CrmSandboxOptions { HubSpotRequestsPerTenSeconds = int.MaxValue });
        _account = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(_sandbox.Options.HubSpotAccessToken))
        {
            BaseAddressOverride = _sandbox.BaseAddressFor("hubspot"),
        };
        // Each call runs under one 100-second timeout in both variants: CrmClient's own (its
        // default; the HttpClient under it has none, so that no call runs two timers), and the
        // bare HttpClient's (HttpClient.Timeout, left at its default as an application would).
        _crm = new CrmClient(NewHttpClient(Timeout.InfiniteTimeSpan), BuiltInProviders.All);
        _http = NewHttpClient(TimeSpan.FromSeconds(100));
        _bare = new BareHubSpotCreate(_http, _sandbox.BaseAddressFor("hubspot").ToString(), _sandbox.Options.HubSpotAccessToken);
        _contact = ContactWriters.SampleContact();

        // Both variants once against the emulator itself (two different e-mail addresses: the
        // emulator refuses a second contact with the same one), then compare what it recorded.
        var first = ContactWriters.SampleContact();
        var second = ContactWriters.SampleContact();
        second.EmailAddresses![0].Email = "chiara.rossi.2@example.com";
        _sandbox.ClearRequests();
        var bare = await _bare.SendAsync(first);
        var viaClient = await _crm.Contacts.CreateAsync(_account, second, RequestOptions);
        var requests = _sandbox.Requests;
        if (requests.Count != 2) throw new BenchmarkOutputMismatchException($"{Scenario}: the sandbox recorded {requests.Count} requests, not 2.");
        var (bareRequest, clientRequest) = (requests[0], requests[1]);
        OutputCheck.Equal(Scenario, nameof(BareHttpClient), nameof(CrmGenClient), Describe(bareRequest, "chiara.rossi@"), Describe(clientRequest, "chiara.rossi.2@"));
        if (bare.Id is null || viaClient.Id is null || bare.Id == viaClient.Id) throw new BenchmarkOutputMismatchException($"{Scenario}: the emulator did not create two contacts ({bare.Id}, {viaClient.Id}).");
        OutputCheck.Equal(Scenario, nameof(BareHttpClient), nameof(CrmGenClient),
            Normalize(OutputCheck.Describe(bare), bare.Id, "chiara.rossi@"),
            Normalize(OutputCheck.Describe(viaClient), viaClient.Id, "chiara.rossi.2@"));

        // The timed calls: the emulator's own answer to a create (a third address), replayed.
        var third = ContactWriters.SampleContact();
        third.EmailAddresses![0].Email = "chiara.rossi.3@example.com";
        using var answer = await _http.SendAsync(_bare.Request(third));
        var answerBody = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.Created) throw new BenchmarkOutputMismatchException($"{Scenario}: the emulator answered {(int)answer.StatusCode}: {answerBody}");
        _sandbox.FailNextRequest(new CannedResponse(201, answerBody, "application/json", "hubspot") { Times = int.MaxValue });
        var replayed = await _crm.Contacts.CreateAsync(_account, _contact, RequestOptions);
        var replayedBare = await _bare.SendAsync(_contact);
        OutputCheck.Equal(Scenario, nameof(BareHttpClient), nameof(CrmGenClient), OutputCheck.Describe(replayedBare), OutputCheck.Describe(replayed));
        _sandbox.ClearRequests();
    }

    private static HttpClient NewHttpClient(TimeSpan timeout)
        => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All }, disposeHandler: true)
        {
            Timeout = timeout,
        };

    private void ClearJournalNow()
    {
        if (++_calls % JournalClearInterval == 0) _sandbox.ClearRequests();
    }

    /// <summary>A recorded request as text, headers by name, with the variant's own e-mail replaced.</summary>
    private static string Describe(SandboxRequest request, string emailPrefix)
    {
        var headers = string.Join("\n", request.Headers
            .Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => h.Key.ToLowerInvariant() + ": " + h.Value));
        return $"{request.Method} {request.Path}{request.QueryString}\n{headers}\n\n{Encoding.UTF8.GetString(request.Body).Replace(emailPrefix, "EMAIL@", StringComparison.Ordinal)}";
    }

    /// <summary>A mapped contact as text, with what differs between two creates (id, e-mail, the emulator's timestamps) replaced.</summary>
    private static string Normalize(string json, string id, string emailPrefix)
        => System.Text.RegularExpressions.Regex.Replace(
            json.Replace("\"" + id + "\"", "\"ID\"", StringComparison.Ordinal).Replace(emailPrefix, "EMAIL@", StringComparison.Ordinal),
            "\"updated_at\":\"[^\"]*\"", "\"updated_at\":\"TIME\"");
}
