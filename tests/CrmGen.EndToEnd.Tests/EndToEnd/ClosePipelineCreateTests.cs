using System.Text;
using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.EndToEnd;

/// <summary>Close pipeline create through <see cref="CrmClient"/>, the generated adapter and the sandbox, over loopback HTTP.</summary>
public class ClosePipelineCreateTests
{
    [Fact]
    public async Task The_provider_request_is_exactly_what_Close_documents()
    {
        await using var kit = await EndToEndKit.StartAsync();

        await kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Enterprise" });

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("close", request.Provider);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/pipeline/", request.PathAndQuery);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(kit.Sandbox.Options.CloseApiKey + ":"));
        Assert.Equal("Basic " + basic, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"name":"Enterprise"}""", request.BodyText);
    }

    [Fact]
    public async Task The_unified_result_carries_the_pipeline_its_stages_and_the_remote_data()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Enterprise" });

        var record = Assert.Single(kit.Sandbox.Close.Pipelines.Records);
        Assert.Equal(record.Id, pipeline.Id);
        Assert.Equal("Enterprise", pipeline.Name);
        Assert.Equal("opportunity", pipeline.Entity);
        Assert.Equal(
            record.Statuses.Select(s => (s.Id, s.Label)),
            pipeline.Stages!.Select(s => (s.Id!, s.Name!)));
        // Close's status types (active, won, lost) read as the unified stage statuses.
        Assert.Equal(["active", "won", "lost"], record.Statuses.Select(s => s.Type));
        Assert.Equal(["open", "won", "lost"], pipeline.Stages!.Select(s => s.Status));
        Assert.Equal(kit.Clock.GetUtcNow(), pipeline.CreatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), pipeline.UpdatedAt);

        using var remote = pipeline.RemoteData!.Parse();
        Assert.Equal(record.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.Equal(kit.Sandbox.Close.OrganizationId, remote.RootElement.GetProperty("organization_id").GetString());
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out_and_keeps_the_rest()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Enterprise" }, new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(pipeline.RemoteData);
        Assert.Equal(3, pipeline.Stages!.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_name_names_field_and_provider_and_sends_nothing(string? name)
    {
        await using var kit = await EndToEndKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = name }));

        Assert.Equal("name", ex.Field);
        Assert.Equal("close", ex.Provider);
        Assert.Contains("'name'", ex.Message);
        Assert.Contains("'close'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_refused_api_key_names_account_and_provider_but_never_the_key()
    {
        await using var kit = await EndToEndKit.StartAsync();
        const string wrongKey = "api_3kWb9QZ0000000000000.0000000000000000000000";
        var account = EndToEndKit.WithCredentials(kit.Close, CrmCredentials.ApiKey(wrongKey));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(account, new Pipeline { Name = "Enterprise" }));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("Unauthorized", ex.ProviderMessage);
        Assert.Contains("refused the credentials of integrated account 'acme-close'", ex.Message);
        Assert.DoesNotContain(wrongKey, ex.ToString());
        Assert.Empty(kit.Sandbox.Close.Pipelines.Records);
    }

    [Fact]
    public async Task A_provider_error_keeps_status_message_and_raw_body()
    {
        await using var kit = await EndToEndKit.StartAsync();
        const string body = """{"error":"Pipeline limit reached for this plan."}""";
        kit.Sandbox.FailNextRequest(402, body, provider: "close");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Enterprise" }));

        Assert.Equal(402, ex.StatusCode);
        Assert.Equal("Pipeline limit reached for this plan.", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
        Assert.Single(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task Both_providers_work_side_by_side_on_one_client()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var contact = kit.Client.Contacts.CreateAsync(kit.HubSpot, new Contact { FirstName = "Grace", EmailAddresses = [new EmailAddress { Email = "grace@example.com" }] });
        var pipeline = kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Navy" });
        await Task.WhenAll(contact, pipeline);

        Assert.Equal(["close", "hubspot"], kit.Sandbox.Requests.Select(r => r.Provider).Order());
        Assert.Equal("Grace", (await contact).FirstName);
        Assert.Equal("Navy", (await pipeline).Name);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(await pipeline));
        Assert.Equal("Navy", json.RootElement.GetProperty("name").GetString());
    }
}
