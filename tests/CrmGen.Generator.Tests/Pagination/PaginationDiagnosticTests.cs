using CrmGen.Generator.Binding;
using CrmGen.Generator.Tests.Binding;
using CrmGen.Generator.Tests.Diagnostics;

namespace CrmGen.Generator.Tests.Pagination;

/// <summary>
/// CRM0031 to CRM0033: <c>next_page</c> outside a list operation, an unknown <c>next_page</c> kind,
/// and the page request's <c>cursor</c> and <c>page_size</c> outside a list operation; and what
/// binds without errors.
/// </summary>
public class PaginationDiagnosticTests
{
    [Fact]
    public void CRM0031_next_page_in_an_operation_that_is_not_a_list()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { id <- id }
                  [|next_page|] cursor <- paging.next.after
                }
                create POST "/contacts" {
                  write { name <- first_name }
                  [|next_page|] url <- next
                }
                action merge POST "/contacts/merge" {
                  write { name <- first_name }
                  [|next_page|] cursor <- after
                }
              }
            }
            """,
            ("CRM0031", "'next_page' is not allowed in a get operation; only a list operation returns pages"),
            ("CRM0031", "'next_page' is not allowed in a create operation; only a list operation returns pages"),
            ("CRM0031", "'next_page' is not allowed in an action operation; only a list operation returns pages"));
    }

    [Fact]
    public void CRM0032_an_unknown_next_page_kind_is_reported_on_the_word_with_a_suggestion_when_close()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contacts" {
                  read from results { id <- id }
                  next_page [|token|] <- paging.next.after
                }
              }
              resource pipelines {
                list GET "/pipelines" {
                  read from results { id <- id }
                  next_page [|curser|] <- paging.next.after
                }
              }
            }
            """,
            ("CRM0032", "Unknown next_page kind 'token'; expected 'cursor' (the next request sends it back as 'cursor'), 'url' (the next page is a GET of that URL) or 'offset' (a condition: another page follows, at this page's offset plus its record count)"),
            ("CRM0032", "Unknown next_page kind 'curser'; expected 'cursor' (the next request sends it back as 'cursor'), 'url' (the next page is a GET of that URL) or 'offset' (a condition: another page follows, at this page's offset plus its record count); did you mean 'cursor'?"));
    }

    [Fact]
    public void CRM0033_cursor_and_page_size_outside_a_list_operation()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                create POST "/contacts" {
                  query { limit <- [|page_size|] }
                  write { after <- [|cursor|] }
                }
                get GET "/contacts/{id}" {
                  header "X-Page" [|cursor|]
                  read { id <- id }
                }
                update PATCH "/contacts/{id}" {
                  path { id <- "{[|page_size|]}" }
                  write { name <- first_name }
                }
              }
            }
            """,
            ("CRM0033", "'page_size' is a value of the page request and exists only in the path, query and headers of a list operation, not a query value of a create operation"),
            ("CRM0033", "'cursor' is a value of the page request and exists only in the path, query and headers of a list operation, not a write mapping of a create operation"),
            ("CRM0033", "'cursor' is a value of the page request and exists only in the path, query and headers of a list operation, not a header of a get operation"),
            ("CRM0033", "'page_size' is a value of the page request and exists only in the path, query and headers of a list operation, not a path value of an update operation"));
    }

    [Fact]
    public void A_list_operation_binds_cursor_page_size_and_both_next_page_kinds()
    {
        var file = BindingTestHost.Bind("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contacts" {
                  query { limit <- page_size, after <- cursor }
                  header "X-Size" if exists(page_size) then "size={page_size}"
                  read from results { id <- id }
                  next_page cursor <- paging.next.after
                }
              }
              resource pipelines {
                list GET "/pipelines" {
                  read from records { id <- Id }
                  next_page url <- nextRecordsUrl
                }
              }
            }
            """);
        Assert.Empty(file.Diagnostics);
        var provider = Assert.Single(file.Providers);
        var contacts = provider.Resources.Single(r => r.Name == "contacts").Operations.Single();
        Assert.Equal(NextPageKind.Cursor, contacts.NextPage!.Kind);
        Assert.Equal(new[] { "limit", "after" }, contacts.Query.Select(q => q.Name));
        Assert.Contains(contacts.Query, q => q.Value is BoundPageParameter { Name: "cursor" });
        Assert.Contains(contacts.Query, q => q.Value is BoundConversion { Operand: BoundPageParameter { Name: "page_size" } });
        var pipelines = provider.Resources.Single(r => r.Name == "pipelines").Operations.Single();
        Assert.Equal(NextPageKind.Url, pipelines.NextPage!.Kind);
    }

    [Fact]
    public void An_offset_next_page_binds_a_condition_read_from_the_response()
    {
        var file = BindingTestHost.Bind("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contact/" {
                  query { _skip <- cursor, _limit <- page_size }
                  read from data { id <- id }
                  next_page offset <- has_more && !exists(error)
                }
              }
            }
            """);
        Assert.Empty(file.Diagnostics);
        var operation = Assert.Single(Assert.Single(Assert.Single(file.Providers).Resources).Operations);
        Assert.Equal(NextPageKind.Offset, operation.NextPage!.Kind);
        Assert.Equal(CrmTypeKind.Boolean, operation.NextPage.Value.Type.Kind);
    }

    [Fact]
    public void An_offset_next_page_whose_value_is_not_a_condition_is_an_error()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contact/" {
                  read from data { id <- id }
                  next_page offset <- [|"yes"|]
                }
              }
            }
            """,
            ("CRM0005", "The next_page offset condition is bool but the value is string; use 'as bool' or a comparison such as 'x == \"yes\"'"));
    }

    [Fact]
    public void A_second_next_page_and_a_member_of_cursor_are_errors()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contacts" {
                  query { after <- [|cursor.value|] }
                  read from results { id <- id }
                  next_page cursor <- paging.next.after
                  [|next_page|] cursor <- paging.after
                }
              }
            }
            """,
            ("CRM0027", "'cursor.value' is not allowed here; 'cursor' is a string of the page request and has no members"),
            ("CRM0026", "Duplicate operation member 'next_page'"));
    }

    [Fact]
    public void A_next_page_without_a_value_is_a_syntax_error()
    {
        var file = BindingTestHost.Bind("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contacts" {
                  read from results { id <- id }
                  next_page cursor
                }
              }
            }
            """);
        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal("CRM0001", diagnostic.Id);
        Assert.Contains("'<-'", BindingTestHost.Message(diagnostic), StringComparison.Ordinal);
    }
}

