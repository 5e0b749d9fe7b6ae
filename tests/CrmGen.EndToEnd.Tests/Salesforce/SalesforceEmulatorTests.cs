using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.Salesforce;

/// <summary>The Salesforce emulator on its own, over raw HTTP the way Salesforce's REST API documentation shows it.</summary>
public class SalesforceEmulatorTests
{
    private const string Data = "services/data/v60.0";
    private static readonly string Token = CrmSandboxOptions.DefaultSalesforceAccessToken;

    private static Uri Url(CrmSandbox sandbox, string path) => new(sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/') + "/" + path);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, HttpMethod method, Uri url, string? json = null, string? token = null)
    {
        using var request = json is null ? new HttpRequestMessage(method, url) : Json(method, url, json, null);
        request.Headers.Authorization = Bearer(token ?? Token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return (response.StatusCode, default);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    [Fact]
    public void Ids_get_the_documented_case_safe_suffix()
    {
        // The examples of "Create a Record" and of the 15-to-18 conversion.
        Assert.Equal("001D000000IqhSLIAZ", SalesforceIds.To18("001D000000IqhSL"));
        Assert.Equal("0019000000B98deAAB", SalesforceIds.To18("0019000000B98de"));

        Assert.True(SalesforceIds.TryNormalize("001D000000IqhSLIAZ", out var fromCaseSafe));
        Assert.Equal("001D000000IqhSL", fromCaseSafe);
        Assert.True(SalesforceIds.TryNormalize("001d000000iqhsliaz", out var fromLowerCase));
        Assert.Equal("001D000000IqhSL", fromLowerCase);
        Assert.False(SalesforceIds.TryNormalize("001D000000IqhS", out _));
        Assert.False(SalesforceIds.TryNormalize("001D000000IqhSL!!!", out _));
        Assert.False(SalesforceIds.TryNormalize("../x", out _));
    }

    [Fact]
    public async Task Create_answers_201_with_the_id_success_and_errors()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        using var request = Json(HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"),
            """{"FirstName":"Ada","LastName":"Lovelace","Email":"ada@example.com"}""", Bearer(Token));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("api-usage=1/15000", Header(response, "Sforce-Limit-Info"));
        var body = await ReadJsonAsync(response);
        Assert.Equal(["id", "success", "errors"], body.EnumerateObject().Select(p => p.Name));
        var id = body.GetProperty("id").GetString()!;
        Assert.Matches("^003[0-9A-Za-z]{15}$", id);
        Assert.Equal(id, SalesforceIds.To18(id[..15]));
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        var record = Assert.Single(sandbox.Salesforce.SObjects.Records);
        Assert.Equal(("Contact", id, "Ada", "Lovelace", "ada@example.com"), (record.SObjectType, record.Id, record["FirstName"], record["LastName"], record["Email"]));
    }

    [Fact]
    public async Task The_collection_path_works_with_and_without_the_trailing_slash_and_names_are_case_insensitive()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();

        var (withSlash, _) = await SendAsync(http, HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"), """{"LastName":"One"}""");
        var (without, _) = await SendAsync(http, HttpMethod.Post, Url(sandbox, Data + "/sobjects/contact"), """{"lastname":"Two"}""");

        Assert.Equal(HttpStatusCode.Created, withSlash);
        Assert.Equal(HttpStatusCode.Created, without);
        Assert.Equal(["One", "Two"], sandbox.Salesforce.SObjects.RecordsOf("Contact").Select(r => r["LastName"]));
    }

    [Fact]
    public async Task A_contact_without_LastName_is_REQUIRED_FIELD_MISSING_in_Salesforces_error_array()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        using var request = Json(HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"), """{"FirstName":"Ada","Email":"ada@example.com"}""", Bearer(Token));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("api-usage=1/15000", Header(response, "Sforce-Limit-Info"));
        Assert.Equal("""[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]""",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(sandbox.Salesforce.SObjects.Records);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic c2FuZGJveDo=")]
    public async Task A_missing_or_wrong_token_is_401_INVALID_SESSION_ID_without_limit_info(string? authorization)
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        using var request = Json(HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"), """{"LastName":"Lovelace"}""", null);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Sforce-Limit-Info"));
        Assert.Empty(sandbox.Salesforce.SObjects.Records);
        Assert.Equal(0, sandbox.Salesforce.ApiUsage);
    }

    [Fact]
    public async Task The_OAuth_scheme_is_accepted_like_Bearer()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        using var request = Json(HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"), """{"LastName":"Lovelace"}""", new AuthenticationHeaderValue("OAuth", Token));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"Id":"003000000000001AAA","LastName":"X"}""", "INVALID_FIELD", "The Id field should not be specified in the sobject data.")]
    [InlineData("""{"LastName":"X","Nickname":"Ada"}""", "INVALID_FIELD", "No such column 'Nickname' on sobject of type Contact")]
    [InlineData("""{"LastName":"X","Name":"Ada X"}""", "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: Name. Please check the security settings of this field and verify that it is read/write for your profile or permission set.")]
    [InlineData("""{"LastName":"X","Email":"ada at example"}""", "INVALID_EMAIL_ADDRESS", "Email: invalid email address: ada at example")]
    [InlineData("""{"LastName":"X","DoNotCall":"sometimes"}""", "JSON_PARSER_ERROR", "Cannot deserialize instance of boolean from VALUE_STRING value sometimes or request may be missing a required field")]
    [InlineData("""{"LastName":"X","Birthdate":"14/03/1990"}""", "JSON_PARSER_ERROR", "Cannot deserialize instance of date from VALUE_STRING value 14/03/1990 or request may be missing a required field")]
    [InlineData("""{"LastName":"X","AccountId":"not-an-id"}""", "MALFORMED_ID", "Account ID: id value of incorrect type: not-an-id")]
    [InlineData("""{"LastName":"X","AccountId":"003Hs0000000001"}""", "FIELD_INTEGRITY_EXCEPTION", "Account ID: id value of incorrect type: 003Hs0000000001")]
    [InlineData("""{"LastName":"X","AccountId":"001Hs0000000001"}""", "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")]
    [InlineData("""[{"LastName":"X"}]""", "JSON_PARSER_ERROR", "Cannot deserialize instance of sObject from START_ARRAY value [ or request may be missing a required field at [line:1, column:1]")]
    public async Task An_invalid_body_is_400_with_the_documented_error(string json, string errorCode, string message)
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();

        var (status, body) = await SendAsync(http, HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"), json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(body.EnumerateArray().ToArray());
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Empty(sandbox.Salesforce.SObjects.Records);
    }

    [Fact]
    public async Task An_empty_or_malformed_or_non_json_body_is_refused()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var url = Url(sandbox, Data + "/sobjects/Contact/");

        var (emptyStatus, empty) = await SendAsync(http, HttpMethod.Post, url, "");
        var (brokenStatus, broken) = await SendAsync(http, HttpMethod.Post, url, """{"LastName":""");
        using var text = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("LastName=X", Encoding.UTF8, "text/plain") };
        text.Headers.Authorization = Bearer(Token);
        using var textResponse = await http.SendAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Equal("The HTTP entity body is required, but this request has no entity body.", empty[0].GetProperty("message").GetString());
        Assert.Equal("JSON_PARSER_ERROR", empty[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, brokenStatus);
        Assert.Equal("JSON_PARSER_ERROR", broken[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textResponse.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (await ReadJsonAsync(textResponse))[0].GetProperty("errorCode").GetString());
        Assert.Empty(sandbox.Salesforce.SObjects.Records);
    }

    [Fact]
    public async Task Get_returns_the_record_with_attributes_the_computed_name_and_the_system_fields()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var account = sandbox.Salesforce.SObjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
        var (_, created) = await SendAsync(http, HttpMethod.Post, Url(sandbox, Data + "/sobjects/Contact/"),
            $$"""{"FirstName":"Ada","LastName":"Lovelace","AccountId":"{{account.Id[..15]}}","Custom_Score__c":42}""");
        var id = created.GetProperty("id").GetString()!;

        var (status, body) = await SendAsync(http, HttpMethod.Get, Url(sandbox, $"{Data}/sobjects/Contact/{id}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Contact", body.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"/{Data}/sobjects/Contact/{id}", body.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal(id, body.GetProperty("Id").GetString());
        Assert.Equal("Ada Lovelace", body.GetProperty("Name").GetString());
        // A 15-character reference is stored and returned in the 18-character form.
        Assert.Equal(account.Id, body.GetProperty("AccountId").GetString());
        Assert.Equal(42, body.GetProperty("Custom_Score__c").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("Title").ValueKind);
        Assert.False(body.GetProperty("DoNotCall").GetBoolean());
        Assert.Equal(sandbox.Salesforce.SObjects.UserId, body.GetProperty("OwnerId").GetString());
        Assert.Equal(sandbox.Salesforce.SObjects.UserId, body.GetProperty("CreatedById").GetString());
        Assert.Equal("2025-03-14T09:26:53.589+0000", body.GetProperty("CreatedDate").GetString());
        Assert.Equal("2025-03-14T09:26:53.589+0000", body.GetProperty("SystemModstamp").GetString());
        Assert.False(body.GetProperty("IsDeleted").GetBoolean());
    }

    [Fact]
    public async Task Get_accepts_the_15_character_and_any_case_of_the_18_character_id_and_selects_fields()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var contact = sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?> { ["FirstName"] = "Ada", ["LastName"] = "Lovelace" });

        var (short15, bodyShort) = await SendAsync(http, HttpMethod.Get, Url(sandbox, $"{Data}/sobjects/Contact/{contact.Id[..15]}?fields=LastName,firstname"));
        var (lower18, bodyLower) = await SendAsync(http, HttpMethod.Get, Url(sandbox, $"{Data}/sobjects/Contact/{contact.Id.ToLowerInvariant()}?fields=Id"));
        var (unknown, bodyUnknown) = await SendAsync(http, HttpMethod.Get, Url(sandbox, $"{Data}/sobjects/Contact/{contact.Id}?fields=Nickname"));

        Assert.Equal(HttpStatusCode.OK, short15);
        Assert.Equal(["attributes", "LastName", "FirstName"], bodyShort.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.OK, lower18);
        Assert.Equal(contact.Id, bodyLower.GetProperty("Id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("INVALID_FIELD", bodyUnknown[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Patch_answers_204_with_no_body_and_updates_the_record()
    {
        var (sandbox, clock) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var account = sandbox.Salesforce.SObjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
        var contact = sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace", ["Title"] = "Analyst" });
        clock.Advance(TimeSpan.FromMinutes(5));

        using var request = Json(HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Contact/{contact.Id}"), $$"""{"AccountId":"{{account.Id}}"}""", Bearer(Token));
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("api-usage=1/15000", Header(response, "Sforce-Limit-Info"));
        var updated = sandbox.Salesforce.SObjects.Find(contact.Id)!;
        Assert.Equal(account.Id, updated["AccountId"]);
        Assert.Equal("Analyst", updated["Title"]);
        Assert.Equal(contact.CreatedDate, updated.CreatedDate);
        Assert.Equal(clock.GetUtcNow(), updated.LastModifiedDate);
    }

    [Fact]
    public async Task Patch_of_a_missing_a_foreign_or_a_malformed_id_follows_the_documented_errors()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var account = sandbox.Salesforce.SObjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
        var missing = SalesforceIds.To18("003Hs0000000000");

        var (missingStatus, missingBody) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Contact/{missing}"), """{"Title":"x"}""");
        var (foreignStatus, foreignBody) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Contact/{account.Id}"), """{"Title":"x"}""");
        var (malformedStatus, malformedBody) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Contact/nope"), """{"Title":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""", missingBody.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, foreignStatus);
        Assert.Equal($$"""[{"message":"Contact ID: id value of incorrect type: {{account.Id}}","errorCode":"MALFORMED_ID","fields":["Id"]}]""", foreignBody.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, malformedStatus);
        Assert.Equal("Provided external ID field does not exist or is not accessible: nope", malformedBody[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Patch_cannot_blank_a_required_field_nor_change_a_create_only_field()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var objects = sandbox.Salesforce.SObjects;
        var contact = objects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
        var opportunity = objects.Insert("Opportunity", new Dictionary<string, object?> { ["Name"] = "Deal", ["StageName"] = "Prospecting", ["CloseDate"] = new DateOnly(2025, 6, 30) });
        var other = objects.Insert("Opportunity", new Dictionary<string, object?> { ["Name"] = "Other", ["StageName"] = "Prospecting", ["CloseDate"] = new DateOnly(2025, 6, 30) });
        var role = objects.Insert("OpportunityContactRole", new Dictionary<string, object?> { ["OpportunityId"] = opportunity.Id, ["ContactId"] = contact.Id });

        var (blankStatus, blank) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Contact/{contact.Id}"), """{"LastName":""}""");
        var (moveStatus, move) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/OpportunityContactRole/{role.Id}"), $$"""{"OpportunityId":"{{other.Id}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, blankStatus);
        Assert.Equal("REQUIRED_FIELD_MISSING", blank[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, moveStatus);
        Assert.Equal("INVALID_FIELD_FOR_INSERT_UPDATE", move[0].GetProperty("errorCode").GetString());
        Assert.Equal(["OpportunityId"], move[0].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Lovelace", objects.Find(contact.Id)!["LastName"]);
        Assert.Equal(opportunity.Id, objects.Find(role.Id)!["OpportunityId"]);
    }

    [Fact]
    public async Task An_opportunity_contact_role_needs_both_records_and_one_role_per_opportunity_is_primary()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var objects = sandbox.Salesforce.SObjects;
        var ada = objects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
        var charles = objects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Babbage" });
        var deal = objects.Insert("Opportunity", new Dictionary<string, object?> { ["Name"] = "Deal", ["StageName"] = "Prospecting", ["CloseDate"] = new DateOnly(2025, 6, 30) });
        var url = Url(sandbox, Data + "/sobjects/OpportunityContactRole/");

        var (missingStatus, missing) = await SendAsync(http, HttpMethod.Post, url, $$"""{"OpportunityId":"{{deal.Id}}"}""");
        var (firstStatus, first) = await SendAsync(http, HttpMethod.Post, url, $$"""{"OpportunityId":"{{deal.Id}}","ContactId":"{{ada.Id}}","IsPrimary":true}""");
        var (secondStatus, second) = await SendAsync(http, HttpMethod.Post, url, $$"""{"OpportunityId":"{{deal.Id}}","ContactId":"{{charles.Id}}","IsPrimary":true,"Role":"Decision Maker"}""");

        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("""[{"message":"Required fields are missing: [ContactId]","errorCode":"REQUIRED_FIELD_MISSING","fields":["ContactId"]}]""", missing.GetRawText());
        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.Created, secondStatus);
        Assert.StartsWith("00K", first.GetProperty("id").GetString());
        Assert.Equal("false", objects.Find(first.GetProperty("id").GetString()!)!["IsPrimary"]);
        var primary = objects.Find(second.GetProperty("id").GetString()!)!;
        Assert.Equal(("true", "Decision Maker"), (primary["IsPrimary"], primary["Role"]));
    }

    [Fact]
    public async Task An_account_cannot_become_the_parent_of_its_own_parent()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var objects = sandbox.Salesforce.SObjects;
        var top = objects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Top" });
        var middle = objects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Middle", ["ParentId"] = top.Id });
        var bottom = objects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Bottom", ["ParentId"] = middle.Id });

        var (selfStatus, self) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Account/{top.Id}"), $$"""{"ParentId":"{{top.Id}}"}""");
        var (loopStatus, loop) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Account/{top.Id}"), $$"""{"ParentId":"{{bottom.Id}}"}""");
        var (okStatus, _) = await SendAsync(http, HttpMethod.Patch, Url(sandbox, $"{Data}/sobjects/Account/{bottom.Id}"), $$"""{"ParentId":"{{top.Id}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, selfStatus);
        Assert.Equal("CIRCULAR_DEPENDENCY", self[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, loopStatus);
        Assert.Equal("CIRCULAR_DEPENDENCY", loop[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.NoContent, okStatus);
        Assert.Null(objects.Find(top.Id)!["ParentId"]);
        Assert.Equal(top.Id, objects.Find(bottom.Id)!["ParentId"]);
    }

    [Fact]
    public async Task Delete_answers_204_and_the_record_is_gone()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var lead = sandbox.Salesforce.SObjects.Insert("Lead", new Dictionary<string, object?> { ["LastName"] = "Byron", ["Company"] = "Engines Ltd" });
        Assert.Equal("Open - Not Contacted", lead["Status"]);

        var (deleted, _) = await SendAsync(http, HttpMethod.Delete, Url(sandbox, $"{Data}/sobjects/Lead/{lead.Id}"));
        var (again, body) = await SendAsync(http, HttpMethod.Get, Url(sandbox, $"{Data}/sobjects/Lead/{lead.Id}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("NOT_FOUND", body[0].GetProperty("errorCode").GetString());
        Assert.Empty(sandbox.Salesforce.SObjects.Records);
    }

    [Fact]
    public async Task Unknown_objects_versions_and_routes_are_NOT_FOUND_and_other_methods_405()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();

        var (unknownObject, unknownObjectBody) = await SendAsync(http, HttpMethod.Post, Url(sandbox, Data + "/sobjects/Widget/"), """{"Name":"x"}""");
        var (badVersion, _) = await SendAsync(http, HttpMethod.Post, Url(sandbox, "services/data/v60/sobjects/Contact/"), """{"LastName":"x"}""");
        var (unknownRoute, unknownRouteBody) = await SendAsync(http, HttpMethod.Get, Url(sandbox, "services/apexrest/Nothing"));
        using var put = Json(HttpMethod.Put, Url(sandbox, Data + "/sobjects/Contact/"), """{"LastName":"x"}""", Bearer(Token));
        using var putResponse = await http.SendAsync(put);

        Assert.Equal(HttpStatusCode.NotFound, unknownObject);
        Assert.Equal("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""", unknownObjectBody.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, badVersion);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute);
        Assert.Equal("NOT_FOUND", unknownRouteBody[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, putResponse.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", (await ReadJsonAsync(putResponse))[0].GetProperty("errorCode").GetString());
        Assert.Empty(sandbox.Salesforce.SObjects.Records);
    }

    [Fact]
    public async Task Basic_information_describes_the_object_and_its_recent_items()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        using var http = new HttpClient();
        var contact = sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?> { ["FirstName"] = "Ada", ["LastName"] = "Lovelace" });

        var (status, body) = await SendAsync(http, HttpMethod.Get, Url(sandbox, Data + "/sobjects/Contact"));

        Assert.Equal(HttpStatusCode.OK, status);
        var describe = body.GetProperty("objectDescribe");
        Assert.Equal(("Contact", "003"), (describe.GetProperty("name").GetString(), describe.GetProperty("keyPrefix").GetString()));
        var recent = Assert.Single(body.GetProperty("recentItems").EnumerateArray().ToArray());
        Assert.Equal((contact.Id, "Ada Lovelace"), (recent.GetProperty("Id").GetString(), recent.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task The_daily_allocation_is_counted_in_Sforce_Limit_Info_and_enforced_with_REQUEST_LIMIT_EXCEEDED()
    {
        var (sandbox, clock) = await StartAsync(o => o.SalesforceApiRequestsPerDay = 2);
        await using var _s = sandbox;
        using var http = new HttpClient();
        var url = Url(sandbox, Data + "/sobjects/Contact/");

        async Task<HttpResponseMessage> CreateAsync(string lastName)
            => await http.SendAsync(Json(HttpMethod.Post, url, $$"""{"LastName":"{{lastName}}"}""", Bearer(Token)));

        using var first = await CreateAsync("One");
        using var second = await CreateAsync("Two");
        using var third = await CreateAsync("Three");
        clock.Advance(TimeSpan.FromHours(24));
        using var nextDay = await CreateAsync("Four");

        Assert.Equal("api-usage=1/2", Header(first, "Sforce-Limit-Info"));
        Assert.Equal("api-usage=2/2", Header(second, "Sforce-Limit-Info"));
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal("api-usage=2/2", Header(third, "Sforce-Limit-Info"));
        Assert.Equal("""[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, nextDay.StatusCode);
        Assert.Equal("api-usage=1/2", Header(nextDay, "Sforce-Limit-Info"));
        Assert.Equal(["One", "Two", "Four"], sandbox.Salesforce.SObjects.RecordsOf("Contact").Select(r => r["LastName"]));
    }

    [Fact]
    public async Task Insert_seeds_records_without_counting_calls_and_refuses_what_Salesforce_would()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var objects = sandbox.Salesforce.SObjects;

        var account = objects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme", ["NumberOfEmployees"] = 12 });
        var noName = Assert.Throws<ArgumentException>(() => objects.Insert("Account", new Dictionary<string, object?> { ["Website"] = "acme.example" }));
        var unknown = Assert.Throws<ArgumentException>(() => objects.Insert("Widget", new Dictionary<string, object?>()));

        Assert.StartsWith("001", account.Id);
        Assert.Equal("12", account["NumberOfEmployees"]);
        Assert.Contains("REQUIRED_FIELD_MISSING", noName.Message);
        Assert.Contains("Widget", unknown.Message);
        Assert.Equal(0, sandbox.Salesforce.ApiUsage);
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task The_sandbox_serves_salesforce_at_an_instance_url()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;

        Assert.Equal(new Uri(sandbox.RootAddress, "salesforce"), sandbox.BaseAddressFor("salesforce"));
        Assert.Contains("salesforce", sandbox.Providers);
        Assert.Equal("salesforce", sandbox.Salesforce.Name);
        Assert.Equal("", sandbox.Salesforce.ApiRootPath);
    }
}
