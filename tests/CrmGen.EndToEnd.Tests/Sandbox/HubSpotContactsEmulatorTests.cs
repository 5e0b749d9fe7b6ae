using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.Sandbox;

public class HubSpotContactsEmulatorTests
{
    private const string Contacts = "crm/v3/objects/contacts";
    private static readonly string Token = CrmSandboxOptions.DefaultHubSpotAccessToken;

    [Fact]
    public async Task Create_answers_201_with_the_record_and_hubspots_own_properties()
    {
        var (sandbox, clock) = await StartAsync();
        await using var _ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts),
            """{"properties":{"email":"ada@example.com","firstname":"Ada","lastname":"Lovelace","phone":"+44 20 7946 0958"}}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadJsonAsync(response);
        var id = body.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9]+$", id);
        var properties = body.GetProperty("properties");
        Assert.Equal(
            ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname", "phone"],
            properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ada@example.com", properties.GetProperty("email").GetString());
        Assert.Equal("+44 20 7946 0958", properties.GetProperty("phone").GetString());
        Assert.Equal(id, properties.GetProperty("hs_object_id").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", properties.GetProperty("createdate").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", properties.GetProperty("lastmodifieddate").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", body.GetProperty("createdAt").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", body.GetProperty("updatedAt").GetString());
        Assert.False(body.GetProperty("archived").GetBoolean());
        Assert.Equal(id, Assert.Single(sandbox.HubSpot.Contacts.Records).Id);
    }

    [Fact]
    public async Task Property_values_are_stored_and_returned_as_strings()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts),
            """{"properties":{"firstname":"Zoë","num_employees":42,"hs_marketable_status":true,"lastname":null}}""", Bearer(Token)));

        var properties = (await ReadJsonAsync(response)).GetProperty("properties");
        Assert.Equal("Zoë", properties.GetProperty("firstname").GetString());
        Assert.Equal("42", properties.GetProperty("num_employees").GetString());
        Assert.Equal("true", properties.GetProperty("hs_marketable_status").GetString());
        Assert.False(properties.TryGetProperty("lastname", out _));
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.000Z")]
    [InlineData("2024-01-02T04:04:05.1234567+01:00", "2024-01-02T03:04:05.123Z")]
    [InlineData("1704164645000", "2024-01-02T03:04:05.000Z")]
    public async Task A_given_createdate_is_kept_in_hubspots_format(string given, string stored)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts),
            $$$"""{"properties":{"firstname":"Ada","createdate":"{{{given}}}"}}""", Bearer(Token)));

        var body = await ReadJsonAsync(response);
        Assert.Equal(stored, body.GetProperty("properties").GetProperty("createdate").GetString());
        Assert.Equal(stored, body.GetProperty("createdAt").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", body.GetProperty("updatedAt").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", body.GetProperty("properties").GetProperty("lastmodifieddate").GetString());
    }

    [Fact]
    public async Task An_unreadable_createdate_is_400()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"createdate":"last tuesday"}}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_DATETIME", Assert.Single((await ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Associations_are_accepted_and_recorded()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts),
            """{"properties":{"email":"a@b.co"},"associations":[{"to":{"id":"9001"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}]}]}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var association = Assert.Single(Assert.Single(sandbox.HubSpot.Contacts.Records).Associations);
        Assert.Equal("9001", association.ToId);
        Assert.Equal(new HubSpotAssociationType("HUBSPOT_DEFINED", 279), Assert.Single(association.Types));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic c2FuZGJveC1odWJzcG90LWFjY2Vzcy10b2tlbjo=")]
    public async Task Without_a_valid_bearer_token_the_answer_is_401_INVALID_AUTHENTICATION(string? authorization)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var request = Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"email":"a@b.co"}}""", null);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal("INVALID_AUTHENTICATION", body.GetProperty("category").GetString());
        Assert.StartsWith("Authentication credentials not found.", body.GetProperty("message").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("correlationId").GetString(), out _));
        Assert.Empty(sandbox.HubSpot.Contacts.Records);
    }

    [Theory]
    [InlineData("""{"properties": {"email": "a@b.co",}""", "Invalid input JSON on line 1, column")]
    [InlineData("""[1, 2]""", "Cannot build SimplePublicObjectInputForCreate from a JSON array")]
    [InlineData("""{"associations": []}""", "Some required fields were not set: [properties]")]
    [InlineData("""{"properties": {"firstname": {"first": "Ada"}}}""", "Property values were not valid")]
    [InlineData("""{"properties": {}, "associations": [{"to": {}}]}""", "[associations[0].to.id]")]
    [InlineData("""{"properties": {}, "associations": [{"to": {"id": "1"}, "types": [{"associationCategory": "MADE_UP", "associationTypeId": 1}]}]}""", "is not one of")]
    public async Task A_malformed_body_is_400_VALIDATION_ERROR(string json, string messagePart)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), json, Bearer(Token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal("VALIDATION_ERROR", body.GetProperty("category").GetString());
        Assert.Contains(messagePart, body.GetProperty("message").GetString());
        Assert.Empty(sandbox.HubSpot.Contacts.Records);
    }

    [Fact]
    public async Task An_invalid_email_is_400_with_an_INVALID_EMAIL_error_on_the_property()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"email":"not-an-email"}}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("VALIDATION_ERROR", body.GetProperty("category").GetString());
        Assert.StartsWith("Property values were not valid: [{", body.GetProperty("message").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_EMAIL", error.GetProperty("code").GetString());
        Assert.Equal("email", error.GetProperty("context").GetProperty("propertyName")[0].GetString());
    }

    [Fact]
    public async Task A_second_contact_with_the_same_email_is_409_CONFLICT_naming_the_existing_id()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var first = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"email":"ada@example.com"}}""", Bearer(Token)));
        var existingId = (await ReadJsonAsync(first)).GetProperty("id").GetString();

        using var second = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"email":"ADA@example.com","firstname":"Ada"}}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await ReadJsonAsync(second);
        Assert.Equal("CONFLICT", body.GetProperty("category").GetString());
        Assert.Equal($"Contact already exists. Existing ID: {existingId}", body.GetProperty("message").GetString());
        Assert.Single(sandbox.HubSpot.Contacts.Records);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(sandbox, Contacts)) { Content = new StringContent("email=a@b.co") };
        request.Headers.Authorization = Bearer(Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Get_returns_the_default_properties_and_those_asked_for()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var created = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"email":"a@b.co","firstname":"Ada","jobtitle":"Analyst","company":"Engines"}}""", Bearer(Token)));
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, Url(sandbox, $"{Contacts}/{id}?properties=jobtitle"));
        request.Headers.Authorization = Bearer(Token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var properties = (await ReadJsonAsync(response)).GetProperty("properties");
        Assert.Equal(["createdate", "email", "firstname", "hs_object_id", "jobtitle", "lastmodifieddate", "lastname"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("lastname").ValueKind);
        Assert.False(properties.TryGetProperty("company", out _));
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_404_OBJECT_NOT_FOUND()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(sandbox, $"{Contacts}/424242"));
        request.Headers.Authorization = Bearer(Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("OBJECT_NOT_FOUND", body.GetProperty("category").GetString());
        Assert.Equal("424242", body.GetProperty("context").GetProperty("id")[0].GetString());
    }

    [Fact]
    public async Task The_burst_limit_is_announced_in_headers_and_enforced_with_429()
    {
        var (sandbox, clock) = await StartAsync(o => o.HubSpotRequestsPerTenSeconds = 2);
        await using var __ = sandbox;
        using var http = new HttpClient();

        async Task<HttpResponseMessage> Create(int n)
            => await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), $$$"""{"properties":{"email":"p{{{n}}}@example.com"}}""", Bearer(Token)));

        using var first = await Create(1);
        using var second = await Create(2);
        using var third = await Create(3);
        clock.Advance(TimeSpan.FromSeconds(10));
        using var fourth = await Create(4);

        Assert.Equal("10000", Header(first, "X-HubSpot-RateLimit-Interval-Milliseconds"));
        Assert.Equal("2", Header(first, "X-HubSpot-RateLimit-Max"));
        Assert.Equal("1", Header(first, "X-HubSpot-RateLimit-Remaining"));
        Assert.Equal("0", Header(second, "X-HubSpot-RateLimit-Remaining"));
        Assert.False(first.Headers.Contains("X-HubSpot-RateLimit-Daily"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var limited = await ReadJsonAsync(third);
        Assert.Equal("RATE_LIMIT", limited.GetProperty("errorType").GetString());
        Assert.Equal("TEN_SECONDLY_ROLLING", limited.GetProperty("policyName").GetString());
        Assert.Equal(HttpStatusCode.Created, fourth.StatusCode);
        Assert.Equal(3, sandbox.HubSpot.Contacts.Records.Count);
    }

    [Fact]
    public async Task An_unknown_endpoint_is_a_hubspot_404()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/objects/contactz"), "{}", Bearer(Token)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("error", (await ReadJsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Timestamps_follow_the_sandbox_clock()
    {
        var (sandbox, clock) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMilliseconds(1));

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, Contacts), """{"properties":{"firstname":"Ada"}}""", Bearer(Token)));

        var createdAt = (await ReadJsonAsync(response)).GetProperty("createdAt").GetString();
        Assert.Equal("2025-03-15T09:26:53.590Z", createdAt);
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), createdAt);
    }

    private static Uri Url(CrmSandbox sandbox, string relative) => new(sandbox.BaseAddressFor("hubspot") + "/" + relative);
}
