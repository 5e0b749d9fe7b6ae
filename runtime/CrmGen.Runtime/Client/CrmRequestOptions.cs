using System.Collections.Generic;

namespace CrmGen;

/// <summary>
/// Per-request options: the parameters every unified endpoint shares
/// (<c>truto_ignore_remote_data</c>, <c>remote_query</c>…) as a .NET caller passes them.
/// </summary>
public sealed record CrmRequestOptions
{
    /// <summary>The default options: remote data kept, no remote query.</summary>
    public static CrmRequestOptions Default { get; } = new();

    /// <summary>
    /// When true, records come back without <c>remote_data</c> (the provider's raw record), and
    /// nothing is allocated for it.
    /// </summary>
    public bool IgnoreRemoteData { get; init; }

    /// <summary>
    /// Query parameters passed to the provider untouched (the seeds' <c>remote_query</c>): each
    /// name and value is appended, escaped, after the operation's own query parameters. Null or
    /// empty: nothing is appended. A null value appends nothing for that name.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? RemoteQuery { get; init; }

    /// <summary>The read options the generated response mapping receives.</summary>
    internal CrmReadOptions ToReadOptions(IntegratedAccount account)
        => new() { IgnoreRemoteData = IgnoreRemoteData, Account = account };
}