/// <summary>Parsing of <c>next_page KIND &lt;- expr</c>.</summary>
public class NextPageParsingTests
{
    [Fact]
    public void Next_page_parses_its_kind_and_value_with_exact_spans()
    {
        const string text = """
            provider p {
              resource contacts {
                list GET "/c" {
                  next_page url <- nextRecordsUrl
                  read from records { id <- Id }
                }
              }
            }
            """;
        var file = BindingTestHost.Parse(text);
        Assert.Empty(file.Diagnostics);
        var operation = file.Providers[0].Members.OfType<CrmGen.Generator.Syntax.ResourceSyntax>().Single().Operations[0];
        var nextPage = Assert.IsType<CrmGen.Generator.Syntax.NextPageSyntax>(operation.Members[0]);
        Assert.Equal("next_page", nextPage.Keyword.Text);
        Assert.Equal("url", nextPage.Kind.Text);
        var value = Assert.IsType<CrmGen.Generator.Syntax.PathSyntax>(nextPage.Value);
        Assert.Equal("nextRecordsUrl", text.Substring(value.Span.Start, value.Span.Length));
        Assert.Equal("next_page url <- nextRecordsUrl", text.Substring(nextPage.Span.Start, nextPage.Span.Length));
    }

    [Fact]
    public void A_field_called_next_page_in_a_block_is_still_a_mapping()
    {
        var file = BindingTestHost.Parse("""
            provider p {
              resource contacts {
                create POST "/c" {
                  write { next_page <- first_name }
                }
              }
            }
            """);
        Assert.Empty(file.Diagnostics);
        var section = Assert.IsType<CrmGen.Generator.Syntax.MappingSectionSyntax>(file.Providers[0].Members.OfType<CrmGen.Generator.Syntax.ResourceSyntax>().Single().Operations[0].Members[0]);
        Assert.Single(section.Block.Mappings);
    }
}
