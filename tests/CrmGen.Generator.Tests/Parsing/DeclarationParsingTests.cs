using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;

namespace CrmGen.Generator.Tests.Parsing;

public class DeclarationParsingTests
{
    private static ProviderSyntax SingleProvider(string text) => Assert.Single(ParseValid(text).Providers);

    private static OperationSyntax SingleOperation(string operation)
    {
        var provider = SingleProvider("provider p {\n resource r {\n" + operation + "\n }\n}");
        var resource = Assert.IsType<ResourceSyntax>(Assert.Single(provider.Members));
        return Assert.Single(resource.Operations);
    }

    [Fact]
    public void Empty_text_and_comments_only_give_no_providers()
    {
        Assert.Empty(ParseValid("").Providers);
        Assert.Empty(ParseValid("  // nothing\n/* here */\n").Providers);
    }

    [Fact]
    public void Provider_has_name_and_exact_spans()
    {
        const string text = "  provider hubspot { }  ";
        var provider = SingleProvider(text);
        Assert.Equal(new IdentifierSyntax("hubspot", new TextSpan(11, 7)), provider.Name);
        Assert.Equal("provider hubspot { }", TextOf(text, provider.Span));
        Assert.Empty(provider.Members);
    }

    [Fact]
    public void A_resource_record_mapping_and_the_reads_that_use_it()
    {
        const string text = """
            provider p {
             resource contacts {
              record { id <- id, name <- full_name }
              create POST "/c" { write { n <- name }  read record }
              list GET "/c" { read from data.items record
               next_page cursor <- next }
              get GET "/c/{id}" { read { id <- id } }
             }
            }
            """;
        var resource = Assert.IsType<ResourceSyntax>(Assert.Single(SingleProvider(text).Members));

        var record = Assert.Single(resource.Records);
        Assert.Equal("record", record.Keyword.Text);
        Assert.Equal(new[] { "id", "name" }, record.Block.Mappings.Select(m => m.Target.Segments[0].Name));
        Assert.Equal("record { id <- id, name <- full_name }", TextOf(text, record.Span));

        var create = resource.Operations[0].Members.OfType<MappingSectionSyntax>().Single(m => m.Kind.Text == "read");
        Assert.Equal("record", create.Record?.Text);
        Assert.Null(create.From);
        Assert.Empty(create.Block.Mappings);
        Assert.Equal("read record", TextOf(text, create.Span));

        var list = resource.Operations[1].Members.OfType<MappingSectionSyntax>().Single();
        Assert.Equal("record", list.Record?.Text);
        Assert.Equal("read from data.items record", TextOf(text, list.Span));
        Assert.Single(resource.Operations[1].Members.OfType<NextPageSyntax>());

        var get = resource.Operations[2].Members.OfType<MappingSectionSyntax>().Single();
        Assert.Null(get.Record);
        Assert.Single(get.Block.Mappings);
    }

    [Fact]
    public void A_field_named_record_is_still_a_mapping_target()
    {
        var operation = SingleOperation("get GET \"/x\" { read {\n record <- r\n} }");
        var read = Assert.Single(operation.Members.OfType<MappingSectionSyntax>());
        Assert.Null(read.Record);
        Assert.Equal("record", Assert.Single(read.Block.Mappings).Target.Segments[0].Name);
    }

    [Fact]
    public void Several_providers_in_one_file()
    {
        var file = ParseValid("provider a {}\nprovider b { base_url \"x\" }");
        Assert.Equal(new[] { "a", "b" }, file.Providers.Select(p => p.Name.Text));
    }

    [Fact]
    public void Settings_take_an_expression_value_on_the_same_line()
    {
        const string text = "provider p {\n  display_name \"Close\"\n  base_url \"{context.instance_url}/api\"\n  custom_thing 42\n  standalone\n  other \"x\"\n}";
        var provider = SingleProvider(text);
        var settings = provider.Members.Cast<SettingSyntax>().ToList();
        Assert.Equal(new[] { "display_name", "base_url", "custom_thing", "standalone", "other" }, settings.Select(s => s.Keyword.Text));
        Assert.Equal("\"Close\"", SyntaxPrinter.Print(settings[0].Value));
        Assert.Equal("$\"{context.instance_url}/api\"", SyntaxPrinter.Print(settings[1].Value));
        Assert.Equal("42", SyntaxPrinter.Print(settings[2].Value));
        Assert.Null(settings[3].Value);
        Assert.Equal("standalone", TextOf(text, settings[3].Span));
        Assert.Equal("display_name \"Close\"", TextOf(text, settings[0].Span));
    }

