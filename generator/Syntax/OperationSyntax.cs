using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Syntax;

/// <summary>
/// <c>create POST "/crm/v3/objects/contacts" { members }</c>, or for a custom operation
/// <c>action link PUT "/path/{id}" { members }</c>. <see cref="Kind"/> is the first
/// identifier (list, get, create, update, delete, action, or anything the binder rejects);
/// <see cref="Name"/> is the custom name after <c>action</c>, otherwise null.
/// <see cref="PathTemplate"/> keeps the raw template; holes are <c>{name}</c>.
/// </summary>
internal sealed record OperationSyntax(
    IdentifierSyntax Kind,
    IdentifierSyntax? Name,
    IdentifierSyntax Method,
    StringLiteralSyntax PathTemplate,
    EquatableArray<OperationMemberSyntax> Members,
    TextSpan Span) : SyntaxNode(Span);

/// <summary>A member of an operation block.</summary>
internal abstract record OperationMemberSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>requires first_name, email_addresses</c>: unified fields a caller must set.</summary>
internal sealed record RequiresSyntax(EquatableArray<IdentifierSyntax> Fields, TextSpan Span) : OperationMemberSyntax(Span);

/// <summary>
/// <c>path { id &lt;- entity_id }</c>, <c>query { limit &lt;- "100" }</c>, <c>headers { … }</c>:
/// <see cref="Kind"/> is the keyword; each mapping's target is a single name.
/// </summary>
internal sealed record ParameterBlockSyntax(IdentifierSyntax Kind, MappingBlockSyntax Block, TextSpan Span)
    : OperationMemberSyntax(Span);

/// <summary><c>header "X-Name" expr</c> inside an operation.</summary>
internal sealed record OperationHeaderSyntax(HeaderSyntax Header, TextSpan Span) : OperationMemberSyntax(Span);

/// <summary>
/// <c>read { … }</c>, <c>read from results { … }</c>, <c>write { … }</c> or <c>map { … }</c>
/// (two-way). <see cref="Kind"/> is the keyword; <see cref="From"/> is the record's path in the
/// provider response (read and map only).
/// </summary>
internal sealed record MappingSectionSyntax(IdentifierSyntax Kind, PathSyntax? From, MappingBlockSyntax Block, TextSpan Span)
    : OperationMemberSyntax(Span)
{
    /// <summary>
    /// <c>read record</c> / <c>read from results record</c>: the keyword <c>record</c> in place of
    /// the block; the rows are the resource's record mapping (<see cref="Block"/> is then empty).
    /// </summary>
    public IdentifierSyntax? Record { get; init; }
}

/// <summary>
/// <c>next_page cursor &lt;- paging.next.after</c> or <c>next_page url &lt;- nextRecordsUrl</c> in a
/// list operation: <see cref="Kind"/> says how the next page is asked for, <see cref="Value"/>
/// reads it from the response root (null: the arrow or the value is missing).
/// </summary>
internal sealed record NextPageSyntax(IdentifierSyntax Keyword, IdentifierSyntax Kind, ExpressionSyntax? Value, TextSpan Span)
    : OperationMemberSyntax(Span);

/// <summary>Anything else inside an operation: the binder reports it as unknown.</summary>
internal sealed record UnknownOperationMemberSyntax(IdentifierSyntax Keyword, TextSpan Span) : OperationMemberSyntax(Span);
