using System.Text;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// The OpenAPI request validator itself: it accepts what HighLevel's description allows and
/// rejects, with the reason and the JSON path, what it does not — so a passing validation in the
/// end-to-end tests means something.
/// </summary>
public class OpenApiRequestValidatorTests
{
    private const string Location = "ve9EPM428h8vShlRW1KT";

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Authorization"] = "Bearer token",
        ["Version"] = "2021-07-28",
        ["Content-Type"] = "application/json; charset=utf-8",
    };

    private static List<string> CreateContact(string json, IReadOnlyDictionary<string, string>? headers = null)
        => HighLevelOpenApi.Validator().Validate("POST", "/contacts/", "", headers ?? Headers, Encoding.UTF8.GetBytes(json));

    private static void AssertOneProblem(List<string> problems, string expected)
    {
        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_documented_create_contact_request_is_valid()
    {
        var problems = CreateContact($$"""
            {
              "locationId": "{{Location}}",
              "firstName": "Rosan",
              "lastName": null,
              "email": "rosan@deos.com",
              "dnd": true,
              "dndSettings": { "Call": { "status": "active", "message": "m", "code": "c" } },
              "tags": ["nisi sint commodo amet", "consequat"],
              "customFields": [{ "id": "6dvNaf7VhkQ9snc5vnjJ", "key": "my_custom_field", "field_value": "My Text" }],
              "assignedTo": "y0BeYjuRIlDwsDcOHOJo"
            }
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void A_body_missing_a_required_property_is_rejected()
        => AssertOneProblem(CreateContact("""{"firstName":"Rosan"}"""), "body $: the required property 'locationId' is missing");

    [Fact]
    public void A_property_of_the_wrong_type_is_rejected()
        => AssertOneProblem(CreateContact($$"""{"locationId":"{{Location}}","firstName":42}"""), "body $.firstName: expected string but found a number");

    [Fact]
    public void A_wrong_array_element_type_is_rejected()
        => AssertOneProblem(CreateContact($$"""{"locationId":"{{Location}}","tags":["a",1]}"""), "body $.tags[1]: expected string but found a number");

    [Fact]
    public void A_boolean_given_as_text_is_rejected()
        => AssertOneProblem(CreateContact($$"""{"locationId":"{{Location}}","dnd":"true"}"""), "body $.dnd: expected boolean but found a string");

    [Fact]
    public void Null_is_accepted_only_where_the_schema_is_nullable()
    {
        Assert.Empty(CreateContact($$"""{"locationId":"{{Location}}","phone":null}"""));
        AssertOneProblem(CreateContact($$"""{"locationId":"{{Location}}","postalCode":null}"""), "body $.postalCode: null is not allowed");
    }

    [Fact]
    public void An_enum_value_reached_through_refs_is_checked()
        => AssertOneProblem(
            CreateContact("""{"locationId":"x","dndSettings":{"SMS":{"status":"sometimes"}}}"""),
            "body $.dndSettings.SMS.status: \"sometimes\" is not one of [");

    [Fact]
    public void A_required_property_of_a_nested_schema_is_checked()
        => AssertOneProblem(
            CreateContact("""{"locationId":"x","dndSettings":{"Email":{"message":"no status"}}}"""),
            "body $.dndSettings.Email: the required property 'status' is missing");

    [Fact]
    public void An_array_item_matching_none_of_its_anyOf_schemas_is_rejected()
    {
        var problem = Assert.Single(CreateContact($$"""{"locationId":"{{Location}}","customFields":[{"key":"my_custom_field","field_value":"x"}]}"""));

        Assert.Contains("body $.customFields[0]: matches none of the anyOf schemas", problem);
        Assert.Contains("the required property 'id' is missing", problem);
    }

    [Fact]
    public void The_Version_header_is_required_and_must_be_the_documented_version()
    {
        var without = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        without.Remove("Version");
        var older = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { ["Version"] = "2021-04-15" };
        var body = $$"""{"locationId":"{{Location}}"}""";

        AssertOneProblem(CreateContact(body, without), "the required header parameter 'Version' is missing");
        AssertOneProblem(CreateContact(body, older), "header parameter 'Version': \"2021-04-15\" is not one of [\"2021-07-28\"]");
    }

    [Fact]
    public void An_unknown_path_or_method_is_rejected()
    {
        var validator = HighLevelOpenApi.Validator();
        var empty = Array.Empty<byte>();

        AssertOneProblem(validator.Validate("POST", "/contacts/nothing/here/at/all", "", Headers, empty), "no path of");
        AssertOneProblem(validator.Validate("PATCH", "/contacts/", "", Headers, empty), "/contacts/ has no PATCH operation");
        // The trailing slash is part of the path: create is POST /contacts/, not POST /contacts.
        AssertOneProblem(validator.Validate("POST", "/contacts", "", Headers, empty), "no path of");
    }

    [Fact]
    public void A_literal_path_wins_over_a_template_and_templates_match_one_segment()
    {
        var validator = HighLevelOpenApi.Validator();

        // POST /contacts/search is its own operation (search-contacts-advanced), not /contacts/{contactId}.
        Assert.DoesNotContain(validator.Validate("POST", "/contacts/search", "", Headers, Encoding.UTF8.GetBytes("{}")),
            p => p.Contains("{contactId}", StringComparison.Ordinal));
        // POST /contacts/{contactId}/tags takes a body with the required 'tags'.
        AssertOneProblem(validator.Validate("POST", "/contacts/abc123/tags", "", Headers, Encoding.UTF8.GetBytes("{}")),
            "POST /contacts/{contactId}/tags: body $: the required property 'tags' is missing");
    }

    [Fact]
    public void A_required_body_must_be_sent_as_json()
    {
        var validator = HighLevelOpenApi.Validator();
        var text = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "text/plain" };

        AssertOneProblem(validator.Validate("POST", "/contacts/", "", Headers, []), "the request body is required but none was sent");
        AssertOneProblem(validator.Validate("POST", "/contacts/", "", text, Encoding.UTF8.GetBytes("{}")), "content type 'text/plain'");
        AssertOneProblem(validator.Validate("POST", "/contacts/", "", Headers, Encoding.UTF8.GetBytes("{not json")), "the body is not JSON");
    }

    [Fact]
    public void A_relation_missing_its_record_ids_is_rejected()
    {
        var problems = HighLevelOpenApi.Validator().Validate("POST", "/associations/relations", "", Headers,
            Encoding.UTF8.GetBytes($$"""{"locationId":"{{Location}}","associationId":"a"}"""));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'firstRecordId' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'secondRecordId' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_query_parameters_are_checked()
    {
        var validator = HighLevelOpenApi.Validator();

        // GET /associations/ requires locationId, skip and limit.
        var problems = validator.Validate("GET", "/associations/", "?locationId=" + Location, Headers, []);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("query parameter 'skip' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("query parameter 'limit' is missing", StringComparison.Ordinal));
        Assert.Empty(validator.Validate("GET", "/associations/", $"?locationId={Location}&skip=0&limit=10", Headers, []));
        AssertOneProblem(validator.Validate("GET", "/associations/", $"?locationId={Location}&skip=zero&limit=10", Headers, []),
            "query parameter 'skip': expected number but found a string");
    }

    [Fact]
    public void Refs_across_files_and_additionalProperties_false_are_honoured()
    {
        var directory = Directory.CreateTempSubdirectory("crmgen-openapi-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "apps"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "common"));
            File.WriteAllText(Path.Combine(directory.FullName, "apps", "widgets.json"), """
                {
                  "openapi": "3.0.0",
                  "paths": {
                    "/widgets/{widgetId}": {
                      "put": {
                        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "../common/shared.json#/components/schemas/Widget" } } } }
                      }
                    }
                  }
                }
                """);
            File.WriteAllText(Path.Combine(directory.FullName, "common", "shared.json"), """
                {
                  "components": {
                    "schemas": {
                      "Widget": {
                        "type": "object",
                        "required": ["name"],
                        "additionalProperties": false,
                        "properties": {
                          "name": { "type": "string" },
                          "count": { "type": "integer" },
                          "size": { "$ref": "#/components/schemas/Size" }
                        }
                      },
                      "Size": { "type": "string", "enum": ["S", "M", "L"] }
                    }
                  }
                }
                """);
            using var documents = new OpenApiDocumentSet(directory.FullName);
            var validator = new OpenApiRequestValidator(documents, "apps/widgets.json");
            List<string> Put(string json) => validator.Validate("PUT", "/widgets/w1", "", Headers, Encoding.UTF8.GetBytes(json));

            Assert.Empty(Put("""{"name":"gear","count":3,"size":"M"}"""));
            AssertOneProblem(Put("""{"name":"gear","colour":"red"}"""), "the property 'colour' is not allowed (additionalProperties is false)");
            AssertOneProblem(Put("""{"name":"gear","count":1.5}"""), "body $.count: expected integer but found a number");
            AssertOneProblem(Put("""{"name":"gear","size":"XL"}"""), "body $.size: \"XL\" is not one of [\"S\",\"M\",\"L\"]");
            AssertOneProblem(Put("""{"count":1}"""), "the required property 'name' is missing");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