    [Fact]
    public void A_setting_value_on_the_next_line_is_not_taken()
    {
        var file = Parse("provider p {\n  base_url\n  \"x\"\n}");
        var setting = Assert.IsType<SettingSyntax>(file.Providers[0].Members[0]);
        Assert.Null(setting.Value);
        var d = Assert.Single(file.Diagnostics);
        Assert.StartsWith("Expected a provider member", Message(d));
    }

    [Fact]
    public void Settings_may_be_separated_by_commas()
    {
        var provider = SingleProvider("provider p { display_name \"A\", base_url \"b\", auth none }");
        Assert.Equal(3, provider.Members.Count);
    }

    [Theory]
    [InlineData("auth none", "none", new string[0])]
    [InlineData("auth bearer(credentials.access_token)", "bearer", new[] { "credentials.access_token" })]
    [InlineData("auth oauth2(credentials.access_token)", "oauth2", new[] { "credentials.access_token" })]
    [InlineData("auth basic(credentials.api_key, \"\")", "basic", new[] { "credentials.api_key", "\"\"" })]
    [InlineData("auth api_key_header(\"X-API-KEY\", credentials.api_key)", "api_key_header", new[] { "\"X-API-KEY\"", "credentials.api_key" })]
    [InlineData("auth api_key_query(\"api_token\", credentials.api_token)", "api_key_query", new[] { "\"api_token\"", "credentials.api_token" })]
    [InlineData("auth custom()", "custom", new string[0])]
    public void Auth_has_a_scheme_and_arguments(string member, string scheme, string[] arguments)
    {
        var auth = Assert.IsType<AuthSyntax>(Assert.Single(SingleProvider("provider p {\n" + member + "\n}").Members));
        Assert.Equal(scheme, auth.Scheme.Text);
        Assert.Equal(arguments, auth.Arguments.Select(a => SyntaxPrinter.Print(a)));
    }

    [Fact]
    public void Provider_header_has_a_decoded_name_and_an_expression_value()
    {
        const string text = "provider p { header \"X-\\u0041\" \"{context.v}-1\" }";
        var header = Assert.IsType<HeaderSyntax>(Assert.Single(SingleProvider(text).Members));
        Assert.Equal("X-A", header.Name.Value);
        Assert.Equal("\"X-\\u0041\"", TextOf(text, header.Name.Span));
        Assert.Equal("$\"{context.v}-1\"", SyntaxPrinter.Print(header.Value));
        Assert.Equal("header \"X-\\u0041\" \"{context.v}-1\"", TextOf(text, header.Span));
    }

    [Fact]
    public void Context_may_be_required()
    {
        var members = SingleProvider("provider p {\n context location_id required\n context instance_url\n}").Members.Cast<ContextSyntax>().ToList();
        Assert.Equal("location_id", members[0].Name.Text);
        Assert.True(members[0].IsRequired);
        Assert.Equal("instance_url", members[1].Name.Text);
        Assert.False(members[1].IsRequired);
    }

