using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>Malformed or unexpected provider JSON, injected by the sandbox, read by the generated adapters.</summary>
public class MalformedBodyTests
{
    [Fact]
    public async Task A_cut_off_HubSpot_body_is_a_mapping_error_naming_provider_resource_and_path()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectMalformedBody("hubspot", statusCode: 201);

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.CreateAsync("hubspot"));

        Assert.Equal("hubspot", ex.Provider);
        Assert.Equal("contacts", ex.Resource);
        Assert.StartsWith("$.properties", ex.JsonPath);
        Assert.Contains("provider 'hubspot'", ex.Message);
        Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
    }

    [Fact]
    public async Task A_Close_body_with_a_value_of_the_wrong_type_names_its_path()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectMalformedBody("close", body: """{"id": "pipe_1", "name": "Enterprise", "statuses": "active, won, lost"}""");

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.CreateAsync("close"));

        Assert.Equal("close", ex.Provider);
        Assert.Equal("pipelines", ex.Resource);
        Assert.Equal("$.statuses", ex.JsonPath);
        Assert.Contains("expected an array but found a string", ex.Message);
    }

    [Theory]
    [InlineData("hubspot", 201, """{"id": "1001", "createdAt": 1710408413000, "properties": {}}""", "$.createdAt")]
    [InlineData("close", 200, """{"id": "pipe_1", "statuses": [{"id": "stat_1", "label": ["Active"]}]}""", "$.statuses[0].label")]
    public async Task Unexpected_values_never_give_a_partial_record(string provider, int status, string body, string path)
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectMalformedBody(provider, status, body);

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.CreateAsync(provider));

        Assert.Equal(path, ex.JsonPath);
    }

    [Fact]
    public async Task A_success_status_with_an_HTML_body_is_a_mapping_error()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(200, "<html><body>Maintenance</body></html>", "text/html", "close"));

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.CreateAsync("close"));

        Assert.Equal("close", ex.Provider);
        Assert.Equal("$", ex.JsonPath);
    }

    [Fact]
    public async Task A_malformed_body_on_a_retry_is_still_a_mapping_error()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit("hubspot");
        kit.Sandbox.InjectMalformedBody("hubspot", statusCode: 201);

        await Assert.ThrowsAsync<CrmMappingException>(() => kit.CreateAsync("hubspot"));

        Assert.Equal(2, kit.Sandbox.RequestsTo("hubspot").Count);
    }

    [Fact]
    public async Task An_HTML_gateway_error_keeps_its_status_and_raw_body()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectServerError("close", 502);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync("close"));

        Assert.Equal(502, ex.StatusCode);
        Assert.Contains("502 Bad Gateway", ex.RawBody);
        Assert.Null(ex.ProviderMessage);
    }
}
