using System.Text;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>
/// Prints expressions and mappings as compact S-expressions, so tests can state a tree's
/// shape in one line: <c>(?? (as a datetime) b)</c>, <c>(each statuses {id &lt;- id})</c>.
/// </summary>
internal static class SyntaxPrinter
{
    public static string Print(ExpressionSyntax? expression)
    {
        var builder = new StringBuilder();
        Append(builder, expression);
        return builder.ToString();
    }

    public static string Print(MappingSyntax mapping)
    {
        var builder = new StringBuilder();
        Append(builder, mapping);
        return builder.ToString();
    }

    private static void Append(StringBuilder b, MappingSyntax m)
    {
        Append(b, m.Target);
        b.Append(m.Arrow == MappingArrow.Assign ? " <- " : " <-> ");
        Append(b, m.Source);
    }

    private static void Append(StringBuilder b, ExpressionSyntax? e)
    {
        switch (e)
        {
            case null:
                b.Append("<null>");
                break;
            case MissingExpressionSyntax:
                b.Append("<missing>");
                break;
            case LiteralSyntax { Kind: LiteralKind.String } l:
                b.Append('"').Append(l.Value).Append('"');
                break;
            case LiteralSyntax l:
                b.Append(l.Value);
                break;
            case InterpolatedStringSyntax i:
                b.Append("$\"");
                foreach (var part in i.Parts)
                {
                    if (part.Expression is null) b.Append(part.Text);
                    else
                    {
                        b.Append('{');
                        Append(b, part.Expression);
                        b.Append('}');
                    }
                }
                b.Append('"');
                break;
            case PathSyntax p:
                for (var i = 0; i < p.Segments.Count; i++)
                {
                    var s = p.Segments[i];
                    switch (s.Kind)
                    {
                        case PathSegmentKind.Index:
                            b.Append('[').Append(s.Index).Append(']');
                            break;
                        case PathSegmentKind.Name when s.Name.Length == 0 || !s.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'):
                            if (i > 0) b.Append('.');
                            b.Append('\'').Append(s.Name).Append('\'');
                            break;
                        default:
                            if (i > 0) b.Append('.');
                            b.Append(s.Name);
                            break;
                    }
                }
                break;
            case BinarySyntax bin:
                b.Append('(').Append(bin.Operator switch
                {
                    BinaryOperator.Coalesce => "??",
                    BinaryOperator.Or => "||",
                    BinaryOperator.And => "&&",
                    BinaryOperator.Equal => "==",
                    _ => "!=",
                }).Append(' ');
                Append(b, bin.Left);
                b.Append(' ');
                Append(b, bin.Right);
                b.Append(')');
                break;
            case NotSyntax n:
                b.Append("(! ");
                Append(b, n.Operand);
                b.Append(')');
                break;
            case ConditionalSyntax c:
                b.Append("(if ");
                Append(b, c.Condition);
                b.Append(' ');
                Append(b, c.WhenTrue);
                if (c.WhenFalse is not null)
                {
                    b.Append(' ');
                    Append(b, c.WhenFalse);
                }
                b.Append(')');
                break;
            case ConversionSyntax c:
                b.Append("(as ");
                Append(b, c.Operand);
                b.Append(' ').Append(c.Conversion.Text).Append(')');
                break;
            case EnumLookupSyntax v:
                b.Append("(via ");
                Append(b, v.Operand);
                b.Append(' ').Append(v.Table.Text).Append(')');
                break;
            case MatchingSyntax m:
                b.Append("(matching ");
                Append(b, m.Operand);
                b.Append(' ').Append(m.Pattern is null ? "?" : "/" + m.Pattern.Value + "/").Append(')');
                break;
            case ProjectionSyntax p:
                b.Append("(each ");
                Append(b, p.Source);
                b.Append(' ');
                Append(b, p.Element);
                b.Append(')');
                break;
            case CallSyntax c:
                b.Append(c.IsHook ? "@" : string.Empty).Append(c.Name.Text).Append('(');
                for (var i = 0; i < c.Arguments.Count; i++)
                {
                    if (i > 0) b.Append(", ");
                    Append(b, c.Arguments[i]);
                }
                b.Append(')');
                break;
            case ArraySyntax a:
                b.Append('[');
                for (var i = 0; i < a.Elements.Count; i++)
                {
                    if (i > 0) b.Append(", ");
                    Append(b, a.Elements[i]);
                }
                b.Append(']');
                break;
            case ObjectSyntax o:
                b.Append('{');
                for (var i = 0; i < o.Block.Mappings.Count; i++)
                {
                    if (i > 0) b.Append(", ");
                    Append(b, o.Block.Mappings[i]);
                }
                b.Append('}');
                break;
            default:
                b.Append('?').Append(e.GetType().Name);
                break;
        }
    }
}
