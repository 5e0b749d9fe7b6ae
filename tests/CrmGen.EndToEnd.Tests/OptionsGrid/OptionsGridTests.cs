using System.Text;
using System.Text.Json;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.OptionsGrid;

/// <summary>
/// Every seed operation of every provider (<see cref="GridCase.All"/>) crossed with the response
/// formats and request options, each over real HTTP against a fresh sandbox. The client and the
/// sandbox share an instant clock: retry waits take no real time.
/// </summary>
public class OptionsGridTests
{
    public static readonly string[] Options =
    [
        "unified", "raw", "normalized", "stream", "ignore_remote_data", "exclude_fields", "remote_query", "remote_data", "rate_limit_429", "server_error_500", "server_error_500_with_idempotency_key",
    ];

    public static TheoryData<string, string> Grid
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var gridCase in GridCase.All)
            {
                foreach (var option in Options) data.Add(gridCase.Name, option);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public async Task Case_under_option(string caseName, string option)
    {
        var gridCase = GridCase.Named(caseName);
        await using var kit = await GridKit.StartAsync();
        var call = await gridCase.Prepare(kit);
        kit.Tap.Clear();

        switch (option)
        {
            case "unified": await Unified(gridCase, kit, call); break;
            case "raw": await Raw(gridCase, kit, call); break;
            case "normalized": await Normalized(gridCase, call); break;
            case "stream": await Stream(gridCase, kit, call); break;
            case "ignore_remote_data": await IgnoreRemoteData(call); break;
            case "exclude_fields": await ExcludeFields(gridCase, call); break;
            case "remote_query": await RemoteQuery(gridCase, kit, call); break;
            case "remote_data": await RemoteData(gridCase, kit, call); break;
            case "rate_limit_429": await RateLimit(gridCase, kit, call); break;
            case "server_error_500": await ServerError(gridCase, kit, call); break;
            case "server_error_500_with_idempotency_key": await ServerErrorWithKey(gridCase, kit, call); break;
            default: throw new ArgumentOutOfRangeException(nameof(option), option, null);
        }
    }

    private static async Task Unified(GridCase gridCase, GridKit kit, GridCall call)
    {
        var result = await call.Unified(null);

        Assert.NotNull(result);
        if (gridCase.ReturnsId) Assert.False(string.IsNullOrEmpty(result.Id));
        // The id is the one the provider answered with, over the wire.
        if (gridCase.IdFromAnswer) Assert.Contains(result.Id!, Encoding.UTF8.GetString(Assert.Single(kit.Tap.Bodies)));
        // Default: remote_data kept wherever the provider answered (an association: one entry per link, null for an empty answer).
        Assert.NotNull(result.RemoteData);
        using var remote = result.RemoteData!.Parse();
        if (!gridCase.ResponseHasBody) Assert.Equal("[null]", result.RemoteData.ToString());
        Assert.Single(kit.Sandbox.RequestsTo(gridCase.Provider));
    }

    private static async Task Raw(GridCase gridCase, GridKit kit, GridCall call)
    {
        var responses = await call.Raw(new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Raw });

        var response = Assert.Single(responses);
        Assert.Single(kit.Sandbox.RequestsTo(gridCase.Provider));
        // The bytes are exactly the ones the sandbox sent.
        Assert.Equal(Assert.Single(kit.Tap.Bodies), response.Body.ToArray());
        Assert.Equal(gridCase.Provider, response.Provider);
        Assert.InRange(response.StatusCode, 200, 299);
        if (!gridCase.ResponseHasBody)
        {
            Assert.Equal(204, response.StatusCode);
            Assert.True(response.Body.IsEmpty);
            return;
        }
        Assert.StartsWith("application/json", response.ContentType);
        using var body = response.ParseJson();
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }

    private static async Task Normalized(GridCase gridCase, GridCall call)
    {
        var normalized = await call.Unified(new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized });

        Assert.NotNull(normalized);
        if (gridCase.ReturnsId) Assert.False(string.IsNullOrEmpty(normalized.Id));
        if (gridCase.EchoesEmail)
        {
            Assert.Equal("ada@example.com", Assert.Single(normalized.Emails!));
        }
        else
        {
            Assert.Null(normalized.Emails);
        }
        Assert.All(normalized.Timestamps, t => Assert.True(t is null || t.Value.Offset == TimeSpan.Zero, $"{t} is not UTC"));
    }

    private static async Task Stream(GridCase gridCase, GridKit kit, GridCall call)
    {
        if (call.Stream is null)
        {
            // Associations answer one response per link: the stream format is refused before any request.
            await Assert.ThrowsAsync<ArgumentException>(() => call.Unified(new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Stream }));
            return;
        }
        await using var stream = await call.Stream(new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Stream });

        Assert.Equal(gridCase.Provider, stream.Provider);
        Assert.InRange(stream.StatusCode, 200, 299);
        using var buffer = new MemoryStream();
        await stream.Body.CopyToAsync(buffer);
        Assert.Equal(Assert.Single(kit.Tap.Bodies), buffer.ToArray());
        using var body = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }

    private static async Task IgnoreRemoteData(GridCall call)
    {
        var ignored = await call.Unified(new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.NotNull(ignored);
        Assert.Null(ignored.RemoteData);
    }

    private static async Task ExcludeFields(GridCase gridCase, GridCall call)
    {
        var excluded = await call.Unified(new CrmRequestOptions { ExcludeFields = [gridCase.ExcludedField] });

        Assert.NotNull(excluded);
        Assert.Null(excluded.Id);
        Assert.NotNull(excluded.RemoteData);
    }

    private static async Task RemoteQuery(GridCase gridCase, GridKit kit, GridCall call)
    {
        await call.Unified(new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { ["crmgen_probe"] = "1" } });

        var request = Assert.Single(kit.Sandbox.RequestsTo(gridCase.Provider));
        Assert.Contains("crmgen_probe=1", request.QueryString.TrimStart('?').Split('&'));
        Assert.EndsWith("crmgen_probe=1", request.QueryString);
    }

    private static async Task RemoteData(GridCase gridCase, GridKit kit, GridCall call)
    {
        var options = new CrmRequestOptions { RemoteData = new RawJson(Encoding.UTF8.GetBytes(gridCase.RemoteDataJson)) };
        if (!gridCase.HasRequestBody)
        {
            // No body to merge into (HubSpot's v4 default association PUT): refused before any request, never silently dropped.
            await Assert.ThrowsAsync<CrmValidationException>(() => call.Unified(options));
            Assert.Empty(kit.Sandbox.Requests);
            return;
        }

        await call.Unified(options);

        using var body = Assert.Single(kit.Sandbox.RequestsTo(gridCase.Provider)).ParseBody();
        Assert.Equal("crmgen", body.RootElement.GetProperty(gridCase.RemoteDataKey).GetString());
        // Merged, not replaced: the mapping's own keys are still sent.
        Assert.True(body.RootElement.EnumerateObject().Count() > 1, body.RootElement.GetRawText());
    }

    private static async Task RateLimit(GridCase gridCase, GridKit kit, GridCall call)
    {
        if (gridCase.Provider == "salesforce")
        {
            // The sandbox's Salesforce dialect of a rate limit is 403 REQUEST_LIMIT_EXCEEDED (not a wait); a plain 429 is queued instead.
            kit.Sandbox.FailNextRequest(new CannedResponse(429, """[{"message":"Too many requests","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", "application/json", "salesforce",
                new Dictionary<string, string> { ["Retry-After"] = "1" }));
        }
        else
        {
            kit.Sandbox.InjectRateLimit(gridCase.Provider);
        }

        var result = await call.Unified(null);

        Assert.NotNull(result);
        if (gridCase.ReturnsId) Assert.False(string.IsNullOrEmpty(result.Id));
        var requests = kit.Sandbox.RequestsTo(gridCase.Provider);
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].PathAndQuery, requests[1].PathAndQuery);
        Assert.Equal(requests[0].BodyText, requests[1].BodyText);
        Assert.Single(kit.Waits);
    }

    private static async Task ServerErrorWithKey(GridCase gridCase, GridKit kit, GridCall call)
    {
        kit.Sandbox.InjectServerError(gridCase.Provider, 500);

        var result = await call.Unified(new CrmRequestOptions { IdempotencyKey = "grid-key" });

        Assert.NotNull(result);
        if (gridCase.ReturnsId) Assert.False(string.IsNullOrEmpty(result.Id));
        var requests = kit.Sandbox.RequestsTo(gridCase.Provider);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(gridCase.SentIdempotencyKey, r.Header("Idempotency-Key")));
    }

    private static async Task ServerError(GridCase gridCase, GridKit kit, GridCall call)
    {
        kit.Sandbox.InjectServerError(gridCase.Provider, 500);

        if (gridCase.IdempotentMethod)
        {
            // A PUT is safe to repeat: retried, and the second attempt succeeds.
            var result = await call.Unified(null);
            Assert.NotNull(result);
            Assert.Equal(2, kit.Sandbox.RequestsTo(gridCase.Provider).Count);
            return;
        }

        var ex = await Assert.ThrowsAnyAsync<CrmException>(() => call.Unified(null));

        var provider = ex as CrmProviderException ?? Assert.IsType<CrmProviderException>(Assert.IsType<CrmAssociationException>(ex).InnerException);
        Assert.Equal(500, provider.StatusCode);
        Assert.Equal(1, provider.Attempts);
        Assert.Single(kit.Sandbox.RequestsTo(gridCase.Provider));
    }
}
