using CrmGen.Generator.Binding;
using CrmGen.Generator.Tests.Binding;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>CRM0029 and CRM0030: a key pattern ('matching') on something that is not a catch-all, and a pattern that is not a usable regular expression.</summary>
public class KeyPatternDiagnosticTests
{
    [Fact]
    public void CRM0029_matching_on_something_that_is_not_a_catch_all()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                create POST "/contacts" {
                  write {
                    name <- first_name [|matching "^a"|]
                    * <- custom_fields [|matching "^cf_"|]
                  }
                  read {
                    first_name    <- name [|matching "^a"|]
                    custom_fields <- properties [|matching "^cf_"|]
                    title         <- (properties.[|*|] matching "^x") ?? job
                  }
                }
                update PATCH "/contacts/{id}" {
                  map {
                    last_name <-> surname [|matching "^s"|]
                  }
                }
              }
            }
            """,
            ("CRM0029", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and 'first_name' is not one"),
            ("CRM0029", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and 'custom_fields' is not one"),
            ("CRM0029", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and 'name' is not one; to collect the keys of 'name', write 'name.* matching …' as the source of custom_fields"),
            ("CRM0029", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and 'properties' is not one; to collect the keys of 'properties', write 'properties.* matching …' as the source of custom_fields"),
            ("CRM0027", "'*' is not allowed here; it is the custom-field catch-all, as in 'custom_fields <- properties.*'"),
            ("CRM0029", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and 'surname' is not one; to collect the keys of 'surname', write 'surname.* matching …' as the source of custom_fields"));
    }

    [Fact]
    public void CRM0027_for_a_catch_all_with_a_pattern_where_no_catch_all_may_stand_is_the_only_error()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { title <- properties.[|*|] matching "^x" }
                }
              }
            }
            """,
            ("CRM0027", "'*' is not allowed here; it is the custom-field catch-all, as in 'custom_fields <- properties.*'"));
    }

    [Fact]
    public void CRM0030_invalid_key_patterns_are_reported_on_the_pattern_with_the_reason()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { custom_fields <- * matching [|"^[a-"|] }
                }
                create POST "/contacts" {
                  read { custom_fields <- properties.* matching [|"^(cf_"|] }
                }
                update PATCH "/contacts/{id}" {
                  map { custom_fields <-> * matching [|"^[0-9a-f]{{40}}$"|] }
                }
                list GET "/contacts" {
                  read from items { custom_fields <- * matching [|"^(\\w)\\1"|] }
                }
                delete DELETE "/contacts/{id}" { }
              }
            }
            """,
            ("CRM0030", "Invalid key pattern \"^[a-\": Unterminated [] set (at character 4 of the pattern)"),
            ("CRM0030", "Invalid key pattern \"^(cf_\": Not enough )'s (at character 5 of the pattern)"),
            ("CRM0030", "Invalid key pattern \"^[0-9a-f]{{40}}$\": a pattern is not interpolated, so '{{' and '}}' are two braces each; write a count as '{40}' and a literal brace as '\\\\{'"),
            ("CRM0030", "Invalid key pattern \"^(\\w)\\1\": it needs backtracking (a backreference, a lookaround, an atomic group or a conditional), and key patterns run without it so that no key can make them slow"));
    }

    [Fact]
    public void CRM0030_is_reported_for_a_pattern_even_where_matching_is_misplaced()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { first_name <- name [|matching [|"(x"|]|] }
                }
              }
            }
            """,
            ("CRM0029", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and 'name' is not one; to collect the keys of 'name', write 'name.* matching …' as the source of custom_fields"),
            ("CRM0030", "Invalid key pattern \"(x\": Not enough )'s (at character 2 of the pattern)"));
    }

    [Fact]
    public void Valid_patterns_bind_into_the_catch_all_and_equal_models_compare_equal()
    {
        const string text = """
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    id            <- id
                    custom_fields <- * matching "^custom\\.cf_"
                  }
                }
                update PATCH "/contacts/{id}" {
                  map from data {
                    first_name    <-> first
                    custom_fields <-> fields.* matching "^[0-9a-f]{40}$"
                  }
                }
              }
            }
            """;
        var bound = BindingTestHost.Bind(text);
        Assert.Empty(BindingTestHost.FormatAll(bound));
        var resource = Assert.Single(bound.Providers).Resources.Single();
        var get = resource.Operations.Single(o => o.Name == "get");
        var catchAll = Assert.IsType<BoundCatchAll>(get.Read!.Record.Fields.Single(f => f.Property.WireName == "custom_fields").Value);
        Assert.Equal("^custom\\.cf_", catchAll.Pattern);
        Assert.Empty(catchAll.ObjectPath);
        Assert.Equal(new[] { "id" }, catchAll.ExcludedKeys);

        var update = resource.Operations.Single(o => o.Name == "update");
        var twoWay = Assert.IsType<BoundCatchAll>(update.Read!.Record.Fields.Single(f => f.Property.WireName == "custom_fields").Value);
        Assert.Equal("^[0-9a-f]{40}$", twoWay.Pattern);
        Assert.Equal("fields", Assert.Single(twoWay.ObjectPath).Name);
        // The write side spreads the whole dictionary: the pattern filters reads only.
        var fields = Assert.IsType<BoundJsonObject>(Assert.IsType<BoundJsonProperty>(update.Write!.Body.Members.Single(m => m is BoundJsonProperty { Name: "fields" })).Value);
        Assert.IsType<BoundJsonSpread>(Assert.Single(fields.Members));

        Assert.Equal(bound, BindingTestHost.Bind(text));
        Assert.NotEqual(catchAll, catchAll with { Pattern = "^custom\\." });
    }
}
