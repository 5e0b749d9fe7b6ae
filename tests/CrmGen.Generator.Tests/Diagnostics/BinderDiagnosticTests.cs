using CrmGen.Generator.Binding;
using CrmGen.Generator.Tests.Binding;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic the binder reports, with its exact span and message.</summary>
public class BinderDiagnosticTests
{
    // ---- CRM0001 / CRM0002: syntax diagnostics flow through binding -----------------------

    [Fact]
    public void CRM0001_parser_syntax_error_is_part_of_the_bound_file()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              errors { message <-[||] }
            }
            """,
            ("CRM0001", "Expected an expression after '<-' but found '}'"));
    }

    [Fact]
    public void CRM0001_setting_without_a_value()
    {
        DiagnosticAssert.Reports("""
            provider test {
              [|base_url|]
              auth none
            }
            """,
            ("CRM0001", "Expected a value after 'base_url'"));
    }

    [Fact]
    public void CRM0001_invalid_path_template_parameter()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contacts/[|{}|]" { }
              }
            }
            """,
            ("CRM0001", "Invalid path parameter '{}'; a parameter name is an identifier such as 'id' or 'contact_id'"));
    }

    [Fact]
    public void CRM0001_unclosed_path_template_parameter()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/[|{id|]" { }
              }
            }
            """,
            ("CRM0001", "Unclosed '{' in the path template; a parameter is written '{name}'"));
    }

    [Fact]
    public void CRM0002_invalid_token_is_part_of_the_bound_file()
    {
        DiagnosticAssert.Reports("""
            provider test {
              display_name [|"Close|]
              base_url "https://x.test"
              auth none
            }
            """,
            ("CRM0002", "Unterminated string: add the closing '\"' before the end of the line"));
    }

    // ---- CRM0003 ------------------------------------------------------------------------

    [Fact]
    public void CRM0003_unknown_read_target_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { [|frist_name|] <- properties.firstname }
                }
              }
            }
            """,
            ("CRM0003", "Unknown unified field 'frist_name' on Contact; did you mean 'first_name'?"));
    }

    [Fact]
    public void CRM0003_unknown_write_source_without_suggestion_and_in_requires()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                create POST "/contacts" {
                  requires first_name, [|emails|]
                  write { first <- first_name, nick <- [|nickname|], city <- addresses[0].[|cty|] }
                }
              }
            }
            """,
            ("CRM0003", "Unknown unified field 'emails' on Contact; did you mean 'email_addresses'?"),
            ("CRM0003", "Unknown unified field 'nickname' on Contact"),
            ("CRM0003", "Unknown unified field 'cty' on Address; did you mean 'city'?"));
    }

    // ---- CRM0004 ------------------------------------------------------------------------

    [Fact]
    public void CRM0004_unknown_setting_scheme_member_target_and_path_parameter()
    {
        DiagnosticAssert.Reports("""
            provider [|test|] {
              [|bse_url|] "https://x.test"
              auth [|baerer|](credentials.token)
              errors { [|msg|] <- error }
              resource contacts {
                create POST "/contacts/{id}" {
                  [|reqires|] first_name
                  path { id <- id, [|idd|] <- id }
                }
              }
            }
            """,
            ("CRM0018", "Provider 'test' has no base_url"),
            ("CRM0004", "Unknown provider setting 'bse_url'; did you mean 'base_url'?"),
            ("CRM0004", "Unknown auth scheme 'baerer'; did you mean 'bearer'?"),
            ("CRM0004", "Unknown errors target 'msg'; expected 'message' or 'code'"),
            ("CRM0004", "Unknown operation member 'reqires'; did you mean 'requires'?"),
            ("CRM0004", "Unknown path parameter 'idd'; did you mean 'id'?"));
    }

    // ---- CRM0005 ------------------------------------------------------------------------

    [Fact]
    public void CRM0005_provider_value_into_a_date_names_the_conversions()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { created_at <- [|date_created|] }
                }
              }
            }
            """,
            ("CRM0005", "created_at is DateTimeOffset but the value is provider JSON value; use 'as datetime' (ISO-8601), 'as date' (yyyy-MM-dd), 'as epoch_ms' or 'as epoch_s'"));
    }

    [Fact]
    public void CRM0005_hints_for_lists_objects_custom_fields_and_literals()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource pipelines {
                get GET "/pipelines/{id}" {
                  read {
                    stages <- [|statuses|]
                    name   <- [|42|]
                  }
                }
              }
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    account       <- [|company|]
                    custom_fields <- [|properties|]
                    title         <- [|tags each name|]
                    first_name    <- first([|emails|])
                  }
                }
                create POST "/contacts" {
                  write { company <- [|account|], numbers <- [|phone_numbers|] }
                }
              }
            }
            """,
            ("CRM0005", "stages is List<Stage> but the value is provider JSON value; use 'statuses each { … }'"),
            ("CRM0005", "name is string but the value is long; write it in quotes: \"42\""),
            ("CRM0005", "account is AccountReference but the value is provider JSON value; build it with an object '{ … }' of provider values"),
            ("CRM0005", "custom_fields is Dictionary<string, object?> but the value is provider JSON value; use 'properties.*' to collect every key no other row reads"),
            ("CRM0005", "title is string but the value is List<string>; use 'join(x, \",\")'"),
            ("CRM0005", "The argument of 'first' is a list but the value is provider JSON value; use 'emails[0]' for the first element of a provider array"),
            ("CRM0005", "company is a JSON value but the value is AccountReference; write its fields with an object '{ … }'"),
            ("CRM0005", "numbers is a JSON value but the value is List<PhoneNumber>; write its elements with 'phone_numbers each { … }'"));
    }

    [Fact]
    public void CRM0005_conversion_operand_and_condition()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                create POST "/contacts" {
                  write {
                    created <- [|first_name|] as epoch_s
                    flag    <- if [|title|] then "a" else "b"
                  }
                }
              }
            }
            """,
            ("CRM0005", "The operand of 'as epoch_s' is DateTimeOffset but the value is string"),
            ("CRM0005", "The condition of 'if' is bool but the value is string; use 'as bool' or a comparison such as 'x == \"yes\"'"));
    }

    // ---- CRM0006 / CRM0007 --------------------------------------------------------------

    [Fact]
    public void CRM0006_unknown_function_with_suggestions()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    first_name <- [|lowr|](name)
                    last_name  <- [|NormalizePhone|](name)
                    title      <- [|capitalize|](name)
                  }
                }
              }
            }
            """,
            ("CRM0006", "Unknown function 'lowr'; did you mean 'lower'?"),
            ("CRM0006", "Unknown function 'NormalizePhone'; did you mean '@NormalizePhone'? (a hook is called with '@')"),
            ("CRM0006", "Unknown function 'capitalize'"));
    }

    [Fact]
    public void CRM0007_wrong_argument_counts()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth [|basic|](credentials.api_key)
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    first_name <- [|lower|](a, b)
                    last_name  <- [|@NormalizePhone|](a, b)
                    title      <- [|@Pad|](a, 1, 2)
                  }
                }
              }
            }
            """,
            ("CRM0007", "'basic' takes 2 argument(s) but is given 1"),
            ("CRM0007", "'lower' takes 1 argument(s) but is given 2"),
            ("CRM0007", "'@NormalizePhone' takes 1 argument(s) but is given 2"),
            ("CRM0007", "'@Pad' takes 1 or 2 argument(s) but is given 3"));
    }

    [Fact]
    public void Min_and_max_take_two_whole_numbers()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                list GET "/contacts" {
                  query {
                    limit  <- min(page_size, 100)
                    floor  <- max(page_size, 1)
                    total  <- min(max(page_size, 10), 100)
                    words  <- max(page_size, [|"ten"|])
                    single <- [|min|](page_size)
                    typo   <- [|mni|](page_size, 2)
                  }
                  read from results { id <- id }
                }
              }
            }
            """,
            ("CRM0005", "The second argument of 'max' is long but the value is string; use 'as int'"),
            ("CRM0007", "'min' takes 2 argument(s) but is given 1"),
            ("CRM0006", "Unknown function 'mni'; did you mean 'min'?"));
    }

    // ---- CRM0038 / CRM0039: record mappings -------------------------------------------

    [Fact]
    public void CRM0038_read_record_in_a_resource_without_one()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" { read [|record|] }
                list GET "/contacts" { read from results [|record|] }
              }
            }
            """,
            ("CRM0038", "'read record' reads with the record mapping of resource 'contacts', which has none; add 'record { … }' to the resource, or write the rows here as 'read { … }'"),
            ("CRM0038", "'read record' reads with the record mapping of resource 'contacts', which has none; add 'record { … }' to the resource, or write the rows here as 'read { … }'"));
    }

    [Fact]
    public void CRM0039_unused_record_mapping_and_a_second_one()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                [|record|] { id <- id }
                [|record|] { id <- uid }
                get GET "/contacts/{id}" { read { id <- id } }
              }
            }
            """,
            ("CRM0039", "Resource 'contacts' has a record mapping that no operation uses; write 'read record' (or 'read from PATH record') in the operations that return the record, or remove it"),
            ("CRM0026", "Duplicate record mapping of resource 'contacts'"));
    }

    [Fact]
    public void A_mistake_in_a_record_mapping_used_twice_is_reported_once_at_the_row()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                record {
                  id        <- id
                  [|frist_name|] <- first
                }
                get GET "/contacts/{id}" { read record }
                list GET "/contacts" { read from results record }
              }
            }
            """,
            ("CRM0003", "Unknown unified field 'frist_name' on Contact; did you mean 'first_name'?"));
    }

    // ---- CRM0008 / CRM0009 / CRM0010 ----------------------------------------------------

    [Fact]
    public void CRM0008_duplicate_read_write_and_map_rows()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                create POST "/contacts" {
                  write {
                    properties.email <- email_addresses[0].email
                    [|properties.email|] <- first_name
                  }
                  read { first_name <- first }
                  map { [|first_name|] <-> firstname }
                  query { limit <- "1", [|limit|] <- "2" }
                }
              }
            }
            """,
            ("CRM0008", "'properties.email' is mapped more than once in write"),
            ("CRM0008", "'first_name' is mapped more than once in read"),
            ("CRM0008", "'limit' is mapped more than once in query"));
    }

    [Fact]
    public void CRM0009_required_field_no_write_mapping_reads()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                create POST "/contacts" {
                  requires first_name, [|email_addresses|]
                  write { properties.firstname <- first_name }
                }
              }
            }
            """,
            ("CRM0009", "Field 'email_addresses' is required by contacts.create but no write mapping reads it"));
    }

    [Fact]
    public void CRM0010_path_parameter_nothing_supplies()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              context location_id
              resource contacts {
                get GET "/locations/{location_id}/contacts/{id}" { }
                create POST "/contacts/[|{id}|]" { }
                list GET "/contacts/[|{contact_id}|]/x" { }
              }
            }
            """,
            ("CRM0010", "Nothing supplies the path parameter '{id}' of contacts.create; add 'path { id <- … }' or declare 'context id'"),
            ("CRM0010", "Nothing supplies the path parameter '{contact_id}' of contacts.list; add 'path { contact_id <- … }' or declare 'context contact_id'"));
    }

    // ---- CRM0011 / CRM0012 --------------------------------------------------------------

    [Fact]
    public void CRM0011_unknown_hook_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    first_name <- [|@NormalizePhon|](phone)
                    last_name  <- [|@Lookup|](phone)
                  }
                }
              }
            }
            """,
            ("CRM0011", "Unknown hook '@NormalizePhon': TestProvider has no static method 'NormalizePhon'; did you mean 'NormalizePhone'?"),
            ("CRM0011", "Unknown hook '@Lookup': TestProvider has no static method 'Lookup'"));
    }

    [Fact]
    public void CRM0012_hook_argument_and_return_types()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    created_at  <- [|@NormalizePhone|](phone)
                    first_name  <- [|@Log|](phone)
                    last_name   <- @PhoneOfType([|phones|], "work")
                  }
                }
                create POST "/contacts" {
                  write {
                    phone <- @NormalizePhone([|tags|])
                    raw   <- [|[|@Untyped|]|](first_name)
                    score <- @Score(null, true)
                    width <- @Pad(first_name, [|[|title|]|])
                  }
                }
              }
            }
            """,
            ("CRM0012", "Hook '@NormalizePhone' does not fit: it returns string but created_at is DateTimeOffset"),
            ("CRM0012", "Hook '@Log' does not fit: it returns void, which a mapping cannot use"),
            ("CRM0012", "Hook '@PhoneOfType' does not fit: argument 1 is a provider JSON value but the parameter is List<PhoneNumber>; use 'phones each { … }'"),
            ("CRM0012", "Hook '@NormalizePhone' does not fit: argument 1 is List<Tag> but the parameter is string"),
            ("CRM0012", "Hook '@Untyped' does not fit: parameter 1 has type object, which a mapping cannot pass"),
            ("CRM0012", "Hook '@Untyped' does not fit: it returns object, which a mapping cannot use"),
            ("CRM0012", "Hook '@Pad' does not fit: argument 2 is string but the parameter is int"),
            ("CRM0012", "Hook '@Pad' does not fit: argument 2 may be null but the parameter is a non-nullable int; declare it 'int?'"));
    }

    // ---- CRM0016 / CRM0017 / CRM0018 / CRM0019 ------------------------------------------

    [Fact]
    public void CRM0016_unknown_resource_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource [|contact|] {
                get GET "/contacts/{id}" { read { id <- id } }
              }
            }
            """,
            ("CRM0016", "Unknown resource 'contact': no [UnifiedModel(\"contact\")] class; did you mean 'contacts'?"));
    }

    [Fact]
    public void CRM0017_unknown_operation_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                [|craete|] POST "/contacts" { }
              }
            }
            """,
            ("CRM0017", "Unknown operation 'craete'; expected list, get, create, update, delete or action; did you mean 'create'?"));
    }

    [Fact]
    public void CRM0018_and_CRM0019_missing_base_url_and_auth()
    {
        DiagnosticAssert.Reports("""
            provider [|[|test|]|] {
              display_name "Test"
            }
            """,
            ("CRM0018", "Provider 'test' has no base_url"),
            ("CRM0019", "Provider 'test' has no auth; write 'auth none' if it needs none"));
    }

    // ---- CRM0020 / CRM0021 / CRM0022 ----------------------------------------------------

    [Fact]
    public void CRM0020_unknown_enum_table_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              enum stage_status { "active" -> "open" }
              resource pipelines {
                get GET "/pipelines/{id}" {
                  read { stages <- statuses each { status <- type via [|stage_stat|] } }
                }
              }
            }
            """,
            ("CRM0020", "Unknown enum table 'stage_stat'; did you mean 'stage_status'?"));
    }

    [Fact]
    public void CRM0021_unknown_conversion_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { created_at <- created as [|datetme|] }
                }
              }
            }
            """,
            ("CRM0021", "Unknown conversion 'datetme'; expected datetime, date, epoch_s, epoch_ms, decimal, cents, int, string or bool; did you mean 'datetime'?"));
    }

    [Fact]
    public void CRM0022_unknown_context_value_with_suggestion()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test/{context.[|instance|]}"
              auth none
              context location_id
              resource contacts {
                list GET "/contacts" {
                  query { locationId <- context.[|locaton_id|] }
                }
              }
            }
            """,
            ("CRM0022", "Unknown context value 'instance'; declare it with 'context instance'"),
            ("CRM0022", "Unknown context value 'locaton_id'; declare it with 'context locaton_id'; did you mean 'location_id'?"));
    }

    // ---- CRM0024 / CRM0025 / CRM0026 ----------------------------------------------------

    [Fact]
    public void CRM0024_invalid_http_method()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get [|FETCH|] "/contacts/{id}" { }
              }
            }
            """,
            ("CRM0024", "Invalid HTTP method 'FETCH'; expected GET, POST, PUT, PATCH or DELETE"));
    }

    [Fact]
    public void CRM0025_table_used_backwards_must_be_invertible()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              enum state { "open" -> "open", "new" -> "open", "won" -> "won" }
              resource opportunities {
                get GET "/deals/{id}" {
                  map { status <-> state via state }
                }
                update PATCH "/deals/{id}" {
                  map { status <-> state via [|state|] }
                }
              }
            }
            """,
            ("CRM0025", "Enum table 'state' cannot be applied backwards: 'open' appears more than once on the right"));
    }

    [Fact]
    public void CRM0026_duplicate_declarations()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              [|base_url|] "https://y.test"
              auth none
              context location_id
              context [|location_id|]
              enum e { "a" -> "b", [|"a"|] -> "c" }
              enum [|e|] { "x" -> "y" }
              header "Version" "1"
              header [|"version"|] "2"
              resource contacts {
                delete DELETE "/contacts/{id}" { }
                [|delete|] DELETE "/contacts/{id}" { }
              }
            }
            """,
            ("CRM0026", "Duplicate setting 'base_url'"),
            ("CRM0026", "Duplicate context value 'location_id'"),
            ("CRM0026", "Duplicate row in enum table 'e' for 'a'"),
            ("CRM0026", "Duplicate enum table 'e'"),
            ("CRM0026", "Duplicate header 'version'"),
            ("CRM0026", "Duplicate operation 'contacts.delete'"));
    }

    // ---- CRM0027 ------------------------------------------------------------------------

    [Fact]
    public void CRM0027_scope_errors()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test/{[|credentials.key|]}"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  query { q <- [|first_name|] }
                  read {
                    first_name <- [|credentials.api_key|]
                    last_name  <- [|$|]
                    title      <- properties.[|*|]
                  }
                }
                update PATCH "/contacts/{id}" {
                  map {
                    first_name <-> [|"{first} {last}"|]
                    last_name  <-> last
                  }
                }
                delete DELETE "/contacts/{id}" {
                  [|read|] { id <- id }
                }
              }
            }
            """,
            ("CRM0027", "The credential 'credentials.key' is not allowed in base_url; secrets may only appear in auth and headers"),
            ("CRM0027", "The unified field 'first_name' is not allowed in a get operation; it has no unified input"),
            ("CRM0027", "The credential 'credentials.api_key' is not allowed in a read mapping; secrets may only appear in auth and headers"),
            ("CRM0027", "'$' is not allowed alone outside 'each'; it is the current element of a projection (write '$[0].x' to start a path at the record itself)"),
            ("CRM0027", "'*' is not allowed here; it is the custom-field catch-all, as in 'custom_fields <- properties.*'"),
            ("CRM0027", "The computed provider side '\"…\"' is not allowed in map; a two-way row needs a path, 'path as conversion', 'path via table', 'path each { … }' or 'path.*' (use separate read and write rows)"),
            ("CRM0027", "A read mapping is not allowed in a delete operation; it returns nothing"));
    }
}
