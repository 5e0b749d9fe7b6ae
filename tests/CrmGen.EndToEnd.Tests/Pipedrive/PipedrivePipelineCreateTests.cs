using System.Globalization;
using System.Text.Json;
using CrmGen.Providers;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>Pipedrive pipeline create through <see cref="CrmClient"/>, the generated adapter and the sandbox, over loopback HTTP.</summary>
public class PipedrivePipelineCreateTests
{
    [Fact]
    public async Task The_provider_request_is_exactly_what_Pipedrive_documents()
    {
        await using var kit = await PipedriveKit.StartAsync();

        await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Enterprise" });

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/pipelines", request.PathAndQuery);
        Assert.Equal(kit.Sandbox.Options.PipedriveApiToken, request.Header("x-api-token"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"name":"Enterprise"}""", request.BodyText);
    }

    [Fact]
    public async Task The_unified_result_is_the_new_pipeline_with_no_stages()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Enterprise" });

        var record = Assert.Single(kit.Sandbox.Pipedrive.Pipelines.Records);
        Assert.Equal(record.Id.ToString(CultureInfo.InvariantCulture), pipeline.Id);
        Assert.Equal("Enterprise", pipeline.Name);
        Assert.Equal("opportunity", pipeline.Entity);
        // Pipedrive creates pipelines without stages: the list is there, and empty.
        Assert.NotNull(pipeline.Stages);
        Assert.Empty(pipeline.Stages);
        var now = kit.Clock.GetUtcNow();
        var expected = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        Assert.Equal(expected, pipeline.CreatedAt);
        Assert.Equal(expected, pipeline.UpdatedAt);
        using var remote = pipeline.RemoteData!.Parse();
        Assert.Equal("enterprise", remote.RootElement.GetProperty("url_title").GetString());

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(pipeline));
        Assert.Equal(0, json.RootElement.GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public void The_operation_requires_name_and_reads_the_pipeline_fields()
    {
        var operation = PipedriveProvider.Instance.FindOperation("pipelines", "create")!;

        Assert.Equal(["name"], operation.RequiredFields);
        Assert.Equal(["name"], operation.WrittenFields);
        Assert.Equal(["created_at", "entity", "id", "name", "stages", "updated_at"], operation.ReadFields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_name_names_field_and_provider_and_sends_nothing(string? name)
    {
        await using var kit = await PipedriveKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = name }));

        Assert.Equal("name", ex.Field);
        Assert.Equal("pipedrive", ex.Provider);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Enterprise" }, new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(pipeline.RemoteData);
        Assert.Equal("Enterprise", pipeline.Name);
    }

    [Fact]
    public async Task A_refused_token_is_a_provider_exception_without_the_token()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var account = kit.With(credentials: PipedriveKit.ApiToken("not-the-token"));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(account, new Pipeline { Name = "Enterprise" }));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("unauthorized access", ex.ProviderMessage);
        Assert.DoesNotContain("not-the-token", ex.ToString());
        Assert.Empty(kit.Sandbox.Pipedrive.Pipelines.Records);
    }

    [Fact]
    public async Task A_server_error_keeps_status_message_and_raw_body_and_is_sent_once()
    {
        await using var kit = await PipedriveKit.StartAsync();
        const string body = """{"success":false,"error":"Internal server error","error_info":"Please check developers.pipedrive.com","data":null,"additional_data":null}""";
        kit.Sandbox.FailNextRequest(500, body, provider: "pipedrive");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Enterprise" }));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("Internal server error", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
        Assert.Single(kit.Sandbox.Requests);
    }
}
