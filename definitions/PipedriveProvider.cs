using System;
using System.Globalization;

namespace CrmGen.Providers;

/// <summary>
/// Pipedrive (API v1). The adapter is generated from <c>pipedrive.crmmap</c>; the static methods
/// here are the hooks that mapping calls.
/// </summary>
/// <remarks>
/// An integrated account carries the API token as the credential <c>api_token</c> (sent in the
/// <c>x-api-token</c> header) and, optionally, the context value <c>company_domain</c> (the
/// <c>{company}</c> of <c>{company}.pipedrive.com</c>, used for the person's web link).
/// </remarks>
[CrmProvider("pipedrive")]
public sealed partial class PipedriveProvider
{
    /// <summary>First and last name joined by a space; null when both are missing.</summary>
    public static string? FullName(string? firstName, string? lastName)
    {
        var first = string.IsNullOrWhiteSpace(firstName) ? null : firstName.Trim();
        var last = string.IsNullOrWhiteSpace(lastName) ? null : lastName.Trim();
        if (first is not null && last is not null) return first + " " + last;
        return first ?? last;
    }

    /// <summary>
    /// A Pipedrive record id (organization, user, label): Pipedrive ids are positive integers. An id
    /// that is not one is refused before any request, naming the unified field.
    /// </summary>
    /// <param name="id">The unified id (text).</param>
    /// <param name="field">The unified field, for the error.</param>
    /// <exception cref="CrmValidationException">The id is not a positive integer.</exception>
    public static long? PipedriveId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        if (long.TryParse(id.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        throw new CrmValidationException("pipedrive",
            $"The contacts create operation of provider 'pipedrive' needs '{field}' to be a Pipedrive id (a positive integer).", field);
    }

    /// <summary>A time as Pipedrive writes it: <c>YYYY-MM-DD HH:MM:SS</c> in UTC.</summary>
    public static string? PipedriveTime(DateTimeOffset? value)
        => value?.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture);
}
