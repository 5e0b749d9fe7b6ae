using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen.Providers;

/// <summary>
/// HighLevel (LeadConnector API 2.0). The adapter is generated from <c>highlevel.crmmap</c>; the
/// static methods here are the hooks that mapping calls.
/// </summary>
/// <remarks>
/// The integrated account needs the credential <c>access_token</c> (a sub-account OAuth access
/// token or Private Integration Token) and the context value <c>location_id</c> (the location,
/// or sub-account, id: the unified API's <c>workspace</c>). Linking records needs the id of the
/// location's association definition for the pair, as the context values
/// <c>association_id_contacts_opportunities</c>, <c>association_id_contacts_accounts</c>,
/// <c>association_id_accounts_opportunities</c> and <c>association_id_contacts_contacts</c>.
/// </remarks>
[CrmProvider("highlevel")]
public sealed partial class HighLevelProvider
{
    /// <summary>First and last name joined by a space; null when both are missing.</summary>
    public static string? FullName(string? firstName, string? lastName)
    {
        var hasFirst = !string.IsNullOrEmpty(firstName);
        var hasLast = !string.IsNullOrEmpty(lastName);
        if (hasFirst && hasLast) return firstName + " " + lastName;
        return hasFirst ? firstName : hasLast ? lastName : null;
    }

    /// <summary>
    /// The unified custom fields as the elements of HighLevel's <c>customFields</c> array, each
    /// written as <c>{ "id": key, "field_value": value }</c>: the keys are HighLevel custom field ids.
    /// </summary>
    /// <remarks>
    /// Text is sent as it is; numbers, booleans and dates as their invariant text (HighLevel's
    /// text, numeric and monetary fields take text); JSON arrays (checkbox and multi-select
    /// options) and objects (file uploads) as they are. An entry without a value sets nothing and
    /// is left out. Null when there is nothing to send.
    /// </remarks>
    /// <exception cref="ArgumentException">A value has a type that cannot be sent (the message names the field).</exception>
    public static List<HighLevelCustomFieldValue>? CustomFieldValues(Dictionary<string, object?>? customFields)
    {
        if (customFields is null || customFields.Count == 0) return null;
        var values = new List<HighLevelCustomFieldValue>(customFields.Count);
        foreach (var pair in customFields)
        {
            if (string.IsNullOrEmpty(pair.Key)) continue;
            var value = FieldValue(pair.Key, pair.Value);
            if (value is null) continue;
            values.Add(new HighLevelCustomFieldValue
            {
                Id = pair.Key,
                Fields = new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["field_value"] = value },
            });
        }
        return values.Count == 0 ? null : values;
    }

    /// <summary>
    /// HighLevel's <c>customFields</c> of a contact (<c>[{ "id", "value" }]</c>) as the unified
    /// custom fields, keyed by custom field id. Null when there are none.
    /// </summary>
    public static Dictionary<string, object?>? CustomFieldsById(List<HighLevelCustomFieldValue>? values)
    {
        if (values is null || values.Count == 0) return null;
        var fields = new Dictionary<string, object?>(values.Count, StringComparer.Ordinal);
        foreach (var item in values)
        {
            if (item is null || string.IsNullOrEmpty(item.Id)) continue;
            object? value = null;
            if (item.Fields is { } rest && !rest.TryGetValue("value", out value))
            {
                rest.TryGetValue("field_value", out value);
            }
            fields[item.Id] = value;
        }
        return fields.Count == 0 ? null : fields;
    }

    /// <summary>
    /// The association definition id a link needs, from the account context value
    /// <paramref name="contextName"/>.
    /// </summary>
    /// <exception cref="CrmConfigurationException">The context value is missing (no request is sent).</exception>
    public static string RequireAssociationId(string? associationId, string contextName)
    {
        if (!string.IsNullOrWhiteSpace(associationId)) return associationId;
        throw new CrmConfigurationException(
            $"Provider 'highlevel' links these records through an association definition of the location, and the integrated account has no context value '{contextName}' with its id (see GET /associations/ for the location's definitions).");
    }

    private static object? FieldValue(string name, object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("O", CultureInfo.InvariantCulture),
        IFormattable number when IsNumber(number) => number.ToString(null, CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } element => element.GetRawText(),
        JsonElement element => element,
        _ => throw new ArgumentException($"The custom field '{name}' has a value of type {value.GetType().Name}, which HighLevel cannot take; use text, a number, a bool, a date or a JsonElement.", nameof(value)),
    };

    private static bool IsNumber(IFormattable value)
        => value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal
           || (value is double d && double.IsFinite(d))
           || (value is float f && float.IsFinite(f));
}

/// <summary>
/// One element of a HighLevel contact's <c>customFields</c>: the custom field id and the element's
/// other members (<c>field_value</c> in requests, <c>value</c> in responses). The carrier
/// <c>highlevel.crmmap</c> uses between those arrays and the unified custom fields.
/// </summary>
[UnifiedModel]
public sealed class HighLevelCustomFieldValue
{
    /// <summary>The custom field id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The element's other members by name.</summary>
    [JsonPropertyName("fields")] public Dictionary<string, object?>? Fields { get; set; }
}
