using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// HighLevel's emulator spoken to directly over HTTP, the way HighLevel's documentation shows its
/// API (no CrmGen involved): authentication, the Version header, rate-limit headers, bodies and
/// errors, with the answers checked against the schemas of HighLevel's OpenAPI description.
/// </summary>
public class HighLevelEmulatorTests
{
    private static async Task<(CrmSandbox Sandbox, ManualTimeProvider Clock, HttpClient Http)> StartAsync(Action<CrmSandboxOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var options = new CrmSandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return (await CrmSandbox.StartAsync(options), clock, new HttpClient());
    }

    private static HttpRequestMessage Post(CrmSandbox sandbox, string path, string json, string? version = HighLevelEmulator.ApiVersion, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BaseAddressFor("highlevel").AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/')))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? sandbox.Options.HighLevelAccessToken);
        if (version is not null) request.Headers.Add("Version", version);
        return request;
    }

    private static string ContactJson(CrmSandbox sandbox, string extra = "")
        => $$"""{"locationId":"{{sandbox.Options.HighLevelLocationId}}","firstName":"Rosan","lastName":"Deo","email":"rosan@deos.com","phone":"+1 888-888-8888","tags":["nisi"]{{extra}}}""";

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return document.RootElement.Clone();
    }

    private static void AssertFollows(JsonElement value, string document, string schemaName)
    {
        var problems = new OpenApiSchemaValidator(HighLevelOpenApi.Documents).Validate(value, OpenApiExamples.Schema(document, schemaName), document);
        Assert.True(problems.Count == 0, $"The answer does not follow {schemaName}: {string.Join("; ", problems)}\n{value.GetRawText()}");
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    [Fact]
    public async Task Create_contact_answers_201_with_the_documented_body_and_the_rate_limit_headers()
    {
        var (sandbox, clock, http) = await StartAsync();
        await using var _ = sandbox;
        using var __ = http;

        using var response = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonOf(response);
        AssertFollows(body, "apps/contacts.json", "CreateContactsSuccessfulResponseDto");
        var contact = body.GetProperty("contact");
        var record = Assert.Single(sandbox.HighLevel.Contacts.Records);
        Assert.Equal(record.Id, contact.GetProperty("id").GetString());
        Assert.Equal(20, record.Id.Length);
        Assert.Equal("+18888888888", contact.GetProperty("phone").GetString());
        Assert.Equal("rosan deo", contact.GetProperty("fullNameLowerCase").GetString());
        Assert.Equal("2025-03-14T09:26:53.589Z", contact.GetProperty("dateAdded").GetString());
        Assert.Equal(clock.GetUtcNow(), record.DateAdded);

        Assert.Equal("200000", Header(response, "X-RateLimit-Limit-Daily"));
        Assert.Equal("199999", Header(response, "X-RateLimit-Daily-Remaining"));
        Assert.Equal("10000", Header(response, "X-RateLimit-Interval-Milliseconds"));
        Assert.Equal("100", Header(response, "X-RateLimit-Max"));
        Assert.Equal("99", Header(response, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_bad_token_is_the_documented_401()
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;

        using var response = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox), token: "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await JsonOf(response);
        AssertFollows(body, "common/common-schemas.json", "UnauthorizedDTO");
        Assert.Equal("""{"statusCode":401,"message":"Invalid token: access token is invalid","error":"Unauthorized"}""", body.GetRawText());
        Assert.Empty(sandbox.HighLevel.Contacts.Records);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2021-04-15")]
    public async Task A_missing_or_unsupported_Version_is_a_400(string? version)
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;

        using var response = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox), version: version));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await JsonOf(response);
        AssertFollows(body, "common/common-schemas.json", "BadRequestDTO");
        Assert.Contains("2021-07-28", body.GetProperty("message").GetString());
        Assert.Empty(sandbox.HighLevel.Contacts.Records);
    }

    [Fact]
    public async Task An_invalid_body_is_the_documented_422_with_one_message_per_problem()
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;

        using var response = await http.SendAsync(Post(sandbox, "/contacts/",
            """{"firstName":5,"tags":"vip","dnd":"yes","customFields":[{"key":"x"}],"dndSettings":{"SMS":{"status":"sometimes"}}}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await JsonOf(response);
        AssertFollows(body, "common/common-schemas.json", "UnprocessableDTO");
        Assert.Equal(
            [
                "firstName must be a string",
                "locationId should not be empty",
                "dnd must be a boolean value",
                "tags must be an array",
                "customFields.0.id should not be empty",
                "dndSettings.SMS.status must be one of the following values: active, inactive, permanent",
            ],
            body.GetProperty("message").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Unprocessable Entity", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_undeclared_property_is_ignored_unless_the_emulator_refuses_them()
    {
        var (sandbox, clock, http) = await StartAsync();
        await using var _ = sandbox;
        using var __ = http;

        using (var lenient = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox, ""","dateAdded":"2001-01-01T00:00:00Z" """))))
        {
            Assert.Equal(HttpStatusCode.Created, lenient.StatusCode);
            Assert.Equal(clock.GetUtcNow(), Assert.Single(sandbox.HighLevel.Contacts.Records).DateAdded);
        }

        sandbox.HighLevel.RejectUndeclaredProperties = true;
        using var strict = await http.SendAsync(Post(sandbox, "/contacts/", """{"locationId":"x","dateAdded":"2001-01-01T00:00:00Z","customFields":[{"id":"a","value":"b"}]}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict.StatusCode);
        Assert.Equal(
            ["property dateAdded should not exist", "customFields.0.property value should not exist"],
            (await JsonOf(strict)).GetProperty("message").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Another_location_is_a_403_and_a_duplicate_a_400_with_the_existing_contact()
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;

        using var other = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox).Replace(sandbox.Options.HighLevelLocationId, "otherLocation000001")));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("The token does not have access to this location.", (await JsonOf(other)).GetProperty("message").GetString());

        using var first = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));
        var id = (await JsonOf(first)).GetProperty("contact").GetProperty("id").GetString();
        using var samePhone = await http.SendAsync(Post(sandbox, "/contacts/",
            $$"""{"locationId":"{{sandbox.Options.HighLevelLocationId}}","phone":"(888) 888-8888"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, samePhone.StatusCode);
        var body = await JsonOf(samePhone);
        AssertFollows(body, "common/common-schemas.json", "BadRequestDTO");
        Assert.Equal("This location does not allow duplicated contacts.", body.GetProperty("message").GetString());
        Assert.Equal(id, body.GetProperty("meta").GetProperty("contactId").GetString());
        Assert.Equal("phone", body.GetProperty("meta").GetProperty("matchingField").GetString());

        sandbox.HighLevel.Contacts.AllowDuplicateContacts = true;
        using var allowed = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(2, sandbox.HighLevel.Contacts.Records.Count);
    }

    [Fact]
    public async Task The_burst_limit_answers_429_until_the_ten_second_window_passes()
    {
        var (sandbox, clock, http) = await StartAsync(o => o.HighLevelRequestsPerTenSeconds = 2);
        await using var _ = sandbox;
        using var __ = http;
        sandbox.HighLevel.Contacts.AllowDuplicateContacts = true;

        for (var i = 0; i < 2; i++)
        {
            using var ok = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            Assert.Equal((1 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(ok, "X-RateLimit-Remaining"));
        }
        using (var limited = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox))))
        {
            Assert.Equal((HttpStatusCode)429, limited.StatusCode);
            Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
            Assert.Equal("199998", Header(limited, "X-RateLimit-Daily-Remaining"));
            Assert.Equal(429, (await JsonOf(limited)).GetProperty("statusCode").GetInt32());
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        using var again = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(3, sandbox.HighLevel.Contacts.Records.Count);
    }

    [Fact]
    public async Task The_daily_limit_answers_429_until_the_next_day()
    {
        var (sandbox, clock, http) = await StartAsync(o => o.HighLevelRequestsPerDay = 1);
        await using var _ = sandbox;
        using var __ = http;
        sandbox.HighLevel.Contacts.AllowDuplicateContacts = true;

        using (var ok = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox))))
        {
            Assert.Equal("0", Header(ok, "X-RateLimit-Daily-Remaining"));
        }
        clock.Advance(TimeSpan.FromSeconds(11));
        using (var limited = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox))))
        {
            Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        }
        clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));
        Assert.Equal(HttpStatusCode.Created, nextDay.StatusCode);
    }

    [Fact]
    public async Task Create_association_and_relation_answer_201_with_the_association()
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;
        var location = sandbox.Options.HighLevelLocationId;

        using var created = await http.SendAsync(Post(sandbox, "/associations/",
            $$"""{"locationId":"{{location}}","key":"student_teacher","firstObjectLabel":"student","firstObjectKey":"contact","secondObjectLabel":"Teacher","secondObjectKey":"opportunity"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var association = await JsonOf(created);
        var associationId = association.GetProperty("id").GetString()!;
        Assert.Equal(Assert.Single(sandbox.HighLevel.Associations.Definitions).Id, associationId);

        using var contact = await http.SendAsync(Post(sandbox, "/contacts/", ContactJson(sandbox)));
        var contactId = (await JsonOf(contact)).GetProperty("contact").GetProperty("id").GetString();
        var relationJson = $$"""{"locationId":"{{location}}","associationId":"{{associationId}}","firstRecordId":"{{contactId}}","secondRecordId":"opp1"}""";

        using var relation = await http.SendAsync(Post(sandbox, "/associations/relations", relationJson));
        Assert.Equal(HttpStatusCode.Created, relation.StatusCode);
        var answer = await JsonOf(relation);
        Assert.Equal(
            ["locationId", "id", "key", "firstObjectLabel", "firstObjectKey", "secondObjectLabel", "secondObjectKey", "associationType"],
            answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((associationId, "student_teacher", "USER_DEFINED"),
            (answer.GetProperty("id").GetString(), answer.GetProperty("key").GetString(), answer.GetProperty("associationType").GetString()));
        var made = Assert.Single(sandbox.HighLevel.Associations.Relations);
        Assert.Equal((associationId, contactId, "opp1"), (made.AssociationId, made.FirstRecordId, made.SecondRecordId));

        using var again = await http.SendAsync(Post(sandbox, "/associations/relations", relationJson));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Relation already exists", (await JsonOf(again)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_relation_needs_its_four_ids_a_known_association_and_existing_contacts()
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;
        var location = sandbox.Options.HighLevelLocationId;
        var association = sandbox.HighLevel.Associations.Define("contact_opportunity", "contact", "opportunity");

        using var empty = await http.SendAsync(Post(sandbox, "/associations/relations", $$"""{"locationId":"{{location}}","firstRecordId":""}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(
            ["associationId should not be empty", "firstRecordId should not be empty", "secondRecordId should not be empty"],
            (await JsonOf(empty)).GetProperty("message").EnumerateArray().Select(m => m.GetString()));

        using var unknown = await http.SendAsync(Post(sandbox, "/associations/relations",
            $$"""{"locationId":"{{location}}","associationId":"nope","firstRecordId":"a","secondRecordId":"b"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Association not found", (await JsonOf(unknown)).GetProperty("message").GetString());

        using var noContact = await http.SendAsync(Post(sandbox, "/associations/relations",
            $$"""{"locationId":"{{location}}","associationId":"{{association.Id}}","firstRecordId":"ghost","secondRecordId":"b"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.Equal("Contact with id ghost not found", (await JsonOf(noContact)).GetProperty("message").GetString());
        Assert.Empty(sandbox.HighLevel.Associations.Relations);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_in_HighLevels_shape()
    {
        var (sandbox, _, http) = await StartAsync();
        await using var __ = sandbox;
        using var ___ = http;

        using var response = await http.SendAsync(Post(sandbox, "/nothing/here", "{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal(404, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("Not Found", body.GetProperty("error").GetString());
    }
}
