using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmGen.Sandbox;

/// <summary>The JSON form a property of a HighLevel request DTO takes.</summary>
internal enum HighLevelValueKind
{
    /// <summary>A string.</summary>
    String,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>An array of strings.</summary>
    StringArray,
    /// <summary>An array of objects.</summary>
    ObjectArray,
    /// <summary>An object.</summary>
    Object,
    /// <summary>A string or an object (labels and keys the DTOs declare as <c>object</c>).</summary>
    StringOrObject,
}

/// <summary>One property of a request DTO: its name, form, and whether it must be present and not empty.</summary>
internal readonly record struct HighLevelProperty(string Name, HighLevelValueKind Kind, bool Required = false);

/// <summary>
/// Checks a request body against a DTO's properties the way HighLevel's validation reports it:
/// one message per problem ("locationId should not be empty", "tags must be an array", and, when
/// undeclared properties are refused, "property foo should not exist"), answered as a 422.
/// </summary>
internal static class HighLevelBodyRules
{
    /// <summary>The problems of <paramref name="body"/> (a JSON object); empty when it is valid.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="properties">The DTO's properties.</param>
    /// <param name="rejectUndeclared">True to report a property the DTO does not declare; false to ignore it.</param>
    public static List<string> Check(JsonElement body, IReadOnlyList<HighLevelProperty> properties, bool rejectUndeclared)
    {
        var problems = new List<string>();
        if (rejectUndeclared)
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in properties) declared.Add(property.Name);
            foreach (var member in body.EnumerateObject())
            {
                if (!declared.Contains(member.Name)) problems.Add($"property {member.Name} should not exist");
            }
        }

        foreach (var property in properties)
        {
            var present = body.TryGetProperty(property.Name, out var value) && value.ValueKind != JsonValueKind.Null;
            if (!present)
            {
                if (property.Required) problems.Add($"{property.Name} should not be empty");
                continue;
            }
            CheckValue(property, value, problems);
        }
        return problems;
    }

    private static void CheckValue(HighLevelProperty property, JsonElement value, List<string> problems)
    {
        var name = property.Name;
        switch (property.Kind)
        {
            case HighLevelValueKind.String:
                if (value.ValueKind != JsonValueKind.String) problems.Add($"{name} must be a string");
                else if (property.Required && value.GetString()!.Length == 0) problems.Add($"{name} should not be empty");
                break;
            case HighLevelValueKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{name} must be a boolean value");
                break;
            case HighLevelValueKind.StringArray:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{name} must be an array");
                    break;
                }
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        problems.Add($"each value in {name} must be a string");
                        break;
                    }
                }
                break;
            case HighLevelValueKind.ObjectArray:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{name} must be an array");
                    break;
                }
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add($"each value in {name} must be an object");
                        break;
                    }
                }
                break;
            case HighLevelValueKind.Object:
                if (value.ValueKind != JsonValueKind.Object) problems.Add($"{name} must be an object");
                break;
            case HighLevelValueKind.StringOrObject:
                if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Object)) problems.Add($"{name} must be a string");
                else if (property.Required && value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0) problems.Add($"{name} should not be empty");
                break;
        }
    }
}
