using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGen.Sandbox;

/// <summary>
/// In-memory emulators of CRM providers' APIs on loopback (<c>http://127.0.0.1:{port}</c>), for
/// tests and samples: each provider lives under <c>/{provider}</c> and speaks its documented
/// dialect (paths, bodies, status codes, auth, errors, rate-limit headers). Every request is
/// recorded for assertions, and a canned failure can replace the next answer.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await CrmSandbox.StartAsync();
/// var account = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox.Options.HubSpotAccessToken))
/// {
///     BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
/// };
/// </code>
/// </example>
public sealed class CrmSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestJournal _journal;
    private readonly Dictionary<string, ProviderEmulator> _emulators;
    private int _disposed;
    private SalesforceEmulator? _salesforce;
    private PipedriveEmulator? _pipedrive;
    private HighLevelEmulator? _highLevel;

    private CrmSandbox(WebApplication app, RequestJournal journal, CrmSandboxOptions options, HubSpotEmulator hubSpot, CloseEmulator close, Uri root)
    {
        _app = app;
        _journal = journal;
        Options = options;
        HubSpot = hubSpot;
        Close = close;
        RootAddress = root;
        _emulators = new Dictionary<string, ProviderEmulator>(StringComparer.OrdinalIgnoreCase)
        {
            [hubSpot.Name] = hubSpot,
            [close.Name] = close,
        };
    }

    /// <summary>The settings the sandbox runs with (credentials it accepts, clock, seed).</summary>
    public CrmSandboxOptions Options { get; }

    /// <summary>The root address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri RootAddress { get; }

    /// <summary>HubSpot's emulator (and its records).</summary>
    public HubSpotEmulator HubSpot { get; }

    /// <summary>Close's emulator (and its records).</summary>
    public CloseEmulator Close { get; }

    /// <summary>Salesforce's emulator (and its records); its base address is the org's instance URL.</summary>
    public SalesforceEmulator Salesforce
    {
        get => _salesforce!;
        private init
        {
            _salesforce = value;
            _emulators[value.Name] = value;
        }
    }

    /// <summary>Pipedrive's emulator (and its records).</summary>
    public PipedriveEmulator Pipedrive
    {
        get => _pipedrive!;
        private init
        {
            _pipedrive = value;
            _emulators[value.Name] = value;
        }
    }

    /// <summary>HighLevel's emulator (and its records).</summary>
    public HighLevelEmulator HighLevel
    {
        get => _highLevel!;
        private init
        {
            _highLevel = value;
            _emulators[value.Name] = value;
        }
    }

    /// <summary>The emulated providers' names.</summary>
    public IReadOnlyCollection<string> Providers => _emulators.Keys;

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<SandboxRequest> Requests => _journal.Snapshot();

    /// <summary>The requests received so far by one provider (a snapshot).</summary>
    public IReadOnlyList<SandboxRequest> RequestsTo(string provider)
        => _journal.Snapshot().Where(r => string.Equals(r.Provider, provider, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Starts a sandbox on a free loopback port.</summary>
    /// <param name="options">Credentials, clock and seed; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<CrmSandbox> StartAsync(CrmSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CrmSandboxOptions();
        var random = new SandboxRandom(options.Seed);
        var hubSpot = new HubSpotEmulator(options, random);
        var close = new CloseEmulator(options, random);
        var salesforce = new SalesforceEmulator(options, random);
        var pipedrive = new PipedriveEmulator(options, random);
        var highLevel = new HighLevelEmulator(options, random);
        var emulators = new ProviderEmulator[] { hubSpot, close, salesforce, pipedrive, highLevel };
        var journal = new RequestJournal();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CrmSandbox).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        app.Use((context, next) => RecordAsync(context, next, journal, emulators, options.TimeProvider));
        foreach (var emulator in emulators)
        {
            emulator.Map(app.MapGroup("/" + emulator.Name));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var address = app.Urls.Select(u => new Uri(u)).First(u => u.Scheme == Uri.UriSchemeHttp);
            var root = new Uri($"http://127.0.0.1:{address.Port}/");
            return new CrmSandbox(app, journal, options, hubSpot, close, root) { Salesforce = salesforce, Pipedrive = pipedrive, HighLevel = highLevel };
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The API root of a provider in this sandbox, to use in place of its public base URL:
    /// <c>{root}/hubspot</c> for HubSpot (<c>https://api.hubapi.com</c>),
    /// <c>{root}/close/api/v1</c> for Close (<c>https://api.close.com/api/v1</c>),
    /// <c>{root}/salesforce</c> for Salesforce (the org's instance URL, the account's <c>instance_url</c> context).
    /// </summary>
    /// <exception cref="ArgumentException">The sandbox does not emulate that provider.</exception>
    public Uri BaseAddressFor(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!_emulators.TryGetValue(provider, out var emulator))
        {
            throw new ArgumentException($"The sandbox does not emulate provider '{provider}' (it emulates: {string.Join(", ", _emulators.Keys.Order(StringComparer.Ordinal))}).", nameof(provider));
        }
        return new Uri(RootAddress, emulator.Name + emulator.ApiRootPath);
    }

    /// <summary>
    /// Makes the next request (to <paramref name="provider"/>, or to any provider when null) get
    /// this answer instead of the emulator's. Failures queue up and are used once each, in order.
    /// The request is still recorded.
    /// </summary>
    /// <param name="statusCode">The HTTP status, e.g. 500.</param>
    /// <param name="body">The body text.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <param name="provider">The provider whose next request fails; null for whichever comes first.</param>
    public void FailNextRequest(int statusCode, string body, string contentType = "application/json", string? provider = null)
        => _journal.Enqueue(new CannedResponse(statusCode, body, contentType, provider));

    /// <summary>Queues a canned response (see <see cref="FailNextRequest(int, string, string, string?)"/>), with headers if needed.</summary>
    public void FailNextRequest(CannedResponse response) => _journal.Enqueue(response);

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _journal.Clear();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task RecordAsync(HttpContext context, RequestDelegate next, RequestJournal journal, ProviderEmulator[] emulators, TimeProvider time)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        request.Body = new MemoryStream(body, writable: false);

        var fullPath = request.Path.HasValue ? request.Path.ToUriComponent() : "/";
        var emulator = emulators.FirstOrDefault(e => fullPath.Equals("/" + e.Name, StringComparison.OrdinalIgnoreCase)
            || fullPath.StartsWith("/" + e.Name + "/", StringComparison.OrdinalIgnoreCase));
        var provider = emulator?.Name ?? "";
        var providerPath = emulator is null ? fullPath : fullPath[(emulator.Name.Length + 1)..];
        if (providerPath.Length == 0) providerPath = "/";

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }
        journal.Add(new SandboxRequest(provider, request.Method, providerPath, request.QueryString.ToUriComponent(), headers, body, time.GetUtcNow()));

        if (await CannedResponseWriter.TryAnswerAsync(context, journal, provider, time).ConfigureAwait(false)) return;

        if (context.GetEndpoint() is null)
        {
            if (emulator is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await emulator.WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
