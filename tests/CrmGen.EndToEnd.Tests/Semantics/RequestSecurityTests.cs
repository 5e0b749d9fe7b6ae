namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>
/// What request options cannot do: change the host, the path, the auth header or an
/// <c>api_key_query</c> credential. Over loopback with the generated adapters, and with a
/// query-key adapter.
/// </summary>
public class RequestSecurityTests
{
    [Fact]
    public async Task Remote_query_reaches_HubSpot_untouched_after_the_operations_own_query()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { ["idProperty"] = "email", ["note"] = "a b&c=d" } };

        await kit.Client.Contacts.CreateAsync(kit.HubSpot, SemanticsKit.Ada(), options);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("/crm/v3/objects/contacts", request.Path);
        Assert.Equal("?idProperty=email&note=a%20b%26c%3Dd", request.QueryString);
    }

    [Theory]
    [InlineData("../../../admin", "1")]
    [InlineData("@evil.example", "/x")]
    [InlineData("x", "http://evil.example/?#")]
    [InlineData("#fragment", "?")]
    [InlineData("Authorization", "Bearer stolen")]
    [InlineData("Host", "evil.example")]
    public async Task Remote_query_cannot_change_host_path_or_auth(string name, string value)
    {
        await using var kit = await SemanticsKit.StartAsync();
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { [name] = value } };

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise(), options);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("close", request.Provider);
        Assert.Equal("/api/v1/pipeline/", request.Path);
        Assert.StartsWith("127.0.0.1:", request.Header("Host"));
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(kit.Sandbox.Options.CloseApiKey + ":"));
        Assert.Equal("Basic " + basic, request.Header("Authorization"));
        Assert.Equal("?" + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value), request.QueryString);
        Assert.NotNull(pipeline.Id);
    }

    [Theory]
    [InlineData("api_token")]
    [InlineData("API_TOKEN")]
    [InlineData("Api_Token")]
    public async Task Remote_query_cannot_replace_an_api_key_query_credential(string name)
    {
        using var kit = new QueryKeyKit();
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { [name] = "attacker-token" } };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.CreateAsync(options));

        Assert.Equal(name, ex.Field);
        Assert.Equal("querykey", ex.Provider);
        Assert.Contains($"remote_query cannot set '{name}'", ex.Message);
        Assert.DoesNotContain(QueryKeyKit.Secret, ex.ToString());
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task The_api_key_query_credential_is_sent_once_with_the_remote_query_after_it()
    {
        using var kit = new QueryKeyKit();
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { ["include"] = "owner" } };

        await kit.CreateAsync(options);

        var uri = Assert.Single(kit.Handler.Requests).Uri;
        Assert.Equal("crm.query.invalid", uri.Host);
        Assert.Equal("/v1/contacts/", uri.AbsolutePath);
        Assert.Equal($"?api_token={QueryKeyKit.Secret}&locationId=loc_account&include=owner", uri.Query);
    }

    [Theory]
    [InlineData("../x", "/v1/contacts/..%2Fx")]
    [InlineData("a/b?c", "/v1/contacts/a%2Fb%3Fc")]
    [InlineData("..%2F..%2Fadmin", "/v1/contacts/..%252F..%252Fadmin")]
    [InlineData("x#y", "/v1/contacts/x%23y")]
    public async Task Path_parameters_stay_one_segment_for_every_method(string id, string path)
    {
        using var kit = new QueryKeyKit();

        await kit.GetAsync(id);
        await kit.UpdateAsync(id);
        await kit.DeleteAsync(id);
        await kit.PatchAsync(id);

        Assert.Equal(4, kit.Handler.Requests.Count);
        Assert.All(kit.Handler.Requests, r =>
        {
            Assert.Equal("crm.query.invalid", r.Uri.Host);
            Assert.Equal(path, r.Uri.AbsolutePath);
            Assert.Equal($"?api_token={QueryKeyKit.Secret}", r.Uri.Query);
        });
    }

    [Fact]
    public async Task Remote_data_cannot_replace_the_api_key_query_credential_or_the_fixed_header()
    {
        using var kit = new QueryKeyKit();
        var options = new CrmRequestOptions { RemoteData = new RawJson("""{"api_token": "attacker", "Version": "1999-01-01"}"""u8.ToArray()) };

        await kit.CreateAsync(options);

        var request = Assert.Single(kit.Handler.Requests);
        Assert.Equal($"?api_token={QueryKeyKit.Secret}&locationId=loc_account", request.Uri.Query);
        Assert.Equal("2021-07-28", request.Header("Version"));
        Assert.Equal("""{"firstName":"Ada","locationId":"loc_account","api_token":"attacker","Version":"1999-01-01"}""", request.Body);
    }

    [Fact]
    public async Task The_idempotency_key_header_cannot_carry_a_line_break()
    {
        using var kit = new QueryKeyKit();

        await Assert.ThrowsAsync<ArgumentException>(() => kit.CreateAsync(new CrmRequestOptions { IdempotencyKey = "k\r\nX-Injected: 1" }));

        Assert.Empty(kit.Handler.Requests);
    }
}
