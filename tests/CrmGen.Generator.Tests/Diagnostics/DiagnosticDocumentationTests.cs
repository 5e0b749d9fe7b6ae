using System.Text.RegularExpressions;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Tests.Binding;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>generator/docs/diagnostics.md documents every descriptor, and every help link lands on its section.</summary>
public class DiagnosticDocumentationTests
{
    private static readonly Lazy<string> Document = new(() =>
        File.ReadAllText(Path.Combine(ReadmeExamplesBindTests.RepositoryRoot(), "generator", "docs", "diagnostics.md")));

    private static string Title(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
        => descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Sections()
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = Regex.Split(Document.Value, @"^## ", RegexOptions.Multiline);
        foreach (var part in parts.Skip(1))
        {
            var newline = part.IndexOf('\n', StringComparison.Ordinal);
            sections[part.Substring(0, newline).Trim()] = part.Substring(newline + 1);
        }
        return sections;
    }

    [Fact]
    public void Every_descriptor_has_a_section_with_an_example_a_message_and_a_fix()
    {
        var sections = Sections();
        foreach (var descriptor in CrmDiagnosticDescriptors.All)
        {
            var heading = descriptor.Id + ": " + Title(descriptor);
            Assert.True(sections.TryGetValue(heading, out var body), "no section '## " + heading + "'");
            Assert.Contains("```", body!, StringComparison.Ordinal);
            Assert.Contains("**Fix:**", body!, StringComparison.Ordinal);
            Assert.True(body!.Contains("\n> ", StringComparison.Ordinal) || body.Contains("| message |", StringComparison.Ordinal), heading + " shows no message");
        }
        Assert.Equal(CrmDiagnosticDescriptors.ById.Count, sections.Count);
    }

    [Fact]
    public void Every_help_link_points_at_its_heading_anchor()
    {
        var anchors = Sections().Keys.Select(CrmDiagnosticDescriptors.Anchor).ToHashSet(StringComparer.Ordinal);
        foreach (var descriptor in CrmDiagnosticDescriptors.All)
        {
            var link = descriptor.HelpLinkUri;
            Assert.StartsWith("https://", link, StringComparison.Ordinal);
            Assert.Contains("/generator/docs/diagnostics.md#", link, StringComparison.Ordinal);
            var anchor = link.Substring(link.IndexOf('#', StringComparison.Ordinal) + 1);
            Assert.Equal(descriptor.Id.ToLowerInvariant() + "-" + Title(descriptor).ToLowerInvariant().Replace(' ', '-'), anchor);
            Assert.Contains(anchor, anchors);
            Assert.Contains("(#" + anchor + ")", Document.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Release_tracking_lists_every_descriptor()
    {
        var unshipped = File.ReadAllText(Path.Combine(ReadmeExamplesBindTests.RepositoryRoot(), "generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in CrmDiagnosticDescriptors.All)
        {
            Assert.Contains(descriptor.Id + " | CrmGen | Error | " + Title(descriptor), unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Documented_messages_are_the_ones_the_binder_reports()
    {
        // A sample of the documented messages, produced from the documented examples.
        var document = Document.Value;
        string[] reported =
        [
            .. BindingTestHost.FormatAll(BindingTestHost.Bind("provider test {\n base_url \"https://x.test\"\n auth none\n resource contacts {\n get GET \"/contacts/{id}\" {\n read { created_at <- date_created, frist_name <- properties.firstname }\n }\n }\n}\n")),
            .. BindingTestHost.FormatAll(BindingTestHost.Bind("provider test {\n bse_url \"x\"\n auth baerer(credentials.token)\n}\n")),
        ];
        foreach (var line in reported)
        {
            var message = line.Substring(line.IndexOf(": ", StringComparison.Ordinal) + 2);
            if (message.StartsWith("Provider 'test' has no base_url", StringComparison.Ordinal)) continue;
            Assert.Contains("> " + message + "\n", document, StringComparison.Ordinal);
        }
        Assert.Equal(5, reported.Length);
    }
}
