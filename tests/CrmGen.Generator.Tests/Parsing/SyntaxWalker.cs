using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>Visits every node of a parsed file (depth first), for tree-wide assertions in tests.</summary>
internal static class SyntaxWalker
{
    public static IEnumerable<SyntaxNode> Nodes(CrmMapFileSyntax file) => Edges(file).Select(e => e.Child);

    /// <summary>Every node with its parent (null for providers).</summary>
    public static IEnumerable<(SyntaxNode? Parent, SyntaxNode Child)> Edges(CrmMapFileSyntax file)
    {
        var list = new List<(SyntaxNode?, SyntaxNode)>();
        foreach (var provider in file.Providers) Visit(null, provider, list);
        return list;
    }

    /// <summary>Identifiers with empty text and missing expressions: what the parser invented to recover.</summary>
    public static IEnumerable<SyntaxNode> MissingNodes(CrmMapFileSyntax file)
        => Nodes(file).Where(n => n is MissingExpressionSyntax || n is IdentifierSyntax { IsMissing: true });

    private static void Visit(SyntaxNode? parent, SyntaxNode? node, List<(SyntaxNode?, SyntaxNode)> list)
    {
        if (node is null) return;
        list.Add((parent, node));
        switch (node)
        {
            case ProviderSyntax p:
                Visit(node, p.Name, list);
                foreach (var m in p.Members) Visit(node, m, list);
                break;
            case SettingSyntax s:
                Visit(node, s.Keyword, list);
                Visit(node, s.Value, list);
                break;
            case AuthSyntax a:
                Visit(node, a.Scheme, list);
                foreach (var e in a.Arguments) Visit(node, e, list);
                break;
            case HeaderSyntax h:
                Visit(node, h.Name, list);
                Visit(node, h.Value, list);
                break;
            case ContextSyntax c:
                Visit(node, c.Name, list);
                break;
            case ErrorsSyntax e:
                Visit(node, e.Block, list);
                break;
            case EnumSyntax e:
                Visit(node, e.Name, list);
                foreach (var entry in e.Entries) Visit(node, entry, list);
                break;
            case EnumEntrySyntax e:
                Visit(node, e.From, list);
                Visit(node, e.To, list);
                break;
            case ResourceSyntax r:
                Visit(node, r.Name, list);
                foreach (var record in r.Records) Visit(node, record, list);
                foreach (var o in r.Operations) Visit(node, o, list);
                break;
            case RecordMappingSyntax record:
                Visit(node, record.Keyword, list);
                Visit(node, record.Block, list);
                break;
            case OperationSyntax o:
                Visit(node, o.Kind, list);
                Visit(node, o.Name, list);
                Visit(node, o.Method, list);
                Visit(node, o.PathTemplate, list);
                foreach (var m in o.Members) Visit(node, m, list);
                break;
            case RequiresSyntax r:
                foreach (var f in r.Fields) Visit(node, f, list);
                break;
            case ParameterBlockSyntax p:
                Visit(node, p.Kind, list);
                Visit(node, p.Block, list);
                break;
            case OperationHeaderSyntax h:
                Visit(node, h.Header, list);
                break;
            case MappingSectionSyntax m:
                Visit(node, m.Kind, list);
                Visit(node, m.From, list);
                if (m.Record is not null) Visit(node, m.Record, list);
                else Visit(node, m.Block, list);
                break;
            case UnknownOperationMemberSyntax u:
                Visit(node, u.Keyword, list);
                break;
            case NextPageSyntax n:
                Visit(node, n.Keyword, list);
                Visit(node, n.Kind, list);
                Visit(node, n.Value, list);
                break;
            case MappingBlockSyntax b:
                foreach (var m in b.Mappings) Visit(node, m, list);
                break;
            case MappingSyntax m:
                Visit(node, m.Target, list);
                Visit(node, m.Source, list);
                break;
            case PathSyntax p:
                foreach (var s in p.Segments) Visit(node, s, list);
                break;
            case InterpolatedStringSyntax i:
                foreach (var part in i.Parts) Visit(node, part, list);
                break;
            case InterpolationPartSyntax part:
                Visit(node, part.Expression, list);
                break;
            case BinarySyntax b:
                Visit(node, b.Left, list);
                Visit(node, b.Right, list);
                break;
            case NotSyntax n:
                Visit(node, n.Operand, list);
                break;
            case ConditionalSyntax c:
                Visit(node, c.Condition, list);
                Visit(node, c.WhenTrue, list);
                Visit(node, c.WhenFalse, list);
                break;
            case ConversionSyntax c:
                Visit(node, c.Operand, list);
                Visit(node, c.Conversion, list);
                break;
            case EnumLookupSyntax e:
                Visit(node, e.Operand, list);
                Visit(node, e.Table, list);
                break;
            case MatchingSyntax m:
                Visit(node, m.Operand, list);
                Visit(node, m.Keyword, list);
                Visit(node, m.Pattern, list);
                break;
            case ProjectionSyntax p:
                Visit(node, p.Source, list);
                Visit(node, p.Element, list);
                break;
            case CallSyntax c:
                Visit(node, c.Name, list);
                foreach (var a in c.Arguments) Visit(node, a, list);
                break;
            case ArraySyntax a:
                foreach (var e in a.Elements) Visit(node, e, list);
                break;
            case ObjectSyntax o:
                Visit(node, o.Block, list);
                break;
        }
    }
}
