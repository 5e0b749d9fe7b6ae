using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmGen;

/// <summary>
/// Per-request options: the parameters every unified endpoint shares
/// (<c>truto_response_format</c>, <c>truto_ignore_remote_data</c>, <c>truto_exclude_fields</c>,
/// <c>remote_query</c>, the body's <c>remote_data</c>, the <c>workspace</c>) as a .NET caller
/// passes them, plus the idempotency key and the timeout of the call.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> shows which options are set, never the values of the remote query, the
/// remote data, the context or the idempotency key.
/// </remarks>
public sealed record CrmRequestOptions
{
    private const int MaxIdempotencyKeyLength = 255;

    /// <summary>The default options: unified format, remote data kept, nothing else.</summary>
    public static CrmRequestOptions Default { get; } = new();

    /// <summary>
    /// The response format. <see cref="CrmResponseFormat.Unified"/> (the default) and
    /// <see cref="CrmResponseFormat.Normalized"/> apply to the typed calls
    /// (<c>CreateAsync</c>, <see cref="CrmClient.ExecuteAsync{TInput, TOutput}"/>);
    /// <see cref="CrmResponseFormat.Raw"/> and <see cref="CrmResponseFormat.Stream"/> have their own
    /// calls, which return the provider's response (<c>CreateRawAsync</c>, <c>CreateStreamAsync</c>,
    /// <see cref="CrmClient.ExecuteRawAsync{TInput, TOutput}"/>,
    /// <see cref="CrmClient.ExecuteStreamAsync{TInput, TOutput}"/>). A typed call given Raw or
    /// Stream throws <see cref="ArgumentException"/> before any request.
    /// </summary>
    public CrmResponseFormat ResponseFormat { get; init; }

    /// <summary>
    /// When true, records come back without <c>remote_data</c> (the provider's raw record), and
    /// nothing is allocated for it.
    /// </summary>
    public bool IgnoreRemoteData { get; init; }

    /// <summary>
    /// Unified fields to leave out of the result, by wire name (the seeds'
    /// <c>truto_exclude_fields</c>): <c>id</c>, <c>email_addresses</c>, or a dotted path into
    /// nested records and each element of a list, e.g. <c>owner.id</c> or
    /// <c>email_addresses.type</c>. A left-out field is null. A name the result type does not have
    /// is a <see cref="CrmValidationException"/> before any request. <c>remote_data</c> here is
    /// like <see cref="IgnoreRemoteData"/>. Applies to the unified and normalized formats, not to
    /// raw and stream.
    /// </summary>
    public IReadOnlyList<string>? ExcludeFields { get; init; }

    /// <summary>
    /// Query parameters passed to the provider untouched (the seeds' <c>remote_query</c>): each
    /// name and value is appended, escaped, after the operation's own query parameters. Null or
    /// empty: nothing is appended. A null value appends nothing for that name. A name the provider
    /// itself sets on every request (an <c>api_key_query</c> credential such as Pipedrive's
    /// <c>api_token</c>) is refused with <see cref="CrmValidationException"/>: a remote query
    /// cannot replace credentials, nor change the host or the path.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? RemoteQuery { get; init; }

    /// <summary>
    /// A JSON object merged into the provider request body (the unified body's <c>remote_data</c>):
    /// objects under the same key merge recursively; otherwise the value here wins over the
    /// mapping's (arrays replaced whole, <c>null</c> sent as <c>null</c>); new keys are added. It
    /// changes only the body, never the URL, headers or credentials. An operation without a body
    /// refuses it with <see cref="CrmValidationException"/>, as does anything but a JSON object.
    /// The <c>RemoteData</c> of the record passed in is never sent: it is the provider's record as
    /// read, and sending it back would write read-only fields.
    /// </summary>
    public RawJson? RemoteData { get; init; }

    /// <summary>
    /// Context values for this request, merged over the integrated account's
    /// (<see cref="IntegratedAccount.Context"/>; an empty value unsets one). The seeds'
    /// <c>workspace</c> query parameter is one: HighLevel's location (sub-account) id goes here
    /// under the context name its definition declares.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Context { get; init; }

    /// <summary>
    /// An idempotency key, sent as the <c>Idempotency-Key</c> header. With it, every request of
    /// the call may be repeated after a transient failure (429, 5xx, a lost connection), creates
    /// included: give one only when the provider honours the header or a duplicate does no harm.
    /// 1 to 255 printable ASCII characters.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// The time budget of the call: every attempt, the waits between them and reading the
    /// response. Null: <see cref="CrmClientOptions.Timeout"/>. Exceeded, the call throws
    /// <see cref="CrmTimeoutException"/> (the caller's own cancellation is an
    /// <see cref="OperationCanceledException"/> instead). For a stream response, the budget ends
    /// when the body stream is handed over.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for option values no request could carry.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(ResponseFormat))
        {
            throw new ArgumentException($"Unknown response format {(int)ResponseFormat}.", nameof(ResponseFormat));
        }
        if (IdempotencyKey is { } key)
        {
            if (key.Length is 0 or > MaxIdempotencyKeyLength)
            {
                throw new ArgumentException($"The idempotency key must have 1 to {MaxIdempotencyKeyLength} characters.", nameof(IdempotencyKey));
            }
            foreach (var c in key)
            {
                if (c < 0x21 || c > 0x7E)
                {
                    throw new ArgumentException("The idempotency key may only hold printable ASCII characters (no spaces or line breaks).", nameof(IdempotencyKey));
                }
            }
        }
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
        if (ExcludeFields is { } fields)
        {
            foreach (var field in fields)
            {
                if (string.IsNullOrWhiteSpace(field)) throw new ArgumentException("ExcludeFields contains an empty name.", nameof(ExcludeFields));
            }
        }
        if (RemoteQuery is { } query)
        {
            foreach (var pair in query)
            {
                if (string.IsNullOrEmpty(pair.Key)) throw new ArgumentException("RemoteQuery contains an empty name.", nameof(RemoteQuery));
            }
        }
    }

    /// <summary>Which options are set, without the values of the remote query, remote data, context or idempotency key.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("CrmRequestOptions { ResponseFormat = ").Append(ResponseFormat);
        if (IgnoreRemoteData) text.Append(", IgnoreRemoteData = True");
        if (ExcludeFields is { Count: > 0 } fields) text.Append(", ExcludeFields = [").AppendJoin(", ", fields).Append(']');
        if (RemoteQuery is { Count: > 0 } query) text.Append(", RemoteQuery = ").Append(query.Count.ToString(CultureInfo.InvariantCulture)).Append(" parameter(s)");
        if (RemoteData is not null) text.Append(", RemoteData = (set)");
        if (Context is { Count: > 0 } context) text.Append(", Context = [").AppendJoin(", ", context.Keys).Append(']');
        if (IdempotencyKey is not null) text.Append(", IdempotencyKey = (set)");
        if (Timeout is { } timeout) text.Append(", Timeout = ").Append(timeout.ToString("c", CultureInfo.InvariantCulture));
        return text.Append(" }").ToString();
    }
}
