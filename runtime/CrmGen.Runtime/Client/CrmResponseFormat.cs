namespace CrmGen;

/// <summary>
/// What a call returns (the seeds' <c>truto_response_format</c>): see
/// <see cref="CrmRequestOptions.ResponseFormat"/>.
/// </summary>
public enum CrmResponseFormat
{
    /// <summary>The unified record, as the provider's mapping reads it (the default).</summary>
    Unified,

    /// <summary>
    /// The provider's own response, untouched: status, headers and body bytes
    /// (<see cref="CrmClient.ExecuteRawAsync{TInput, TOutput}"/>, <c>CreateRawAsync</c>).
    /// </summary>
    Raw,

    /// <summary>
    /// The unified record with its values canonicalised (see <see cref="CrmRecordNormalizer"/>):
    /// e-mail addresses trimmed and lower-cased, phone numbers in E.164 where they parse, date-times
    /// in UTC, empty strings, lists, objects and custom fields dropped.
    /// </summary>
    Normalized,

    /// <summary>
    /// The provider's response body as a <see cref="System.IO.Stream"/> read as it arrives, never
    /// buffered whole (<see cref="CrmClient.ExecuteStreamAsync{TInput, TOutput}"/>, <c>CreateStreamAsync</c>).
    /// </summary>
    Stream,
}
