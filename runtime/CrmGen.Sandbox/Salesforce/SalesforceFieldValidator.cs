using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace CrmGen.Sandbox;

/// <summary>
/// Reads the JSON body of an sObject create or update into field values, the way Salesforce
/// checks it: unknown and read-only fields, value types, required fields, e-mail addresses and
/// references (format, object type, existence).
/// </summary>
internal static class SalesforceFieldValidator
{
    private const string CustomFieldSuffix = "__c";

    /// <summary>The values of a valid body (API names as the schema spells them), or the errors of its first failing check.</summary>
    public static SalesforceError[]? Read(
        SalesforceSObjectType type,
        JsonElement body,
        SalesforceRecord? existing,
        Func<string, SalesforceRecord?> findRecord,
        string userId,
        out Dictionary<string, object?> values)
    {
        var read = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        values = read;
        var isCreate = existing is null;

        // 1. Field names: Id, unknown fields and fields that cannot be written.
        var readOnly = new List<string>();
        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("attributes")) continue;
            if (string.Equals(property.Name, "Id", StringComparison.OrdinalIgnoreCase))
            {
                return [new SalesforceError("The Id field should not be specified in the sobject data.", "INVALID_FIELD")];
            }
            if (type.TryGetField(property.Name, out var field))
            {
                if (!isCreate && !field.Updateable) readOnly.Add(field.Name);
                continue;
            }
            if (IsSystemField(type, property.Name, out var systemName))
            {
                readOnly.Add(systemName);
                continue;
            }
            if (property.Name.EndsWith(CustomFieldSuffix, StringComparison.OrdinalIgnoreCase) && property.Name.Length > CustomFieldSuffix.Length) continue;
            return [new SalesforceError($"No such column '{property.Name}' on sobject of type {type.Name}", "INVALID_FIELD")];
        }
        if (readOnly.Count > 0)
        {
            return [new SalesforceError(
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                "INVALID_FIELD_FOR_INSERT_UPDATE", readOnly)];
        }

        // 2. Value types (the JSON deserializer's errors).
        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("attributes")) continue;
            if (!type.TryGetField(property.Name, out var field))
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    return [ParserError("string", property.Value)];
                }
                values[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.Clone();
                continue;
            }
            var problem = ReadValue(field, property.Value, out var value);
            if (problem is not null) return [problem];
            values[field.Name] = value;
        }

        // 3. Required fields: absent on create, or set to null (blank) on either.
        var missing = type.RequiredFields
            .Where(f => read.TryGetValue(f.Name, out var v) ? v is null : isCreate)
            .Select(f => f.Name)
            .ToArray();
        if (missing.Length > 0)
        {
            return [new SalesforceError($"Required fields are missing: [{string.Join(", ", missing)}]", "REQUIRED_FIELD_MISSING", missing)];
        }

        // 4. Values: e-mail addresses and references.
        foreach (var field in type.Fields)
        {
            if (!values.TryGetValue(field.Name, out var value) || value is not string text) continue;
            if (field.Type == SalesforceFieldType.Email && !LooksLikeEmail(text))
            {
                return [new SalesforceError($"{field.Label}: invalid email address: {text}", "INVALID_EMAIL_ADDRESS", [field.Name])];
            }
            if (field.Type == SalesforceFieldType.Reference)
            {
                var problem = CheckReference(field, text, findRecord, userId, out var id18);
                if (problem is not null) return [problem];
                values[field.Name] = id18;
            }
        }
        return null;
    }

    private static SalesforceError? ReadValue(SalesforceField field, JsonElement element, out object? value)
    {
        value = null;
        switch (field.Type)
        {
            case SalesforceFieldType.String:
            case SalesforceFieldType.Email:
            case SalesforceFieldType.Reference:
                switch (element.ValueKind)
                {
                    case JsonValueKind.Null:
                        return null;
                    case JsonValueKind.String:
                        // Salesforce stores a blank text value as null.
                        var text = element.GetString()!;
                        value = text.Length == 0 ? null : text;
                        return null;
                    case JsonValueKind.Number:
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        value = element.GetRawText();
                        return null;
                    default:
                        return ParserError("string", element);
                }
            case SalesforceFieldType.Boolean:
                switch (element.ValueKind)
                {
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        value = element.GetBoolean();
                        return null;
                    case JsonValueKind.Null:
                        value = false;
                        return null;
                    case JsonValueKind.String when bool.TryParse(element.GetString(), out var parsed):
                        value = parsed;
                        return null;
                    default:
                        return ParserError("boolean", element);
                }
            case SalesforceFieldType.Double:
                if (element.ValueKind == JsonValueKind.Null) return null;
                if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number)
                    || element.ValueKind == JsonValueKind.String && decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    value = number;
                    return null;
                }
                return ParserError("double", element);
            case SalesforceFieldType.Int:
                if (element.ValueKind == JsonValueKind.Null) return null;
                if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var integer))
                {
                    value = (long)integer;
                    return null;
                }
                return ParserError("int", element);
            case SalesforceFieldType.Date:
                if (element.ValueKind == JsonValueKind.Null) return null;
                if (element.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return null;
                }
                return ParserError("date", element);
            default:
                return ParserError("string", element);
        }
    }

    private static SalesforceError? CheckReference(SalesforceField field, string text, Func<string, SalesforceRecord?> findRecord, string userId, out string id18)
    {
        id18 = text;
        if (!SalesforceIds.TryNormalize(text, out var id15))
        {
            return new SalesforceError($"{field.Label}: id value of incorrect type: {text}", "MALFORMED_ID", [field.Name]);
        }
        var expectedPrefix = SalesforceSchema.KeyPrefixOf(field.ReferenceTo!);
        if (!string.Equals(SalesforceIds.KeyPrefixOf(id15), expectedPrefix, StringComparison.Ordinal))
        {
            return new SalesforceError($"{field.Label}: id value of incorrect type: {text}", "FIELD_INTEGRITY_EXCEPTION", [field.Name]);
        }
        id18 = SalesforceIds.To18(id15);
        var exists = field.ReferenceTo == "User"
            ? string.Equals(id18, userId, StringComparison.Ordinal)
            : findRecord(id15) is not null;
        return exists ? null : new SalesforceError("invalid cross reference id", "INVALID_CROSS_REFERENCE_KEY", [field.Name]);
    }

    private static bool IsSystemField(SalesforceSObjectType type, string name, out string canonical)
    {
        canonical = SalesforceSchema.SystemFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)) ?? "";
        if (canonical.Length > 0) return true;
        if (type.HasComputedName && string.Equals(name, "Name", StringComparison.OrdinalIgnoreCase))
        {
            canonical = "Name";
            return true;
        }
        return false;
    }

    private static SalesforceError ParserError(string javaType, JsonElement element)
    {
        var (token, text) = element.ValueKind switch
        {
            JsonValueKind.Object => ("START_OBJECT", "{"),
            JsonValueKind.Array => ("START_ARRAY", "["),
            JsonValueKind.String => ("VALUE_STRING", element.GetString()!),
            JsonValueKind.Number => ("VALUE_NUMBER_INT", element.GetRawText()),
            JsonValueKind.True => ("VALUE_TRUE", "true"),
            JsonValueKind.False => ("VALUE_FALSE", "false"),
            _ => ("VALUE_NULL", "null"),
        };
        if (token == "VALUE_NUMBER_INT" && element.GetRawText().IndexOfAny(['.', 'e', 'E']) >= 0) token = "VALUE_NUMBER_FLOAT";
        return new SalesforceError($"Cannot deserialize instance of {javaType} from {token} value {text} or request may be missing a required field", "JSON_PARSER_ERROR");
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        var domain = value.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
