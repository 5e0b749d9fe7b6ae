using System.Text;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>Small helpers shared by the parser tests.</summary>
internal static class ParserTestHelpers
{
    public const string FilePath = "test.crmmap";

    public static CrmMapFileSyntax Parse(string text) => CrmMapParser.Parse(FilePath, text);

    /// <summary>Parses and asserts there is no diagnostic (the message lists them if there are).</summary>
    public static CrmMapFileSyntax ParseValid(string text)
    {
        var file = Parse(text);
        Assert.True(file.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + Format(file));
        return file;
    }

    public static string Message(CrmDiagnostic diagnostic) => diagnostic.Arguments[0];

    /// <summary>Diagnostics as "ID (line,col)-(line,col): message" lines, 1-based like an IDE.</summary>
    public static string Format(CrmMapFileSyntax file)
    {
        var builder = new StringBuilder();
        foreach (var d in file.Diagnostics)
        {
            builder.Append(d.Id).Append(' ')
                .Append('(').Append(d.LineSpan.Start.Line + 1).Append(',').Append(d.LineSpan.Start.Character + 1).Append(")-(")
                .Append(d.LineSpan.End.Line + 1).Append(',').Append(d.LineSpan.End.Character + 1).Append("): ")
                .Append(Message(d)).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>Wraps mappings in a provider, resource, operation and read block.</summary>
    public static string InRead(string mappings) => "provider p {\n  base_url \"u\"\n  auth none\n  resource r {\n    get GET \"/x\" {\n      read {\n"
        + mappings + "\n      }\n    }\n  }\n}\n";

    /// <summary>The single read mapping of a text built with <see cref="InRead"/>.</summary>
    public static MappingSyntax SingleReadMapping(CrmMapFileSyntax file)
    {
        var section = ReadSection(file);
        Assert.Single(section.Block.Mappings);
        return section.Block.Mappings[0];
    }

    public static MappingSectionSyntax ReadSection(CrmMapFileSyntax file)
    {
        var provider = Assert.Single(file.Providers);
        var resource = Assert.Single(provider.Members.OfType<ResourceSyntax>());
        var operation = Assert.Single(resource.Operations);
        return Assert.Single(operation.Members.OfType<MappingSectionSyntax>());
    }

    /// <summary>Parses one expression as the source of a read mapping, asserting no diagnostics.</summary>
    public static ExpressionSyntax Expression(string source)
    {
        var file = ParseValid(InRead("x <- " + source));
        return SingleReadMapping(file).Source;
    }

    public static string TextOf(string text, Microsoft.CodeAnalysis.Text.TextSpan span) => text.Substring(span.Start, span.Length);
}
