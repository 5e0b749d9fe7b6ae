using System.Text.RegularExpressions;

namespace CrmGen.Build.Tests;

/// <summary>
/// Builds small consumer projects with <c>dotnet build</c>, as a user would, and checks what the
/// build prints: mapping mistakes as <c>file.crmmap(line,col): error CRMnnnn: message</c>, and a
/// correct mapping compiling into a working adapter.
/// </summary>
public sealed class ConsumerBuildTests
{
    private const string ProviderClass = """
        namespace Consumer;

        [CrmGen.CrmProvider("acme")]
        public sealed partial class AcmeProvider
        {
        }
        """;

    [Fact]
    public void A_mapping_mistake_is_a_build_error_with_file_line_and_column()
    {
        // Line 9, column 9: 'frist_name' is not a field of Contact.
        const string mapping = """
            provider acme {
              display_name "Acme CRM"
              base_url     "https://api.acme.test"
              auth         bearer(credentials.access_token)
              resource contacts {
                create POST "/people" {
                  write { first_name <- first_name }
                  read {
                    frist_name <- first_name
                  }
                }
              }
            }
            """;
        using var project = ConsumerProject.Create(new Dictionary<string, string>
        {
            ["acme.crmmap"] = mapping,
            ["AcmeProvider.cs"] = ProviderClass,
        });

        var (exitCode, output) = project.Build();

        Assert.NotEqual(0, exitCode);
        var line = Regex.Match(output, @"acme\.crmmap\((\d+),(\d+)\): error (CRM\d{4}): ([^\r\n\[]*)");
        Assert.True(line.Success, "No 'acme.crmmap(line,col): error CRMnnnn' line in the build output:\n" + output);
        Assert.Equal("9", line.Groups[1].Value);
        Assert.Equal("9", line.Groups[2].Value);
        Assert.Equal("CRM0003", line.Groups[3].Value);
        Assert.Contains("frist_name", line.Groups[4].Value, StringComparison.Ordinal);
        Assert.Contains("did you mean 'first_name'", line.Groups[4].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correct_mapping_builds_into_an_adapter_without_warnings()
    {
        const string mapping = """
            provider acme {
              display_name "Acme CRM"
              base_url     "https://api.acme.test"
              auth         bearer(credentials.access_token)
              resource contacts {
                create POST "/people" {
                  requires first_name
                  write { given_name <- first_name }
                  read { id <- id, first_name <- given_name }
                }
              }
            }
            """;
        const string program = """
            namespace Consumer;

            public static class Uses
            {
                public static CrmGen.ICrmProvider Provider => AcmeProvider.Instance;
            }
            """;
        using var project = ConsumerProject.Create(new Dictionary<string, string>
        {
            ["acme.crmmap"] = mapping,
            ["AcmeProvider.cs"] = ProviderClass,
            ["Uses.cs"] = program,
        });

        var (exitCode, output) = project.Build();

        Assert.True(exitCode == 0, "The consumer project did not build:\n" + output);
        Assert.DoesNotMatch(new Regex(@"warning (CS|CRM)\d{4}"), output);
    }
}
