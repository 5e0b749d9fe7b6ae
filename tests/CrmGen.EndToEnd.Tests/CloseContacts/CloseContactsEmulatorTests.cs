using System.Net;
using System.Text.Json;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.CloseContacts;

/// <summary>The Close contacts emulator over raw HTTP, the way Close's own documentation shows it (no CrmGen involved).</summary>
public class CloseContactsEmulatorTests
{
    private static readonly string ApiKey = CrmSandboxOptions.DefaultCloseApiKey;

    [Fact]
    public async Task Create_answers_200_with_the_contact()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        var lead = sandbox.Close.Contacts.AddLead("Bluth Company");
        using var http = new HttpClient();

        var json = $$"""
            {"lead_id":"{{lead.Id}}","name":"Gob Bluth","title":"sr. vice president",
             "emails":[{"email":"gob@example.com","type":"office"}],"phones":[{"phone":"+1 (800) 444-5555"}],
             "urls":[{"url":"https://bluth.example.com"}],"custom.cf_magic":"yes","custom.cf_empty":null,"not_a_field":1}
            """;
        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact/"), json, Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("limit=20, remaining=19, reset=", Header(response, "RateLimit"));
        var body = await ReadJsonAsync(response);
        Assert.Matches("^cont_[0-9A-Za-z]{22}$", body.GetProperty("id").GetString());
        Assert.Equal(sandbox.Close.OrganizationId, body.GetProperty("organization_id").GetString());
        Assert.Equal(lead.Id, body.GetProperty("lead_id").GetString());
        Assert.Equal("Gob Bluth", body.GetProperty("name").GetString());
        Assert.Equal("Gob Bluth", body.GetProperty("display_name").GetString());
        Assert.Equal("sr. vice president", body.GetProperty("title").GetString());
        Assert.Equal("""[{"email":"gob@example.com","type":"office","is_unsubscribed":false}]""", body.GetProperty("emails").GetRawText());
        Assert.Equal("""[{"phone":"+18004445555","phone_formatted":"+1 800-444-5555","type":"office","country":"US"}]""", body.GetProperty("phones").GetRawText());
        Assert.Equal("""[{"url":"https://bluth.example.com","type":"url"}]""", body.GetProperty("urls").GetRawText());
        Assert.Equal("2025-03-14T09:26:53.589000+00:00", body.GetProperty("date_created").GetString());
        Assert.Equal("2025-03-14T09:26:53.589000+00:00", body.GetProperty("date_updated").GetString());
        Assert.Equal(sandbox.Close.Contacts.UserId, body.GetProperty("created_by").GetString());
        Assert.Equal("yes", body.GetProperty("custom.cf_magic").GetString());
        Assert.False(body.TryGetProperty("custom.cf_empty", out _));
        Assert.False(body.TryGetProperty("not_a_field", out _));
        Assert.Equal(body.GetProperty("id").GetString(), Assert.Single(sandbox.Close.Contacts.Records).Id);
    }

    [Fact]
    public async Task Without_a_lead_id_a_lead_named_after_the_contact_is_created()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact/"), """{"name":"Lucille Bluth"}""", Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = Assert.Single(sandbox.Close.Contacts.Leads);
        Assert.Equal("Lucille Bluth", lead.Name);
        Assert.Equal(lead.Id, (await ReadJsonAsync(response)).GetProperty("lead_id").GetString());
    }

    [Fact]
    public async Task A_given_date_created_is_kept()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact/"),
            """{"name":"Gob","date_created":"2013-02-20T07:30:24.844+02:00"}""", Basic(ApiKey)));

        var body = await ReadJsonAsync(response);
        Assert.Equal("2013-02-20T05:30:24.844000+00:00", body.GetProperty("date_created").GetString());
        Assert.Equal("2025-03-14T09:26:53.589000+00:00", body.GetProperty("date_updated").GetString());
    }

    [Theory]
    [InlineData("""{"lead_id":"lead_missing","name":"Gob"}""", "lead_id", "Object does not exist.")]
    [InlineData("""{"name":"Gob","emails":[{"email":"not-an-address"}]}""", "emails", "Item 0: email: Invalid email address.")]
    [InlineData("""{"name":"Gob","emails":[{"email":"gob@example.com","type":"work"}]}""", "emails", "Item 0: type: 'work' is not a valid choice.")]
    [InlineData("""{"name":"Gob","phones":[{"phone":"call me"}]}""", "phones", "Item 0: phone: Invalid phone number.")]
    [InlineData("""{"name":"Gob","phones":[{"type":"mobile"}]}""", "phones", "Item 0: phone: This field is required.")]
    [InlineData("""{"name":7}""", "name", "Not a valid string.")]
    [InlineData("""{"name":"Gob","date_created":"yesterday"}""", "date_created", "Not a valid datetime.")]
    public async Task An_invalid_contact_is_400_with_field_errors(string json, string field, string message)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact/"), json, Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("errors").ValueKind);
        Assert.Equal(message, body.GetProperty("field-errors").GetProperty(field).GetString());
        Assert.Empty(sandbox.Close.Contacts.Records);
    }

    [Fact]
    public async Task Fetch_a_contact_returns_it_and_an_unknown_id_is_404()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var created = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact/"), """{"name":"Gob"}""", Basic(ApiKey)));
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetString();

        using var found = await http.SendAsync(Get(Url(sandbox, $"contact/{id}/")));
        using var missing = await http.SendAsync(Get(Url(sandbox, "contact/cont_missing/")));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("Gob", (await ReadJsonAsync(found)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Not found", (await ReadJsonAsync(missing)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_api_key_the_answer_is_401(string? user)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact/"), """{"name":"Gob"}""", user is null ? null : Basic(user)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", (await ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(sandbox.Close.Contacts.Records);
    }

    [Fact]
    public async Task The_path_needs_its_trailing_slash()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "contact"), """{"name":"Gob"}""", Basic(ApiKey)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(sandbox.Close.Contacts.Records);
    }

    private static Uri Url(CrmSandbox sandbox, string path) => new(sandbox.BaseAddressFor("close") + "/" + path);

    private static HttpRequestMessage Get(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = Basic(ApiKey);
        return request;
    }
}
