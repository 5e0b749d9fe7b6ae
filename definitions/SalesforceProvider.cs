using System;
using System.Collections.Generic;
using System.Text;

namespace CrmGen.Providers;

/// <summary>
/// Salesforce (REST API v60.0). The adapter is generated from <c>salesforce.crmmap</c>. The
/// integrated account needs the <c>access_token</c> credential and the <c>instance_url</c>
/// context value (the org's instance URL); the optional <c>contact_custom_fields</c> context
/// value names the Contact custom fields the contacts list reads.
/// </summary>
[CrmProvider("salesforce")]
public sealed partial class SalesforceProvider
{
    /// <summary>The standard Contact fields the contacts list selects, in the order the mapping reads them.</summary>
    public const string ContactListFields = "Id, FirstName, LastName, Name, Email, CreatedDate, LastModifiedDate";

    private const string ContactQueryStart = "SELECT " + ContactListFields;
    private const string ContactQueryEnd = " FROM Contact ORDER BY Id";

    // The last statement built, with the context value it was built from: accounts keep their
    // value, so a list usually finds it here. One reference, replaced whole (no torn pair).
    private static CachedQuery? s_lastQuery;

    private sealed record CachedQuery(string Fields, string Query);

    /// <summary>
    /// The SOQL statement of the contacts list: the standard fields, then the custom fields named
    /// in <paramref name="customFields"/> (the account's <c>contact_custom_fields</c> context
    /// value: API names such as <c>Region__c</c> or <c>acme__Score__c</c>, separated by commas).
    /// SOQL has no "all fields" that pages past 200 records, so the custom fields are named.
    /// </summary>
    /// <exception cref="CrmConfigurationException">A name is not a custom field's API name (no request is sent).</exception>
    public static string ContactQuery(string? customFields)
    {
        if (string.IsNullOrWhiteSpace(customFields)) return ContactQueryStart + ContactQueryEnd;
        if (s_lastQuery is { } last && string.Equals(last.Fields, customFields, StringComparison.Ordinal)) return last.Query;

        var query = new StringBuilder(ContactQueryStart, ContactQueryStart.Length + customFields.Length + ContactQueryEnd.Length + 16);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in customFields.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0) continue;
            if (!IsCustomFieldName(name))
            {
                throw new CrmConfigurationException(
                    $"Provider 'salesforce': the context value 'contact_custom_fields' names '{name}', which is not the API name of a custom field (such as Region__c or acme__Score__c); separate names with commas.");
            }
            if (seen.Add(name)) query.Append(", ").Append(name);
        }
        var text = query.Append(ContactQueryEnd).ToString();
        s_lastQuery = new CachedQuery(customFields, text);
        return text;
    }

    /// <summary>
    /// A custom field's API name: a name part, then <c>__c</c>, with an optional namespace part
    /// and <c>__</c> before it (managed packages). A part starts with a letter and holds letters,
    /// digits and single underscores, not at its end.
    /// </summary>
    private static bool IsCustomFieldName(string name)
    {
        if (name.Length < 4 || !name.EndsWith("__c", StringComparison.OrdinalIgnoreCase)) return false;
        var body = name.AsSpan(0, name.Length - 3);
        var separator = body.IndexOf("__".AsSpan(), StringComparison.Ordinal);
        return separator < 0 ? IsNamePart(body) : IsNamePart(body.Slice(0, separator)) && IsNamePart(body.Slice(separator + 2));
    }

    private static bool IsNamePart(ReadOnlySpan<char> part)
    {
        if (part.Length == 0 || !IsAsciiLetter(part[0]) || part[part.Length - 1] == '_') return false;
        for (var i = 1; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '_' ? part[i - 1] == '_' : !(IsAsciiLetter(c) || c is >= '0' and <= '9')) return false;
        }
        return true;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
