using System;
using System.Collections.Generic;

namespace CrmGen.Providers;

/// <summary>
/// Close (API v1). The adapter is generated from <c>close.crmmap</c>; the static methods here are
/// the hooks that mapping calls.
/// </summary>
[CrmProvider("close")]
public sealed partial class CloseProvider
{
    private const string CustomFieldPrefix = "custom.";

    /// <summary>
    /// The lead a new contact belongs to: the id of the unified account. Close's contacts create
    /// requires the account (the seed matrix), so an account without an id is refused before any
    /// request, as a missing <c>account</c>.
    /// </summary>
    /// <exception cref="CrmValidationException">The account has no id.</exception>
    public static string? CloseLeadId(AccountReference? account)
    {
        if (account is null) return null;
        if (string.IsNullOrWhiteSpace(account.Id))
        {
            throw CrmValidationException.MissingField("close", "contacts", "create", "account");
        }
        return account.Id;
    }

    /// <summary>First and last name joined by a space; null when both are missing.</summary>
    public static string? FullName(string? firstName, string? lastName)
    {
        var first = string.IsNullOrWhiteSpace(firstName) ? null : firstName.Trim();
        var last = string.IsNullOrWhiteSpace(lastName) ? null : lastName.Trim();
        if (first is not null && last is not null) return first + " " + last;
        return first ?? last;
    }

    /// <summary>The first word of a full name (Close has one contact name); null for a blank name.</summary>
    public static string? FirstNameOf(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return null;
        var trimmed = fullName.Trim();
        var space = trimmed.IndexOf(' ');
        return space < 0 ? trimmed : trimmed.Substring(0, space);
    }

    /// <summary>Everything after the first word of a full name; null for a one-word or blank name.</summary>
    public static string? LastNameOf(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return null;
        var trimmed = fullName.Trim();
        var space = trimmed.IndexOf(' ');
        if (space < 0) return null;
        var rest = trimmed.Substring(space + 1).Trim();
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>
    /// The custom fields as Close's request keys: a key already in Close's form
    /// (<c>custom.cf_…</c>) stays, a bare custom field id (<c>cf_…</c>) gets the <c>custom.</c>
    /// prefix, any other key is passed as it is.
    /// </summary>
    public static Dictionary<string, object?>? CloseCustomFields(Dictionary<string, object?>? customFields)
    {
        if (customFields is null) return null;
        var result = new Dictionary<string, object?>(customFields.Count, StringComparer.Ordinal);
        foreach (var pair in customFields)
        {
            var key = pair.Key.StartsWith("cf_", StringComparison.Ordinal) ? CustomFieldPrefix + pair.Key : pair.Key;
            result[key] = pair.Value;
        }
        return result;
    }
}
