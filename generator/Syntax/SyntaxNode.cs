using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Syntax;

/// <summary>
/// Base of every node of the .crmmap syntax tree. Nodes are immutable records compared by
/// value, so a re-parse of unchanged text yields an equal tree and the pipeline stays cached.
/// <see cref="Span"/> is the node's exact extent in the file (character offsets).
/// </summary>
internal abstract record SyntaxNode(TextSpan Span);

/// <summary>An identifier with its span: <c>first_name</c>, <c>hubspot</c>, <c>POST</c>.</summary>
internal sealed record IdentifierSyntax(string Text, TextSpan Span) : SyntaxNode(Span)
{
    /// <summary>True when the parser invented the identifier to recover from an error.</summary>
    public bool IsMissing => Text.Length == 0;
}

/// <summary>A plain string literal with escapes decoded (used where no interpolation is allowed).</summary>
internal sealed record StringLiteralSyntax(string Value, TextSpan Span) : SyntaxNode(Span);
