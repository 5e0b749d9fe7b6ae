using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Tests.Binding;

/// <summary>The language reference's examples bind with no diagnostics against the real runtime models.</summary>
public class ReadmeExamplesBindTests
{
    [Theory]
    [InlineData(nameof(BindingExamples.ReadmeClose))]
    [InlineData(nameof(BindingExamples.ReadmeHook))]
    [InlineData(nameof(BindingExamples.Everything))]
    public void Example_binds_without_diagnostics(string name)
    {
        var text = (string)typeof(BindingExamples).GetField(name)!.GetValue(null)!;
        var bound = BindingTestHost.Bind(text);
        Assert.Empty(BindingTestHost.FormatAll(bound));
        Assert.Single(bound.Providers);
    }

    [Fact]
    public void Every_auth_scheme_of_the_reference_binds()
    {
        foreach (var auth in BindingExamples.AuthSchemes)
        {
            var text = "provider test {\n  base_url \"https://x.test\"\n  " + auth + "\n}\n";
            var bound = BindingTestHost.Bind(text);
            Assert.Empty(BindingTestHost.FormatAll(bound));
        }
    }

    [Fact]
    public void Built_in_definitions_bind_with_their_provider_classes()
    {
        var definitions = Path.Combine(RepositoryRoot(), "definitions");
        var sources = Directory.GetFiles(definitions, "*Provider.cs").Select(File.ReadAllText).ToArray();
        var facts = CompilationFactsExtractor.Extract(BindingTestHost.CreateCompilation(sources), CancellationToken.None);
        var maps = Directory.GetFiles(definitions, "*.crmmap");
        Assert.NotEmpty(maps);
        foreach (var map in maps)
        {
            var bound = BindingTestHost.Bind(File.ReadAllText(map), facts, map);
            Assert.Empty(BindingTestHost.FormatAll(bound));
            Assert.NotEmpty(bound.Providers);
        }
    }

    /// <summary>The directory holding CrmGen.sln, found upwards from this source file (or the test assembly).</summary>
    internal static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CrmGen.sln"))) return directory.FullName;
            }
        }
        throw new InvalidOperationException("CrmGen.sln not found above " + sourceFile + " or " + AppContext.BaseDirectory);
    }
}
