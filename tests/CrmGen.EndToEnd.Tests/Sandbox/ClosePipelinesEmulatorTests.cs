using System.Net;
using System.Text.RegularExpressions;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.Sandbox;

public class ClosePipelinesEmulatorTests
{
    private static readonly string ApiKey = CrmSandboxOptions.DefaultCloseApiKey;

    [Fact]
    public async Task Create_answers_200_with_the_pipeline_and_its_default_statuses()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"Enterprise"}""", Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(["id", "name", "organization_id", "statuses", "date_created", "date_updated"], body.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^pipe_[0-9A-Za-z]{22}$", body.GetProperty("id").GetString());
        Assert.Equal("Enterprise", body.GetProperty("name").GetString());
        Assert.Equal(sandbox.Close.OrganizationId, body.GetProperty("organization_id").GetString());
        Assert.Matches("^orga_[0-9A-Za-z]{22}$", sandbox.Close.OrganizationId);
        var statuses = body.GetProperty("statuses").EnumerateArray().ToArray();
        Assert.Equal(["Active", "Won", "Lost"], statuses.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(["active", "won", "lost"], statuses.Select(s => s.GetProperty("type").GetString()));
        Assert.All(statuses, s => Assert.Matches("^stat_[0-9A-Za-z]{22}$", s.GetProperty("id").GetString()));
        Assert.Equal("2025-03-14T09:26:53.589000+00:00", body.GetProperty("date_created").GetString());
        Assert.Equal("2025-03-14T09:26:53.589000+00:00", body.GetProperty("date_updated").GetString());
        var stored = Assert.Single(sandbox.Close.Pipelines.Records);
        Assert.Equal(body.GetProperty("id").GetString(), stored.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_api_key_as_basic_user_name_the_answer_is_401(string? user)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"Enterprise"}""", user is null ? null : Basic(user)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).TryGetProperty("error", out _));
        Assert.Empty(sandbox.Close.Pipelines.Records);
    }

    [Fact]
    public async Task A_bearer_token_is_not_close_authentication()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"Enterprise"}""", Bearer(ApiKey)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{}""", "This field is required.")]
    [InlineData("""{"name": ""}""", "This field is required.")]
    [InlineData("""{"name": null}""", "This field is required.")]
    [InlineData("""{"name": 7}""", "Not a valid string.")]
    public async Task An_invalid_name_is_400_with_field_errors(string json, string message)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), json, Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(message, body.GetProperty("field-errors").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_400_with_an_error_message()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name": """, Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await ReadJsonAsync(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Paths_end_with_a_slash_as_documented()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline"), """{"name":"Enterprise"}""", Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", (await ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_created_pipeline_can_be_fetched_and_listed()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var created = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"Enterprise"}""", Basic(ApiKey)));
        var createdBody = (await ReadJsonAsync(created)).GetRawText();
        var id = Assert.Single(sandbox.Close.Pipelines.Records).Id;

        using var get = new HttpRequestMessage(HttpMethod.Get, Url(sandbox, $"pipeline/{id}/"));
        get.Headers.Authorization = Basic(ApiKey);
        using var fetched = await http.SendAsync(get);
        using var list = new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "pipeline/"));
        list.Headers.Authorization = Basic(ApiKey);
        using var listed = await http.SendAsync(list);
        using var missing = new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "pipeline/pipe_missing/"));
        missing.Headers.Authorization = Basic(ApiKey);
        using var notFound = await http.SendAsync(missing);

        Assert.Equal(createdBody, (await ReadJsonAsync(fetched)).GetRawText());
        var page = await ReadJsonAsync(listed);
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(createdBody, Assert.Single(page.GetProperty("data").EnumerateArray()).GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_is_announced_in_the_RateLimit_header_and_enforced_with_429()
    {
        var (sandbox, clock) = await StartAsync(o => o.CloseRequestsPerSecond = 1);
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var first = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"A"}""", Basic(ApiKey)));
        using var second = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"B"}""", Basic(ApiKey)));
        clock.Advance(TimeSpan.FromSeconds(1));
        using var third = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"C"}""", Basic(ApiKey)));

        Assert.Equal("limit=1, remaining=0, reset=1", Header(first, "RateLimit"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("1", Header(second, "Retry-After"));
        Assert.True((await ReadJsonAsync(second)).GetProperty("error").TryGetProperty("rate_reset", out _));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(["A", "C"], sandbox.Close.Pipelines.Records.Select(p => p.Name));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_ids()
    {
        async Task<string> CreateOnce()
        {
            var (sandbox, _) = await StartAsync(o => o.Seed = 7);
            await using var __ = sandbox;
            using var http = new HttpClient();
            using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"Seeded"}""", Basic(ApiKey)));
            return (await ReadJsonAsync(response)).GetRawText();
        }

        Assert.Equal(await CreateOnce(), await CreateOnce());
    }

    [Fact]
    public async Task Dates_carry_microseconds_and_a_utc_offset()
    {
        var (sandbox, clock) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        clock.Advance(TimeSpan.FromTicks(1234));

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "pipeline/"), """{"name":"Timed"}""", Basic(ApiKey)));

        var created = (await ReadJsonAsync(response)).GetProperty("date_created").GetString();
        Assert.Equal("2025-03-14T09:26:53.589123+00:00", created);
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$"), created);
    }

    private static Uri Url(CrmSandbox sandbox, string relative) => new(sandbox.BaseAddressFor("close") + "/" + relative);
}
