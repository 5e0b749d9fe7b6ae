using System.Net;
using System.Text.Json;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>The HubSpot pipelines emulator over raw HTTP, as HubSpot's pipelines docs show it (no CrmGen involved).</summary>
public class HubSpotPipelinesEmulatorTests
{
    private static readonly string Token = CrmSandboxOptions.DefaultHubSpotAccessToken;

    private const string DealPipeline = """
        {"label":"New Sales","displayOrder":1,"stages":[
          {"label":"Qualified","displayOrder":0,"metadata":{"probability":0.2}},
          {"label":"Won","displayOrder":1,"metadata":{"probability":"1.0","isClosed":"true"}}]}
        """;

    [Fact]
    public async Task Create_answers_201_with_the_pipeline_its_stages_and_text_metadata()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/pipelines/deals"), DealPipeline, Bearer(Token)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(["id", "label", "displayOrder", "stages", "createdAt", "updatedAt", "archived"], body.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9]+$", body.GetProperty("id").GetString());
        Assert.Equal(("New Sales", 1), (body.GetProperty("label").GetString(), body.GetProperty("displayOrder").GetInt32()));
        Assert.Equal("2025-03-14T09:26:53.589Z", body.GetProperty("createdAt").GetString());
        var stages = body.GetProperty("stages");
        Assert.Equal(["id", "label", "displayOrder", "metadata", "createdAt", "updatedAt", "archived", "writePermissions"], stages[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"isClosed":"false","probability":"0.2"}""", stages[0].GetProperty("metadata").GetRawText());
        Assert.Equal("""{"isClosed":"true","probability":"1.0"}""", stages[1].GetProperty("metadata").GetRawText());
        Assert.NotEqual(stages[0].GetProperty("id").GetString(), stages[1].GetProperty("id").GetString());
        Assert.Equal("X-HubSpot-RateLimit-Max", response.Headers.Single(h => h.Key == "X-HubSpot-RateLimit-Max").Key);
        Assert.Equal("New Sales", sandbox.HubSpot.Pipelines.Records.Last().Label);
    }

    [Theory]
    [InlineData("""{"label":"P","displayOrder":0}""", "Some required fields were not set: [stages]")]
    [InlineData("""{"stages":[]}""", "Some required fields were not set: [label, displayOrder]")]
    [InlineData("""{"label":"P","displayOrder":0,"stages":[]}""", "A pipeline must have at least one stage.")]
    [InlineData("""{"label":"P","displayOrder":0,"stages":[{"label":"A","displayOrder":0}]}""", "Some required fields were not set: [stages[0].metadata]")]
    [InlineData("""{"label":"P","displayOrder":0,"stages":[{"label":"A","displayOrder":0,"metadata":{}}]}""", "stages[0].metadata.probability is required for deal stages")]
    [InlineData("""{"label":"P","displayOrder":0,"stages":[{"label":"A","displayOrder":0,"metadata":{"probability":1.5}}]}""", "must be a number between 0.0 and 1.0, not '1.5'")]
    [InlineData("""{"label":"P","displayOrder":0,"stages":[{"label":"A","displayOrder":0,"metadata":{"probability":0.1}},{"label":"a","displayOrder":1,"metadata":{"probability":0.2}}]}""", "'a' is used more than once")]
    [InlineData("""{"label":"","displayOrder":0,"stages":[]}""", "The pipeline label must be a non-empty string.")]
    [InlineData("""[1]""", "Cannot build PipelineInput from a JSON array.")]
    public async Task Invalid_input_is_400_VALIDATION_ERROR(string json, string message)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/pipelines/deals"), json, Bearer(Token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal("VALIDATION_ERROR", body.GetProperty("category").GetString());
        Assert.Contains(message, body.GetProperty("message").GetString());
        Assert.Equal(2, sandbox.HubSpot.Pipelines.Records.Count);
    }

    [Fact]
    public async Task Ticket_stages_need_no_probability()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/pipelines/0-5"),
            """{"label":"Escalations","displayOrder":0,"stages":[{"label":"In Progress","displayOrder":0,"metadata":{"ticketState":"OPEN"}}]}""", Bearer(Token)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("tickets", sandbox.HubSpot.Pipelines.Records.Last().ObjectType);
    }

    [Theory]
    [InlineData("widgets", "Unable to infer object type from: widgets")]
    [InlineData("contacts", "does not support pipelines")]
    public async Task An_object_type_without_pipelines_is_400(string objectType, string message)
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/pipelines/" + objectType), DealPipeline, Bearer(Token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await ReadJsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_default_deal_pipeline_is_there_and_an_unknown_one_is_404()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var found = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "crm/v3/pipelines/deals/default")) { Headers = { Authorization = Bearer(Token) } });
        using var missing = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "crm/v3/pipelines/deals/42")) { Headers = { Authorization = Bearer(Token) } });
        using var list = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(sandbox, "crm/v3/pipelines/deals")) { Headers = { Authorization = Bearer(Token) } });

        var pipeline = await ReadJsonAsync(found);
        Assert.Equal("Sales Pipeline", pipeline.GetProperty("label").GetString());
        Assert.Equal("1970-01-01T00:00:00.000Z", pipeline.GetProperty("createdAt").GetString());
        Assert.Equal("closedwon", pipeline.GetProperty("stages")[5].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("OBJECT_NOT_FOUND", (await ReadJsonAsync(missing)).GetProperty("category").GetString());
        Assert.Equal(["default"], (await ReadJsonAsync(list)).GetProperty("results").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Without_a_token_create_is_401_and_creates_nothing()
    {
        var (sandbox, _) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();

        using var response = await http.SendAsync(Json(HttpMethod.Post, Url(sandbox, "crm/v3/pipelines/deals"), DealPipeline, auth: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_AUTHENTICATION", (await ReadJsonAsync(response)).GetProperty("category").GetString());
        Assert.Equal(2, sandbox.HubSpot.Pipelines.Records.Count);
    }

    internal static Uri Url(CrmSandbox sandbox, string path) => new(sandbox.BaseAddressFor("hubspot") + "/" + path);
}
