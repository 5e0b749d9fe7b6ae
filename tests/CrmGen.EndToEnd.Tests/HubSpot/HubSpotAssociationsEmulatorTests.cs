using System.Net;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.HubSpot.HubSpotPipelinesEmulatorTests;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>The HubSpot v4 associations and objects emulators over raw HTTP, as HubSpot's docs show them (no CrmGen involved).</summary>
public class HubSpotAssociationsEmulatorTests
{
    private static readonly string Token = CrmSandboxOptions.DefaultHubSpotAccessToken;

    [Theory]
    [InlineData("deals", "companies")]
    [InlineData("deal", "company")]
    [InlineData("0-3", "0-2")]
    public async Task Create_default_answers_200_with_both_directions(string fromType, string toType)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        var deal = sandbox.HubSpot.Objects.Seed("deals", new Dictionary<string, string> { ["dealname"] = "Engine" });
        var company = sandbox.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Engines Ltd" });
        using var http = new HttpClient();

        using var response = await http.SendAsync(Put(sandbox, $"crm/v4/objects/{fromType}/{deal.Id}/associations/default/{toType}/{company.Id}", Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(["status", "results", "startedAt", "completedAt"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("COMPLETE", body.GetProperty("status").GetString());
        Assert.Equal(
            $$$"""[{"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":341},"from":{"id":"{{{deal.Id}}}"},"to":{"id":"{{{company.Id}}}"}},{"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":342},"from":{"id":"{{{company.Id}}}"},"to":{"id":"{{{deal.Id}}}"}}]""",
            body.GetProperty("results").GetRawText());
        Assert.Equal(2, sandbox.HubSpot.Associations.Records.Count);
    }

    [Theory]
    [InlineData("widgets", "companies", HttpStatusCode.BadRequest, "Unable to infer object type from: widgets")]
    [InlineData("deals", "leads", HttpStatusCode.BadRequest, "There is no default association type from 0-3 (deals) to 0-136 (leads).")]
    [InlineData("deals", "companies", HttpStatusCode.NotFound, "Object not found. No companies record has the id 9.")]
    public async Task Unknown_types_pairs_and_records_are_refused(string fromType, string toType, HttpStatusCode status, string message)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        var deal = sandbox.HubSpot.Objects.Seed("deals", new Dictionary<string, string> { ["dealname"] = "Engine" });
        using var http = new HttpClient();

        using var response = await http.SendAsync(Put(sandbox, $"crm/v4/objects/{fromType}/{deal.Id}/associations/default/{toType}/9", Token));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, (await ReadJsonAsync(response)).GetProperty("message").GetString());
        Assert.Empty(sandbox.HubSpot.Associations.Records);
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Put(sandbox, "crm/v4/objects/deals/1/associations/default/companies/2", token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Companies_deals_and_leads_are_created_and_read_back()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var company = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/objects/companies"), """{"properties":{"name":"Engines Ltd","domain":"engines.example"}}""", Bearer(Token)));
        using var contact = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/objects/contacts"), """{"properties":{"email":"ada@example.com"}}""", Bearer(Token)));
        var contactId = (await ReadJsonAsync(contact)).GetProperty("id").GetString();
        using var lead = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/objects/leads"),
            $$"""{"properties":{"hs_lead_name":"Ada"},"associations":[{"to":{"id":"{{contactId}}"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":578}]}]}""", Bearer(Token)));
        using var orphan = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/objects/leads"), """{"properties":{"hs_lead_name":"Nobody"}}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.Created, company.StatusCode);
        var companyBody = await ReadJsonAsync(company);
        var companyId = companyBody.GetProperty("id").GetString()!;
        Assert.Equal(
            ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
            companyBody.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Created, lead.StatusCode);
        Assert.Equal("Ada", (await ReadJsonAsync(lead)).GetProperty("properties").GetProperty("hs_lead_name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Contains("must be associated with an existing contact", (await ReadJsonAsync(orphan)).GetProperty("message").GetString());

        using var read = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "crm/v3/objects/companies/" + companyId)) { Headers = { Authorization = Bearer(Token) } });
        using var missing = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "crm/v3/objects/deals/" + companyId)) { Headers = { Authorization = Bearer(Token) } });
        Assert.Equal("Engines Ltd", (await ReadJsonAsync(read)).GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(["companies", "leads"], sandbox.HubSpot.Objects.Records.Select(r => r.ObjectType));
    }

    [Theory]
    [InlineData("contacts")]
    [InlineData("tickets")]
    [InlineData("widgets")]
    public async Task Seeding_refuses_object_types_it_does_not_hold(string objectType)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;

        var ex = Assert.Throws<ArgumentException>(() => sandbox.HubSpot.Objects.Seed(objectType, new Dictionary<string, string>()));

        Assert.Contains($"not '{objectType}'", ex.Message);
        Assert.Empty(sandbox.HubSpot.Objects.Records);
    }

    private static HttpRequestMessage Put(CrmSandbox sandbox, string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(sandbox, path));
        if (token is not null) request.Headers.Authorization = Bearer(token);
        return request;
    }
}
