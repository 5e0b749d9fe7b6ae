using System.Text.Json;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>HubSpot deal pipeline create through <see cref="CrmClient"/>, the generated adapter and the sandbox, over loopback HTTP.</summary>
public class HubSpotPipelineCreateTests
{
    private static Pipeline Enterprise() => new()
    {
        Name = "Enterprise",
        Stages =
        [
            new Stage { Name = "Discovery" },
            new Stage { Name = "Proposal", Status = "open" },
            new Stage { Name = "Negotiation" },
            new Stage { Name = "Signed", Status = "won" },
            new Stage { Name = "Dropped", Status = "lost" },
        ],
    };

    [Fact]
    public async Task The_provider_request_is_exactly_what_HubSpot_documents()
    {
        await using var kit = await HubSpotKit.StartAsync();

        await kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise());

        var request = kit.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/crm/v3/pipelines/deals", request.PathAndQuery);
        kit.AssertHubSpotHeaders(request);
        var body = HubSpotKit.Body(request);
        Assert.Equal(
            """
            {"label":"Enterprise","displayOrder":0,"stages":[{"label":"Discovery","displayOrder":0,"metadata":{"probability":"0.3","isClosed":"false"}},{"label":"Proposal","displayOrder":1,"metadata":{"probability":"0.5","isClosed":"false"}},{"label":"Negotiation","displayOrder":2,"metadata":{"probability":"0.8","isClosed":"false"}},{"label":"Signed","displayOrder":3,"metadata":{"probability":"1.0","isClosed":"true"}},{"label":"Dropped","displayOrder":4,"metadata":{"probability":"0.0","isClosed":"true"}}]}
            """,
            body.GetRawText());
    }

    [Fact]
    public async Task The_unified_pipeline_carries_the_stages_hubspot_created()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise());

        var record = kit.HubSpot.Pipelines.Records.Single(p => p.Label == "Enterprise");
        Assert.Equal(record.Id, pipeline.Id);
        Assert.Equal("Enterprise", pipeline.Name);
        Assert.Equal("opportunity", pipeline.Entity);
        Assert.Equal(record.Stages.Select(s => s.Id), pipeline.Stages!.Select(s => s.Id));
        Assert.Equal(
            [("Discovery", "open"), ("Proposal", "open"), ("Negotiation", "open"), ("Signed", "won"), ("Dropped", "lost")],
            pipeline.Stages!.Select(s => (s.Name, s.Status)));
        Assert.Equal(kit.Clock.GetUtcNow(), pipeline.CreatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), pipeline.UpdatedAt);
        using var remote = pipeline.RemoteData!.Parse();
        Assert.Equal(record.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.Equal("1.0", remote.RootElement.GetProperty("stages")[3].GetProperty("metadata").GetProperty("probability").GetString());
    }

    [Fact]
    public async Task A_pipeline_without_stages_gets_hubspots_default_deal_stages()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Renewals" });

        var sent = HubSpotKit.Body(kit.SingleRequest()).GetProperty("stages");
        Assert.Equal(HubSpotProvider.DefaultDealStages.Select(s => s.Label), sent.EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(HubSpotProvider.DefaultDealStages.Select(s => s.Probability), sent.EnumerateArray().Select(s => s.GetProperty("metadata").GetProperty("probability").GetString()));
        Assert.Equal(Enumerable.Range(0, 7), sent.EnumerateArray().Select(s => s.GetProperty("displayOrder").GetInt32()));
        Assert.Equal(
            ["open", "open", "open", "open", "open", "won", "lost"],
            pipeline.Stages!.Select(s => s.Status));
        Assert.Equal(["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In", "Contract Sent", "Closed Won", "Closed Lost"],
            pipeline.Stages!.Select(s => s.Name));
    }

    [Theory]
    [InlineData(new string?[] { null }, new[] { "0.5" })]
    [InlineData(new string?[] { "open", "open", "open", "open", "open", "open", "open", "open", "open", "open", "open" }, new[] { "0.1", "0.2", "0.3", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.8", "0.9" })]
    [InlineData(new string?[] { "WON", "Lost", "pending" }, new[] { "1.0", "0.0", "0.5" })]
    public void Stage_probabilities_follow_the_statuses(string?[] statuses, string[] probabilities)
    {
        var inputs = HubSpotProvider.DealStageInputs(statuses.Select((s, i) => new Stage { Name = "S" + i, Status = s }).ToList());

        Assert.Equal(probabilities, inputs.Select(i => i.Probability));
        Assert.Equal(Enumerable.Range(0, statuses.Length).Select(i => (long)i), inputs.Select(i => i.DisplayOrder));
    }

    [Theory]
    [InlineData("true", "1.0", "won")]
    [InlineData("true", "1", "won")]
    [InlineData("true", "0.0", "lost")]
    [InlineData("false", "0.2", "open")]
    [InlineData(null, "0.2", "open")]
    [InlineData(null, null, null)]
    public void A_stage_status_comes_from_its_metadata(string? isClosed, string? probability, string? status)
        => Assert.Equal(status, HubSpotProvider.DealStageStatus(isClosed, probability));

    [Fact]
    public async Task A_pipeline_without_a_name_names_field_and_provider_and_sends_nothing()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Stages = [new Stage { Name = "A" }] }));

        Assert.Equal("name", ex.Field);
        Assert.Equal("hubspot", ex.Provider);
        Assert.Contains("'name'", ex.Message);
        Assert.Contains("'hubspot'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_duplicate_label_is_hubspots_conflict()
    {
        await using var kit = await HubSpotKit.StartAsync();
        await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Enterprise" });

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise()));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("CONFLICT", ex.ProviderCode);
        Assert.Equal("A deals pipeline with the label 'Enterprise' already exists.", ex.ProviderMessage);
        Assert.Equal(HubSpotKit.AccountId, ex.AccountId);
    }

    [Fact]
    public async Task Two_stages_with_the_same_name_are_hubspots_validation_error()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var pipeline = new Pipeline { Name = "Twice", Stages = [new Stage { Name = "Call" }, new Stage { Name = "call" }] };

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, pipeline));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("VALIDATION_ERROR", ex.ProviderCode);
        Assert.Contains("'call' is used more than once", ex.ProviderMessage);
        Assert.Equal(2, kit.HubSpot.Pipelines.Records.Count);
    }

    [Fact]
    public async Task A_refused_token_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await HubSpotKit.StartAsync();
        const string wrongToken = "pat-na1-11111111-dead-beef-0000-000000000000";

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(kit.WithToken(wrongToken), Enterprise()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("INVALID_AUTHENTICATION", ex.ProviderCode);
        Assert.Contains($"integrated account '{HubSpotKit.AccountId}'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
    }

    [Fact]
    public async Task A_server_error_on_a_create_keeps_the_raw_body_and_is_not_retried()
    {
        await using var kit = await HubSpotKit.StartAsync();
        const string body = """{"status":"error","message":"internal error","correlationId":"2b7a2c44-0000-4000-8000-000000000000","category":"INTERNAL_ERROR"}""";
        kit.Sandbox.FailNextRequest(500, body, provider: "hubspot");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise()));

        Assert.Equal((500, "INTERNAL_ERROR", "internal error", body), (ex.StatusCode, ex.ProviderCode, ex.ProviderMessage, ex.RawBody));
        Assert.Single(kit.Sandbox.Requests);
        Assert.Equal(2, kit.HubSpot.Pipelines.Records.Count);
    }

    [Fact]
    public async Task A_stage_of_the_wrong_shape_is_a_mapping_error_naming_the_json_path()
    {
        await using var kit = await HubSpotKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(201, """{"id":"1","label":"X","stages":{"id":"2"}}""", "application/json", "hubspot"));

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise()));

        Assert.Equal(("hubspot", "pipelines"), (ex.Provider, ex.Resource));
        Assert.Contains("stages", ex.JsonPath);
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise(), new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(pipeline.RemoteData);
        Assert.Equal(5, pipeline.Stages!.Count);
    }

    [Fact]
    public async Task The_result_serialises_with_the_unified_wire_names()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, Enterprise());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(pipeline));

        Assert.Equal(["id", "name", "entity", "stages", "created_at", "updated_at", "remote_data"],
            json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name));
        Assert.Equal("won", json.RootElement.GetProperty("stages")[3].GetProperty("status").GetString());
    }
}