    [Fact]
    public void Errors_block_holds_mappings()
    {
        var errors = Assert.IsType<ErrorsSyntax>(Assert.Single(SingleProvider("provider p { errors { message <- message, code <- category } }").Members));
        Assert.Equal(new[] { "message <- message", "code <- category" }, errors.Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void Enum_rows_map_literals_with_an_optional_else()
    {
        const string text = "provider p {\n enum t {\n \"a\" -> \"b\"\n 1 -> -2.5, true -> false\n null -> \"n\" else -> \"c\"\n }\n}";
        var @enum = Assert.IsType<EnumSyntax>(Assert.Single(SingleProvider(text).Members));
        Assert.Equal("t", @enum.Name.Text);
        Assert.Equal(5, @enum.Entries.Count);
        Assert.Equal(new LiteralSyntax(LiteralKind.String, "a", new TextSpan(text.IndexOf("\"a\"", StringComparison.Ordinal), 3)), @enum.Entries[0].From);
        Assert.Equal("b", @enum.Entries[0].To.Value);
        Assert.Equal("\"a\" -> \"b\"", TextOf(text, @enum.Entries[0].Span));
        Assert.Equal(LiteralKind.Number, @enum.Entries[1].From!.Kind);
        Assert.Equal("-2.5", @enum.Entries[1].To.Value);
        Assert.Equal(LiteralKind.True, @enum.Entries[2].From!.Kind);
        Assert.Equal(LiteralKind.False, @enum.Entries[2].To.Kind);
        Assert.Equal(LiteralKind.Null, @enum.Entries[3].From!.Kind);
        Assert.Null(@enum.Entries[4].From);
        Assert.Equal("c", @enum.Entries[4].To.Value);
    }

    [Fact]
    public void Resource_holds_operations_of_every_kind()
    {
        var provider = SingleProvider("""
            provider p {
              resource contacts {
                list GET "/c" { }
                get GET "/c/{id}" { }
                create POST "/c" { }
                update PATCH "/c/{id}" { }
                delete DELETE "/c/{id}" { }
                action link PUT "/c/{id}/link" { }
                upsert PUT "/c" { }
              }
            }
            """);
        var resource = Assert.IsType<ResourceSyntax>(Assert.Single(provider.Members));
        Assert.Equal("contacts", resource.Name.Text);
        Assert.Equal(new[] { "list", "get", "create", "update", "delete", "action", "upsert" }, resource.Operations.Select(o => o.Kind.Text));
        Assert.Equal(new[] { "GET", "GET", "POST", "PATCH", "DELETE", "PUT", "PUT" }, resource.Operations.Select(o => o.Method.Text));
        Assert.Equal("link", resource.Operations[5].Name!.Text);
        Assert.All(resource.Operations.Where(o => o.Kind.Text != "action"), o => Assert.Null(o.Name));
    }

    [Fact]
    public void Operation_header_keeps_the_raw_path_template_and_any_method_identifier()
    {
        const string text = "provider p { resource r { get fetch \"/a/{id}/{{x}}\\/\" { } } }";
        var provider = SingleProvider(text);
        var operation = ((ResourceSyntax)provider.Members[0]).Operations[0];
        Assert.Equal("fetch", operation.Method.Text);
        Assert.Equal("/a/{id}/{{x}}/", operation.PathTemplate.Value);
        Assert.Equal("\"/a/{id}/{{x}}\\/\"", TextOf(text, operation.PathTemplate.Span));
        Assert.Equal("get fetch \"/a/{id}/{{x}}\\/\" { }", TextOf(text, operation.Span));
    }

    [Fact]
    public void Requires_lists_fields()
    {
        var operation = SingleOperation("create POST \"/c\" {\n requires first_name, email_addresses ,last_name\n requires x\n}");
        var requires = operation.Members.Cast<RequiresSyntax>().ToList();
        Assert.Equal(new[] { "first_name", "email_addresses", "last_name" }, requires[0].Fields.Select(f => f.Text));
        Assert.Equal(new[] { "x" }, requires[1].Fields.Select(f => f.Text));
    }

    [Fact]
    public void Path_and_query_are_parameter_blocks()
    {
        var operation = SingleOperation("update PATCH \"/c/{id}\" {\n path { id <- entity_id }\n query { limit <- \"100\", locationId <- context.location_id }\n}");
        var blocks = operation.Members.Cast<ParameterBlockSyntax>().ToList();
        Assert.Equal("path", blocks[0].Kind.Text);
        Assert.Equal("id <- entity_id", SyntaxPrinter.Print(Assert.Single(blocks[0].Block.Mappings)));
        Assert.Equal("query", blocks[1].Kind.Text);
        Assert.Equal(2, blocks[1].Block.Mappings.Count);
    }

    [Fact]
    public void Operation_header_member_wraps_a_header()
    {
        var operation = SingleOperation("get GET \"/c\" { header \"X-Name\" \"{context.v}\" }");
        var header = Assert.IsType<OperationHeaderSyntax>(Assert.Single(operation.Members));
        Assert.Equal("X-Name", header.Header.Name.Value);
        Assert.Equal(header.Header.Span, header.Span);
    }

    [Fact]
    public void Read_write_and_map_sections_with_from()
    {
        var operation = SingleOperation("""
            list GET "/c" {
              read from results { id <- id }
              read from "data".items[0] { }
              map from contact { first_name <-> firstName }
              write { a <- b }
              read { }
            }
            """);
        var sections = operation.Members.Cast<MappingSectionSyntax>().ToList();
        Assert.Equal(new[] { "read", "read", "map", "write", "read" }, sections.Select(s => s.Kind.Text));
        Assert.Equal("results", SyntaxPrinter.Print(sections[0].From));
        Assert.Equal("data.items[0]", SyntaxPrinter.Print(sections[1].From));
        Assert.Equal("contact", SyntaxPrinter.Print(sections[2].From));
        Assert.Null(sections[3].From);
        Assert.Null(sections[4].From);
        Assert.Equal(MappingArrow.TwoWay, sections[2].Block.Mappings[0].Arrow);
    }

    [Fact]
    public void A_field_may_be_called_like_a_keyword()
    {
        var operation = SingleOperation("get GET \"/c\" { read { read <- write, list <- map.from, from <- requires } }");
        var section = Assert.IsType<MappingSectionSyntax>(Assert.Single(operation.Members));
        Assert.Equal(new[] { "read <- write", "list <- map.from", "from <- requires" }, section.Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void Unknown_operation_members_are_kept_for_the_binder_without_a_syntax_error()
    {
        const string text = """
            provider p {
              resource r {
                get GET "/c" {
                  headers { a <- b
                    c <- d }
                  paginate cursor "next" 100
                  read { id <- id }
                  members
                }
              }
            }
            """;
        var file = ParseValid(text);
        var operation = ((ResourceSyntax)file.Providers[0].Members[0]).Operations[0];
        Assert.Equal(4, operation.Members.Count);
        var unknown = operation.Members.OfType<UnknownOperationMemberSyntax>().ToList();
        Assert.Equal(new[] { "headers", "paginate", "members" }, unknown.Select(u => u.Keyword.Text));
        Assert.Equal("headers { a <- b\n        c <- d }", TextOf(text, unknown[0].Span));
        Assert.Equal("paginate cursor \"next\" 100", TextOf(text, unknown[1].Span));
        Assert.IsType<MappingSectionSyntax>(operation.Members[2]);
    }

    [Fact]
    public void An_unknown_member_stops_before_a_known_member_on_the_same_line()
    {
        var operation = SingleOperation("get GET \"/c\" { foo bar write { a <- b } }");
        Assert.Collection(
            operation.Members,
            m => Assert.Equal("foo", Assert.IsType<UnknownOperationMemberSyntax>(m).Keyword.Text),
            m => Assert.Equal("write", Assert.IsType<MappingSectionSyntax>(m).Kind.Text));
    }

    [Fact]
    public void Whole_file_on_one_line_parses()
    {
        var file = ParseValid("provider p { base_url \"x\" auth none resource r { get GET \"/a\" { requires a write { a <- b } read { c <- d } } } enum e { \"a\" -> \"b\" } }");
        Assert.Equal(4, file.Providers[0].Members.Count);
    }

    [Fact]
    public void Parsing_twice_gives_equal_trees()
    {
        foreach (var (_, text) in CrmMapExamples.All)
        {
            var first = Parse(text);
            var second = Parse(text);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        }
    }

    [Fact]
    public void The_line_map_of_the_file_is_returned()
    {
        var file = Parse("provider p {\n}\r\n");
        Assert.Equal(new[] { 0, 13, 16 }, file.Lines.LineStarts.AsImmutableArray());
    }
}
