using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Syntax;

/// <summary>Base of all expressions.</summary>
internal abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>Placeholder the parser inserts where an expression is missing (an error was reported).</summary>
internal sealed record MissingExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);

/// <summary>The kind of a literal.</summary>
internal enum LiteralKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A literal. For strings <see cref="Value"/> is the decoded text; for numbers it is the
/// source text (invariant culture, e.g. <c>12.5</c>, <c>-3</c>); otherwise the keyword.
/// </summary>
internal sealed record LiteralSyntax(LiteralKind Kind, string Value, TextSpan Span) : ExpressionSyntax(Span);

/// <summary>A part of an interpolated string: text (decoded) or an expression hole.</summary>
internal sealed record InterpolationPartSyntax(string? Text, ExpressionSyntax? Expression, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>"{first_name} {last_name}"</c>: a string literal with at least one hole.</summary>
internal sealed record InterpolatedStringSyntax(EquatableArray<InterpolationPartSyntax> Parts, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary>The kind of a path segment.</summary>
internal enum PathSegmentKind
{
    /// <summary><c>name</c> or <c>"quoted name"</c></summary>
    Name,

    /// <summary><c>[0]</c></summary>
    Index,

    /// <summary><c>*</c>: every key not otherwise mapped (custom-field catch-all).</summary>
    Wildcard,

    /// <summary><c>$</c>: the current element inside <c>each</c> (only as first segment).</summary>
    Current,

    /// <summary>
    /// <c>$$</c>: the record the read or write block maps, at any depth of <c>each</c> (only as
    /// first segment): in a read block the provider record, in a write block the unified input.
    /// </summary>
    Record,
}

/// <summary>
/// One step of a path. <see cref="Name"/> is the (decoded) name for <see cref="PathSegmentKind.Name"/>,
/// <c>*</c> for a wildcard, <c>$</c> for the current element, <c>$$</c> for the record, and the digits for an index;
/// <see cref="Index"/> is the index for <see cref="PathSegmentKind.Index"/> and -1 otherwise (also -1
/// for an index the parser rejected, with a diagnostic).
/// </summary>
internal sealed record PathSegmentSyntax(PathSegmentKind Kind, string Name, int Index, TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>properties.firstname</c>, <c>emails[0].email</c>, <c>properties.*</c>, <c>$</c>, <c>$$.id</c>,
/// <c>credentials.api_key</c>, <c>context.location_id</c>, <c>"odd-key".value</c>.
/// The binder decides what the first segment means.
/// </summary>
internal sealed record PathSyntax(EquatableArray<PathSegmentSyntax> Segments, TextSpan Span) : ExpressionSyntax(Span);

/// <summary>Binary operators, lowest precedence first.</summary>
internal enum BinaryOperator
{
    /// <summary><c>??</c></summary>
    Coalesce,

    /// <summary><c>||</c></summary>
    Or,

    /// <summary><c>&amp;&amp;</c></summary>
    And,

    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,
}

/// <summary><c>a ?? b</c>, <c>a || b</c>, <c>a &amp;&amp; b</c>, <c>a == b</c>, <c>a != b</c>.</summary>
internal sealed record BinarySyntax(BinaryOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>!operand</c></summary>
internal sealed record NotSyntax(ExpressionSyntax Operand, TextSpan Span) : ExpressionSyntax(Span);

/// <summary><c>if condition then a else b</c>; <see cref="WhenFalse"/> is null when there is no else (null then).</summary>
internal sealed record ConditionalSyntax(ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax? WhenFalse, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>operand as datetime</c>: a conversion from the fixed set.</summary>
internal sealed record ConversionSyntax(ExpressionSyntax Operand, IdentifierSyntax Conversion, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>operand via table</c>: an enum-table lookup.</summary>
internal sealed record EnumLookupSyntax(ExpressionSyntax Operand, IdentifierSyntax Table, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary>
/// <c>operand matching "pattern"</c>: a custom-field catch-all (<c>*</c> or <c>properties.*</c>)
/// that collects only the keys <see cref="Pattern"/> matches. The pattern is a .NET regular
/// expression taken as written: escapes are decoded as in every string, braces are not
/// interpolation holes. <see cref="Keyword"/> is the <c>matching</c> keyword; <see cref="Pattern"/>
/// is null when it is missing or its string is unterminated (an error was reported).
/// </summary>
internal sealed record MatchingSyntax(ExpressionSyntax Operand, IdentifierSyntax Keyword, StringLiteralSyntax? Pattern, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary>
/// <c>source each { id &lt;- id, name &lt;- label }</c> (object per element) or
/// <c>source each expr</c> (value per element, e.g. <c>tags each name</c>): array projection.
/// Inside, paths are relative to the element; <c>$</c> is the element itself.
/// </summary>
internal sealed record ProjectionSyntax(ExpressionSyntax Source, ExpressionSyntax Element, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>split(x, ",")</c> (built-in) or <c>@FormatPhone(x)</c> (hook: a static method of the provider class).</summary>
internal sealed record CallSyntax(IdentifierSyntax Name, bool IsHook, EquatableArray<ExpressionSyntax> Arguments, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>[a, b]</c></summary>
internal sealed record ArraySyntax(EquatableArray<ExpressionSyntax> Elements, TextSpan Span) : ExpressionSyntax(Span);

/// <summary><c>{ id &lt;- id, name &lt;- label }</c>: an object built from mappings.</summary>
internal sealed record ObjectSyntax(MappingBlockSyntax Block, TextSpan Span) : ExpressionSyntax(Span);
