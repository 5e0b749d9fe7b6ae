using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>The operation kinds.</summary>
internal enum OperationKind
{
    /// <summary>GET a page of records: no body in, records out.</summary>
    List,
    /// <summary>GET one record by id: the operation's id argument in, a record out.</summary>
    Get,
    /// <summary>A unified record in, the created record out.</summary>
    Create,
    /// <summary>An id and a unified record in, the updated record out.</summary>
    Update,
    /// <summary>An id in, nothing out.</summary>
    Delete,
    /// <summary><c>action name</c>: a unified record in, a record out.</summary>
    Action,
}

/// <summary>
/// One operation. <see cref="Name"/> is <c>create</c>, <c>list</c>… or the custom action name.
/// <see cref="Method"/> is upper case (GET, POST, PUT, PATCH, DELETE).
/// </summary>
internal sealed record BoundOperation(
    OperationKind Kind,
    string Name,
    string Method,
    EquatableArray<BoundPathPart> Path,
    EquatableArray<BoundParameter> Query,
    EquatableArray<BoundHeader> Headers,
    EquatableArray<UnifiedPropertyRef> Requires,
    BoundWrite? Write,
    BoundRead? Read,
    BoundNextPage? NextPage = null);

/// <summary>How a list operation finds its next page.</summary>
internal enum NextPageKind
{
    /// <summary><c>next_page cursor</c>: the value is sent back as <c>cursor</c> by the next request.</summary>
    Cursor,
    /// <summary><c>next_page url</c>: the value is the URL of the next page, fetched with GET.</summary>
    Url,
    /// <summary>
    /// <c>next_page offset</c>: the value (a boolean) says whether another page follows; its
    /// <c>cursor</c> is this page's offset (the request's cursor, 0 for the first page) plus the
    /// number of records on this page.
    /// </summary>
    Offset,
}

/// <summary>
/// <c>next_page cursor &lt;- paging.next.after</c>: <see cref="Value"/> (read scope, at the
/// response root) is the next page's cursor or URL (string-typed; null means the last page), or
/// for <see cref="NextPageKind.Offset"/> whether another page follows (boolean).
/// </summary>
internal sealed record BoundNextPage(NextPageKind Kind, BoundExpression Value);

/// <summary>
/// A value of the page request in a list operation's path, query or headers: <c>cursor</c>
/// (string) or <c>page_size</c> (int). Null when the caller did not set it.
/// </summary>
internal sealed record BoundPageParameter(string Name, CrmType Type) : BoundExpression(Type);

/// <summary>
/// A piece of the path template: literal text (<see cref="Value"/> null), or a hole
/// <c>{Name}</c> whose value is <see cref="Value"/> (escaped as one path segment at run time).
/// </summary>
internal sealed record BoundPathPart(string? Literal, string? Name, BoundExpression? Value);

/// <summary>A query parameter (or other named parameter) and its string-typed value.</summary>
internal sealed record BoundParameter(string Name, BoundExpression Value);

/// <summary>A unified property, as used by requires and object construction.</summary>
internal sealed record UnifiedPropertyRef(string WireName, string PropertyName, CrmType Type);

/// <summary>The request body: a JSON object built from the unified input (write scope).</summary>
internal sealed record BoundWrite(BoundJsonObject Body);

/// <summary>
/// The response mapping: the record is found at <see cref="RecordPath"/> in the response
/// (empty: the whole body; for list operations the path names the array of records), and
/// built by <see cref="Record"/> (read scope: paths are provider JSON paths relative to the record).
/// </summary>
internal sealed record BoundRead(EquatableArray<JsonPathStep> RecordPath, BoundObjectConstruction Record);
