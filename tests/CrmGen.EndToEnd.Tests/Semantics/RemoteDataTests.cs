using CrmGen.Sandbox;
using System.Text;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>The request's <c>remote_data</c> merged into the provider body the generated mapping writes.</summary>
public class RemoteDataTests
{
    private static RawJson Json(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Remote_data_is_deep_merged_into_the_HubSpot_body_and_wins_on_a_key_the_mapping_writes()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var contact = SemanticsKit.Ada();
        contact.Account = new AccountReference { Id = "9001" };
        var options = new CrmRequestOptions
        {
            RemoteData = Json("""{"properties": {"firstname": "Augusta Ada", "hs_lead_status": "NEW"}, "associations": []}"""),
        };

        var created = await kit.Client.Contacts.CreateAsync(kit.HubSpot, contact, options);

        using var body = Assert.Single(kit.Sandbox.RequestsTo("hubspot")).ParseBody();
        var properties = body.RootElement.GetProperty("properties");
        Assert.Equal("Augusta Ada", properties.GetProperty("firstname").GetString());
        Assert.Equal("Lovelace", properties.GetProperty("lastname").GetString());
        Assert.Equal("ada@example.com", properties.GetProperty("email").GetString());
        Assert.Equal("NEW", properties.GetProperty("hs_lead_status").GetString());
        Assert.Equal(["firstname", "lastname", "email", "hs_lead_status"], properties.EnumerateObject().Select(p => p.Name));
        // The mapping wrote one association; remote_data's array replaced it whole.
        Assert.Equal(0, body.RootElement.GetProperty("associations").GetArrayLength());
        Assert.Equal("Augusta Ada", created.FirstName);
        Assert.Equal("NEW", created.CustomFields!["hs_lead_status"]);
    }

    [Fact]
    public async Task Remote_data_adds_keys_to_the_Close_body_and_replaces_the_mapped_name()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var options = new CrmRequestOptions { RemoteData = Json("""{"name": "Enterprise (EMEA)", "organization_id": "orga_1"}""") };

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise(), options);

        var request = Assert.Single(kit.Sandbox.RequestsTo("close"));
        Assert.Equal("""{"name":"Enterprise (EMEA)","organization_id":"orga_1"}""", request.BodyText);
        Assert.Equal("Enterprise (EMEA)", pipeline.Name);
    }

    [Fact]
    public async Task Remote_data_changes_only_the_body_never_the_host_path_or_credentials()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var options = new CrmRequestOptions
        {
            RemoteData = Json("""{"Authorization": "Bearer stolen", "Host": "evil.example", "url": "https://evil.example/x", "access_token": "other"}"""),
        };

        await kit.Client.Contacts.CreateAsync(kit.HubSpot, SemanticsKit.Ada(), options);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("hubspot", request.Provider);
        Assert.Equal("/crm/v3/objects/contacts", request.PathAndQuery);
        Assert.Equal("Bearer " + kit.Sandbox.Options.HubSpotAccessToken, request.Header("Authorization"));
        Assert.StartsWith("127.0.0.1:", request.Header("Host"));
        using var body = request.ParseBody();
        Assert.Equal("Bearer stolen", body.RootElement.GetProperty("Authorization").GetString());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\": ")]
    [InlineData("{} {}")]
    [InlineData("")]
    public async Task Remote_data_that_is_not_one_JSON_object_is_refused_before_any_request(string text)
    {
        await using var kit = await SemanticsKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise(), new CrmRequestOptions { RemoteData = Json(text) }));

        Assert.Equal("remote_data", ex.Field);
        Assert.Equal("close", ex.Provider);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task Remote_data_goes_into_every_attempt_of_a_retried_request()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit("close");

        await kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise(), new CrmRequestOptions { RemoteData = Json("""{"name": "Retried"}""") });

        Assert.All(kit.Sandbox.RequestsTo("close"), r => Assert.Equal("""{"name":"Retried"}""", r.BodyText));
        Assert.Equal(2, kit.Sandbox.RequestsTo("close").Count);
    }

    [Fact]
    public async Task The_records_own_remote_data_is_not_sent()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var pipeline = SemanticsKit.Enterprise();
        pipeline.RemoteData = Json("""{"id": "pipe_readonly", "organization_id": "orga_x"}""");

        await kit.Client.Pipelines.CreateAsync(kit.Close, pipeline);

        Assert.Equal("""{"name":"Enterprise"}""", Assert.Single(kit.Sandbox.Requests).BodyText);
    }
}
