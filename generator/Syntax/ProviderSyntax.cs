using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Syntax;

/// <summary><c>provider name { members }</c></summary>
internal sealed record ProviderSyntax(
    IdentifierSyntax Name,
    EquatableArray<ProviderMemberSyntax> Members,
    TextSpan Span) : SyntaxNode(Span);

/// <summary>A member of a provider block.</summary>
internal abstract record ProviderMemberSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// A simple setting: <c>display_name "HubSpot"</c>, <c>base_url "https://…"</c>. Any
/// identifier the parser does not know as a structured member is parsed as a setting too, so
/// the binder can report it as unknown (with a suggestion) instead of a syntax error.
/// <see cref="Value"/> is null when the keyword stands alone.
/// </summary>
internal sealed record SettingSyntax(IdentifierSyntax Keyword, ExpressionSyntax? Value, TextSpan Span)
    : ProviderMemberSyntax(Span);

/// <summary><c>auth bearer(credentials.access_token)</c>, <c>auth basic(a, b)</c>, <c>auth none</c>.</summary>
internal sealed record AuthSyntax(IdentifierSyntax Scheme, EquatableArray<ExpressionSyntax> Arguments, TextSpan Span)
    : ProviderMemberSyntax(Span);

/// <summary><c>header "Version" "2021-07-28"</c>; valid in a provider and in an operation.</summary>
internal sealed record HeaderSyntax(StringLiteralSyntax Name, ExpressionSyntax Value, TextSpan Span)
    : ProviderMemberSyntax(Span);

/// <summary><c>context location_id</c> or <c>context location_id required</c>: a value of the integrated account.</summary>
internal sealed record ContextSyntax(IdentifierSyntax Name, bool IsRequired, TextSpan Span)
    : ProviderMemberSyntax(Span);

/// <summary><c>errors { message &lt;- message, code &lt;- category }</c>: how the provider's error body reads.</summary>
internal sealed record ErrorsSyntax(MappingBlockSyntax Block, TextSpan Span) : ProviderMemberSyntax(Span);

/// <summary><c>enum name { "a" -> "b", else -> "c" }</c>: a value table used with <c>via</c>.</summary>
internal sealed record EnumSyntax(IdentifierSyntax Name, EquatableArray<EnumEntrySyntax> Entries, TextSpan Span)
    : ProviderMemberSyntax(Span);

/// <summary>One row of an enum table; <see cref="From"/> is null for the <c>else</c> row.</summary>
internal sealed record EnumEntrySyntax(LiteralSyntax? From, LiteralSyntax To, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>resource contacts { record { … }? operations }</c></summary>
internal sealed record ResourceSyntax(IdentifierSyntax Name, EquatableArray<OperationSyntax> Operations, TextSpan Span)
    : ProviderMemberSyntax(Span)
{
    /// <summary>
    /// <c>record { rows }</c>: how the resource's record reads, for every operation that says
    /// <c>read record</c>; each one after the first is a duplicate. Empty when there is none.
    /// </summary>
    public EquatableArray<RecordMappingSyntax> Records { get; init; } = EquatableArray<RecordMappingSyntax>.Empty;
}

/// <summary><c>record { rows }</c> in a resource: the read rows its operations share.</summary>
internal sealed record RecordMappingSyntax(IdentifierSyntax Keyword, MappingBlockSyntax Block, TextSpan Span) : SyntaxNode(Span);
