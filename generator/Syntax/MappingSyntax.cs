using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Syntax;

/// <summary>The arrow of a mapping.</summary>
internal enum MappingArrow
{
    /// <summary><c>target &lt;- source</c></summary>
    Assign,

    /// <summary><c>unified &lt;-&gt; provider</c>: read and write.</summary>
    TwoWay,
}

/// <summary><c>{ mapping, mapping … }</c> (commas optional).</summary>
internal sealed record MappingBlockSyntax(EquatableArray<MappingSyntax> Mappings, TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>target &lt;- source</c> or <c>unified &lt;-&gt; provider</c>. The target is a path
/// (it may end in <c>.*</c> for a custom-field spread on the write side).
/// </summary>
internal sealed record MappingSyntax(PathSyntax Target, MappingArrow Arrow, ExpressionSyntax Source, TextSpan Span)
    : SyntaxNode(Span);
