using System.Collections.Immutable;
using System.Globalization;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Tests.Binding;

/// <summary>
/// Builds real compilations (the .NET reference assemblies, the CrmGen.Runtime assembly and
/// test provider classes), extracts their facts, and parses and binds .crmmap text against them.
/// </summary>
internal static class BindingTestHost
{
    /// <summary>Provider classes with hooks of every interesting shape.</summary>
    public const string ProviderClasses = """
        using System;
        using System.Collections.Generic;
        using CrmGen;

        namespace TestProviders;

        [CrmProvider("test")]
        public partial class TestProvider
        {
            public static string? NormalizePhone(string? raw) => raw?.Replace(" ", "");
            public static string? FullName(string? first, string? last) => first + " " + last;
            public static string? PhoneOfType(List<PhoneNumber>? numbers, string type) => null;
            public static DateTimeOffset? ParseDate(string? text) => null;
            public static long? Score(long? value, bool flag) => value;
            public static AccountReference? MakeAccount(string? id) => new() { Id = id };
            public static void Log(string? message) { }
            public static object? Untyped(object? value) => value;
            public static string? Pad(string? value) => value;
            public static string? Pad(string? value, int width) => value;
        }

        [CrmProvider("close")]
        public partial class CloseProvider { }

        [CrmProvider("hubspot")]
        public partial class HubSpotProvider
        {
            public static string? NormalizePhone(string? raw) => raw?.Replace(" ", "");
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(CrmGen.Contact).Assembly.Location))
            .ToImmutableArray());

    private static readonly Lazy<CompilationFacts> DefaultFacts = new(() =>
        CompilationFactsExtractor.Extract(CreateCompilation(ProviderClasses), CancellationToken.None));

    /// <summary>The facts of a compilation of <see cref="ProviderClasses"/> over the runtime.</summary>
    public static CompilationFacts Facts => DefaultFacts.Value;

    /// <summary>A C# compilation of <paramref name="sources"/> (named Source0.cs, Source1.cs…) referencing the runtime.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "TestProject",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(
                source,
                new CSharpParseOptions(LanguageVersion.Latest),
                path: "/src/Source" + i.ToString(CultureInfo.InvariantCulture) + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Parses <paramref name="text"/> as a file at <paramref name="path"/>.</summary>
    public static CrmMapFileSyntax Parse(string text, string path = "/maps/test.crmmap")
        => CrmMapParser.Parse(path, text, CancellationToken.None);

    /// <summary>Parses and binds <paramref name="text"/> against <paramref name="facts"/> (default: <see cref="Facts"/>).</summary>
    public static BoundFile Bind(string text, CompilationFacts? facts = null, string path = "/maps/test.crmmap")
        => CrmMapBinder.Bind(Parse(text, path), facts ?? Facts, CancellationToken.None);

    /// <summary>The formatted message of a diagnostic, as a compiler would show it.</summary>
    public static string Message(CrmDiagnostic diagnostic)
        => diagnostic.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);

    /// <summary><c>CRM0003 (3,7)-(3,17): message</c>, with one-based lines and columns.</summary>
    public static string Format(CrmDiagnostic diagnostic)
    {
        var start = diagnostic.LineSpan.Start;
        var end = diagnostic.LineSpan.End;
        return string.Create(CultureInfo.InvariantCulture,
            $"{diagnostic.Id} ({start.Line + 1},{start.Character + 1})-({end.Line + 1},{end.Character + 1}): {Message(diagnostic)}");
    }

    /// <summary>Every diagnostic of the file, formatted.</summary>
    public static string[] FormatAll(BoundFile file) => file.Diagnostics.Select(Format).ToArray();

    /// <summary>
    /// Removes the markers <c>[|</c> and <c>|]</c> from <paramref name="markup"/> and returns the
    /// text and the spans they enclosed, in order.
    /// </summary>
    public static (string Text, ImmutableArray<TextSpan> Spans) ParseMarkup(string markup)
    {
        var builder = new System.Text.StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var starts = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (i + 1 < markup.Length && markup[i] == '[' && markup[i + 1] == '|')
            {
                starts.Push(builder.Length);
                i++;
            }
            else if (i + 1 < markup.Length && markup[i] == '|' && markup[i + 1] == ']' && starts.Count > 0)
            {
                var start = starts.Pop();
                spans.Add(TextSpan.FromBounds(start, builder.Length));
                i++;
            }
            else
            {
                builder.Append(markup[i]);
            }
        }
        var ordered = spans.OrderBy(s => s.Start).ToImmutableArray();
        return (builder.ToString(), ordered);
    }
}
