namespace CrmGen.Generator.Binding;

/// <summary>What a bare path means where an expression stands.</summary>
internal enum ScopeKind
{
    /// <summary><c>base_url</c>, provider headers, <c>auth</c>: only literals, context and credentials.</summary>
    Settings,

    /// <summary><c>read</c>, <c>map</c>, <c>errors</c>: a path is a JSON path in the provider record.</summary>
    Read,

    /// <summary><c>write</c>, <c>path</c>, <c>query</c>, operation headers: a path is a unified field of the input.</summary>
    Write,
}

/// <summary>
/// Where an expression is bound: the scope kind and what else is allowed there.
/// </summary>
/// <param name="Kind">What a bare path means.</param>
/// <param name="Where">How a message names the place, e.g. "a read mapping" or "base_url".</param>
/// <param name="AllowCredentials">True in auth and headers, the only places secrets may go.</param>
/// <param name="InEach">True inside <c>each</c>, where <c>$</c> is the current element.</param>
/// <param name="HasInput">Write scope: the operation takes a unified record (create, update, action).</param>
/// <param name="Current">Write scope: the type of the current unified value (the record, or the element inside <c>each</c>).</param>
/// <param name="TrackReads">Write scope at the top of an operation: remember the fields read, for the <c>requires</c> check.</param>
/// <param name="TwoWay">Inside a <c>map</c> block: object rows are two-way (<c>&lt;-&gt;</c>).</param>
/// <param name="OperationKind">The operation kind, for messages ("list").</param>
/// <param name="RecordReference">
/// True in read and write blocks, where <c>$$</c> is the record the block maps (the provider
/// record, or the unified input).
/// </param>
/// <param name="Record">Write scope: the type of the unified input, which <c>$$</c> names at any depth of <c>each</c>.</param>
internal sealed record BindingScope(
    ScopeKind Kind,
    string Where,
    bool AllowCredentials = false,
    bool InEach = false,
    bool HasInput = false,
    CrmType? Current = null,
    bool TrackReads = false,
    bool TwoWay = false,
    string OperationKind = "",
    bool RecordReference = false,
    CrmType? Record = null);
