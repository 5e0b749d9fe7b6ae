using System.Net;
using System.Text;
using System.Text.Json;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>The Pipedrive emulator over raw HTTP, the way Pipedrive's own documentation shows it (no CrmGen involved).</summary>
public class PipedriveEmulatorTests
{
    private static readonly string Token = CrmSandboxOptions.DefaultPipedriveApiToken;

    [Fact]
    public async Task Add_a_person_answers_201_with_the_person_in_data_and_its_related_objects()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        var org = sandbox.Pipedrive.AddOrganization("Analytical Engines Ltd");
        var field = sandbox.Pipedrive.AddPersonField("Favourite engine");
        var unset = sandbox.Pipedrive.AddPersonField("Shoe size", "double");
        using var http = new HttpClient();

        var json = $$"""
            {"name":"Ada Lovelace","org_id":{{org.Id}},"email":[{"value":"ada@example.com","primary":true,"label":"work"}],
             "phone":"+44 20 7946 0958","label_ids":[2],"add_time":"2024-05-01 12:30:15","{{field.Key}}":"analytical","unknown_key":1}
            """;
        using var response = await http.SendAsync(PipedrivePost(sandbox, "persons", json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(1, data.GetProperty("id").GetInt64());
        Assert.Equal(sandbox.Pipedrive.CompanyId, data.GetProperty("company_id").GetInt64());
        Assert.Equal("Ada Lovelace", data.GetProperty("name").GetString());
        Assert.Equal("Ada", data.GetProperty("first_name").GetString());
        Assert.Equal("Lovelace", data.GetProperty("last_name").GetString());
        var owner = data.GetProperty("owner_id");
        Assert.Equal(sandbox.Pipedrive.AuthorizedUser.Id, owner.GetProperty("id").GetInt64());
        Assert.Equal(sandbox.Pipedrive.AuthorizedUser.Id, owner.GetProperty("value").GetInt64());
        Assert.Equal(sandbox.Pipedrive.AuthorizedUser.Name, owner.GetProperty("name").GetString());
        var organization = data.GetProperty("org_id");
        Assert.Equal(org.Id, organization.GetProperty("value").GetInt64());
        Assert.Equal("Analytical Engines Ltd", organization.GetProperty("name").GetString());
        Assert.Equal(1, organization.GetProperty("people_count").GetInt32());
        Assert.Equal("Analytical Engines Ltd", data.GetProperty("org_name").GetString());
        Assert.Equal("""[{"label":"work","value":"ada@example.com","primary":true}]""", data.GetProperty("email").GetRawText());
        Assert.Equal("""[{"label":"work","value":"+44 20 7946 0958","primary":true}]""", data.GetProperty("phone").GetRawText());
        Assert.Equal(2, data.GetProperty("label").GetInt64());
        Assert.Equal("[2]", data.GetProperty("label_ids").GetRawText());
        Assert.Equal("2024-05-01 12:30:15", data.GetProperty("add_time").GetString());
        Assert.Equal("2025-03-14 09:26:53", data.GetProperty("update_time").GetString());
        Assert.Equal("3", data.GetProperty("visible_to").GetString());
        Assert.Equal(0, data.GetProperty("open_deals_count").GetInt32());
        Assert.Matches("^[0-9a-f]{40}$", field.Key);
        Assert.Equal("analytical", data.GetProperty(field.Key).GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty(unset.Key).ValueKind);
        Assert.False(data.TryGetProperty("unknown_key", out _));
        var related = body.GetProperty("related_objects");
        Assert.True(related.GetProperty("user").TryGetProperty(sandbox.Pipedrive.AuthorizedUser.Id.ToString(), out _));
        Assert.Equal("Analytical Engines Ltd", related.GetProperty("organization").GetProperty(org.Id.ToString()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_person_without_email_or_phone_has_one_empty_primary_entry_of_each()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"Ada"}"""));

        var data = (await ReadJsonAsync(response)).GetProperty("data");
        Assert.Equal("""[{"value":"","primary":true}]""", data.GetProperty("email").GetRawText());
        Assert.Equal("""[{"value":"","primary":true}]""", data.GetProperty("phone").GetRawText());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("last_name").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("org_id").ValueKind);
    }

    [Fact]
    public async Task The_first_entry_is_primary_unless_another_is_marked()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(PipedrivePost(sandbox, "persons",
            """{"name":"Ada","email":[{"value":"a@example.com"},{"value":"b@example.com","primary":"true","label":"home"}]}"""));

        var emails = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("email");
        Assert.Equal([false, true], emails.EnumerateArray().Select(e => e.GetProperty("primary").GetBoolean()));
        Assert.Equal(["work", "home"], emails.EnumerateArray().Select(e => e.GetProperty("label").GetString()));
    }

    [Theory]
    [InlineData("""{}""", "Name must be given.")]
    [InlineData("""{"name":"  "}""", "Name must be given.")]
    [InlineData("""{"name":"Ada","org_id":999}""", "Organization not found.")]
    [InlineData("""{"name":"Ada","owner_id":"abc"}""", "Owner not found.")]
    [InlineData("""{"name":"Ada","label_ids":[99]}""", "Label with ID 99 does not exist.")]
    [InlineData("""{"name":"Ada","add_time":"2024-05-01T12:30:15Z"}""", "Invalid add_time. The format must be YYYY-MM-DD HH:MM:SS.")]
    [InlineData("""{"name":"Ada","email":[{"value":"a@example.com","label":"office"}]}""", "Invalid email label 'office'. Use one of: work, home, other.")]
    public async Task An_invalid_person_is_400_with_pipedrives_error_body(string json, string error)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(PipedrivePost(sandbox, "persons", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(["success", "error", "error_info", "data", "additional_data"], body.EnumerateObject().Select(p => p.Name));
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Empty(sandbox.Pipedrive.Persons.Records);
    }

    [Fact]
    public async Task Get_a_person_returns_it_and_an_unknown_id_is_404()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var created = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"Ada"}"""));

        using var found = await http.SendAsync(PipedriveGet(sandbox, "persons/1"));
        using var missing = await http.SendAsync(PipedriveGet(sandbox, "persons/2"));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("Ada", (await ReadJsonAsync(found)).GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Person not found", (await ReadJsonAsync(missing)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("header")]
    [InlineData("query")]
    [InlineData("oauth")]
    public async Task The_documented_ways_of_authenticating_are_accepted(string how)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        var query = how == "query" ? "?api_token=" + Token : "";
        using var request = Post(new Uri(sandbox.BaseAddressFor("pipedrive") + "/persons" + query), """{"name":"Ada"}""");
        if (how == "header") request.Headers.Add("x-api-token", Token);
        if (how == "oauth") request.Headers.Authorization = Bearer(sandbox.Options.PipedriveAccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Without_a_valid_token_the_answer_is_401(string? token)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var request = Post(new Uri(sandbox.BaseAddressFor("pipedrive") + "/persons"), """{"name":"Ada"}""");
        if (token is not null) request.Headers.Add("x-api-token", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("unauthorized access", body.GetProperty("error").GetString());
        Assert.Equal(401, body.GetProperty("errorCode").GetInt32());
        Assert.Empty(sandbox.Pipedrive.Persons.Records);
    }

    [Fact]
    public async Task Responses_carry_the_burst_limit_headers_and_api_token_writes_the_daily_count()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var first = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"Ada"}"""));
        using var second = await http.SendAsync(PipedriveGet(sandbox, "persons/1"));

        Assert.Equal("20", Header(first, "x-ratelimit-limit"));
        Assert.Equal("19", Header(first, "x-ratelimit-remaining"));
        Assert.Equal("2", Header(first, "x-ratelimit-reset"));
        Assert.Equal("9999", Header(first, "x-daily-requests-left"));
        Assert.Equal("18", Header(second, "x-ratelimit-remaining"));
        Assert.False(second.Headers.Contains("x-daily-requests-left"), "x-daily-requests-left is only sent for POST and PUT");
    }

    [Fact]
    public async Task Oauth_tokens_get_four_times_the_api_token_limit_and_no_daily_count()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var request = Post(new Uri(sandbox.BaseAddressFor("pipedrive") + "/persons"), """{"name":"Ada"}""");
        request.Headers.Authorization = Bearer(sandbox.Options.PipedriveAccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal("80", Header(response, "x-ratelimit-limit"));
        Assert.False(response.Headers.Contains("x-daily-requests-left"));
    }

    [Fact]
    public async Task Over_the_burst_limit_the_answer_is_429_until_the_window_passes()
    {
        var (sandbox, clock) = await StartAsync(o => o.PipedriveRequestsPerTwoSeconds = 2);
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var a = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"A"}"""));
        using var b = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"B"}"""));
        using var c = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"C"}"""));
        clock.Advance(TimeSpan.FromSeconds(2));
        using var d = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"D"}"""));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, (HttpStatusCode)429, HttpStatusCode.Created], new[] { a, b, c, d }.Select(r => r.StatusCode));
        Assert.Equal("0", Header(c, "x-ratelimit-remaining"));
        var body = await ReadJsonAsync(c);
        Assert.Equal("Request over limit", body.GetProperty("error").GetString());
        Assert.Equal(429, body.GetProperty("errorCode").GetInt32());
        Assert.Equal(["A", "B", "D"], sandbox.Pipedrive.Persons.Records.Select(p => p.Name));
    }

    [Fact]
    public async Task Add_a_pipeline_answers_with_the_pipeline_and_no_stages()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(PipedrivePost(sandbox, "pipelines", """{"name":"Enterprise Sales","active":true,"deal_probability":0}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(["id", "name", "url_title", "order_nr", "active", "deal_probability", "add_time", "update_time"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, data.GetProperty("id").GetInt64());
        Assert.Equal("enterprise-sales", data.GetProperty("url_title").GetString());
        Assert.False(data.GetProperty("deal_probability").GetBoolean());
        Assert.Equal("2025-03-14 09:26:53", data.GetProperty("add_time").GetString());

        using var stages = await http.SendAsync(PipedriveGet(sandbox, "stages?pipeline_id=1"));
        Assert.Equal("[]", (await ReadJsonAsync(stages)).GetProperty("data").GetRawText());
        using var pipeline = await http.SendAsync(PipedriveGet(sandbox, "pipelines/1"));
        Assert.Equal("Enterprise Sales", (await ReadJsonAsync(pipeline)).GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_form_encoded_pipeline_takes_its_flags_and_order_as_text()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var form = new HttpRequestMessage(HttpMethod.Post, sandbox.BaseAddressFor("pipedrive") + "/pipelines")
        {
            Content = new FormUrlEncodedContent([new("name", "Renewals"), new("active", "0"), new("order_nr", "4")]),
        };
        form.Headers.Add("x-api-token", Token);

        using var response = await http.SendAsync(form);

        var pipeline = Assert.Single(sandbox.Pipedrive.Pipelines.Records);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Renewals", false, true, 4), (pipeline.Name, pipeline.Active, pipeline.DealProbability, pipeline.OrderNr));
    }

    [Theory]
    [InlineData("""{}""", "Name must be given.")]
    [InlineData("""{"name":"X","active":"yes"}""", "active and deal_probability must be booleans.")]
    public async Task An_invalid_pipeline_is_400(string json, string error)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(PipedrivePost(sandbox, "pipelines", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(sandbox.Pipedrive.Pipelines.Records);
    }

    [Fact]
    public async Task A_form_encoded_body_is_taken_too_and_other_media_types_are_refused()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var form = new HttpRequestMessage(HttpMethod.Post, sandbox.BaseAddressFor("pipedrive") + "/persons")
        {
            Content = new FormUrlEncodedContent([new("name", "Ada Lovelace"), new("email", "ada@example.com"), new("visible_to", "1")]),
        };
        form.Headers.Add("x-api-token", Token);
        using var text = new HttpRequestMessage(HttpMethod.Post, sandbox.BaseAddressFor("pipedrive") + "/persons")
        {
            Content = new StringContent("name=Ada", Encoding.UTF8, "text/plain"),
        };
        text.Headers.Add("x-api-token", Token);

        using var created = await http.SendAsync(form);
        using var refused = await http.SendAsync(text);
        using var malformed = await http.SendAsync(PipedrivePost(sandbox, "persons", """{"name":"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await ReadJsonAsync(created)).GetProperty("data");
        Assert.Equal("Ada Lovelace", data.GetProperty("name").GetString());
        Assert.Equal("ada@example.com", data.GetProperty("email")[0].GetProperty("value").GetString());
        Assert.Equal("1", data.GetProperty("visible_to").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.False((await ReadJsonAsync(malformed)).GetProperty("success").GetBoolean());
        Assert.Single(sandbox.Pipedrive.Persons.Records);
    }

    [Fact]
    public async Task An_unknown_path_is_404_in_pipedrives_error_body()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(PipedriveGet(sandbox, "nothing-here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await ReadJsonAsync(response)).GetProperty("success").GetBoolean());
    }

    private static HttpRequestMessage PipedrivePost(CrmSandbox sandbox, string path, string json)
    {
        var request = Post(new Uri(sandbox.BaseAddressFor("pipedrive") + "/" + path), json);
        request.Headers.Add("x-api-token", Token);
        return request;
    }

    private static HttpRequestMessage PipedriveGet(CrmSandbox sandbox, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, sandbox.BaseAddressFor("pipedrive") + "/" + path);
        request.Headers.Add("x-api-token", Token);
        return request;
    }

    private static HttpRequestMessage Post(Uri uri, string json) => Json(HttpMethod.Post, uri, json, auth: null);
}
