using System.Net;
using System.Text;
using CrmGen.EndToEnd.Tests.Semantics;
using CrmGen.EndToEnd.Tests.Support;

namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>Credentials and request secrets never show in <c>ToString()</c>, exception messages or logs.</summary>
public class SecretRedactionTests
{
    private const string Secret = QueryKeyKit.Secret;

    [Fact]
    public void No_option_or_account_type_prints_a_secret()
    {
        var options = new CrmRequestOptions
        {
            ResponseFormat = CrmResponseFormat.Normalized,
            IgnoreRemoteData = true,
            ExcludeFields = ["id", "owner.id"],
            RemoteQuery = new Dictionary<string, string?> { ["token"] = Secret },
            RemoteData = new RawJson(Encoding.UTF8.GetBytes($$"""{"api_key":"{{Secret}}"}""")),
            Context = new Dictionary<string, string> { ["location_id"] = Secret },
            IdempotencyKey = Secret,
            Timeout = TimeSpan.FromSeconds(5),
        };
        var account = QueryKeyKit.Account(location: Secret).WithContext(new Dictionary<string, string> { ["other"] = Secret });
        var genOptions = new CrmGenOptions().AddProvider(QueryKeyProvider.Instance);

        var texts = new[]
        {
            options.ToString(),
            account.ToString(),
            account.Credentials.ToString(),
            new CrmClientOptions().ToString(),
            new CrmRetryOptions().ToString(),
            new CrmNormalizationOptions { DefaultPhoneCallingCode = 44 }.ToString(),
            genOptions.ToString(),
            new CrmCredentials([new("api_token", Secret), new("refresh_token", Secret)]).ToString(),
        };

        Assert.All(texts, text => Assert.DoesNotContain(Secret, text));
        Assert.Equal("CrmRequestOptions { ResponseFormat = Normalized, IgnoreRemoteData = True, ExcludeFields = [id, owner.id], RemoteQuery = 1 parameter(s), RemoteData = (set), Context = [location_id], IdempotencyKey = (set), Timeout = 00:00:05 }", texts[0]);
        Assert.Contains("api_token = ***", texts[1]);
        Assert.Contains("Providers = [querykey]", texts[6]);
    }

    [Fact]
    public async Task Raw_and_stream_responses_print_their_shape_only()
    {
        using var kit = new QueryKeyKit();

        var raw = await kit.Client.ExecuteRawAsync<CrmNoInput, Contact>(QueryKeyKit.Account(), "contacts", "get", CrmNoInput.Instance, "c_1");
        await using var stream = await kit.Client.ExecuteStreamAsync<CrmNoInput, Contact>(QueryKeyKit.Account(), "contacts", "get", CrmNoInput.Instance, "c_1");

        Assert.Equal("CrmRawResponse { Provider = querykey, StatusCode = 200, ContentType = application/json; charset=utf-8, Body = 42 bytes }", raw.ToString());
        Assert.Equal("CrmStreamResponse { Provider = querykey, StatusCode = 200, ContentType = application/json; charset=utf-8 }", stream.ToString());
    }

    [Fact]
    public async Task A_provider_that_echoes_the_key_back_does_not_put_it_into_the_exception()
    {
        using var kit = new QueryKeyKit((request, _) => RecordingHandler.Json(HttpStatusCode.Unauthorized,
            $$"""{"message":"Invalid api_token {{Secret}} for {{request.RequestUri}}","code":"{{Secret}}"}"""));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync());

        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(Secret, ex.RawBody);
        Assert.DoesNotContain(Secret, ex.ProviderMessage);
        Assert.DoesNotContain(Secret, ex.ProviderCode);
        Assert.Contains("Invalid api_token *** for", ex.ProviderMessage);
        Assert.Contains("refused the credentials of integrated account 'acme-querykey'", ex.Message);
        Assert.Contains("'querykey'", ex.Message);
    }

    [Fact]
    public async Task Logs_of_retries_errors_and_timeouts_carry_no_secret()
    {
        using var kit = new QueryKeyKit((_, n) => n switch
        {
            1 => QueryKeyKit.Status(429, headers: [("Retry-After", "1")]),
            2 => QueryKeyKit.Status(503),
            _ => RecordingHandler.Json(HttpStatusCode.Forbidden, """{"message":"forbidden","code":"AUTH"}"""),
        });
        var options = new CrmRequestOptions
        {
            RemoteQuery = new Dictionary<string, string?> { ["q"] = "private-query-value" },
            IdempotencyKey = "private-idempotency-key",
            Context = new Dictionary<string, string> { ["location_id"] = "private-location" },
        };

        await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync(options));

        var slow = new RecordingHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var timingOut = new CrmClient(new HttpClient(slow), [QueryKeyProvider.Instance], new CrmClientOptions { Timeout = TimeSpan.FromMilliseconds(50) }, kit.Log);
        await Assert.ThrowsAsync<CrmTimeoutException>(() =>
            timingOut.ExecuteAsync<CrmNoInput, Contact>(QueryKeyKit.Account(), "contacts", "get", CrmNoInput.Instance, "c_1"));

        var log = string.Join("\n", kit.Log.Entries);
        Assert.Contains("CrmRequestRetrying", log);
        Assert.Contains("CrmProviderError", log);
        Assert.Contains("CrmRequestTimedOut", log);
        foreach (var secret in new[] { Secret, "private-query-value", "private-idempotency-key", "private-location", "api_token=" })
        {
            Assert.DoesNotContain(secret, log);
        }
    }
}
