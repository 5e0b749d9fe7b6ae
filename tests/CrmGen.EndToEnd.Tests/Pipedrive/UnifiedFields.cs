using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>Unified model properties by their wire names (the names the seed matrix uses).</summary>
internal static class UnifiedFields
{
    /// <summary>The property of <typeparamref name="T"/> whose wire name is <paramref name="wireName"/>.</summary>
    public static PropertyInfo Property<T>(string wireName)
        => typeof(T).GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == wireName)
           ?? throw new Xunit.Sdk.XunitException($"{typeof(T).Name} has no field '{wireName}'.");

    /// <summary>Sets the field to null.</summary>
    public static void Clear<T>(T record, string wireName) => Property<T>(wireName).SetValue(record, null);

    /// <summary>True when the field holds a value: not null, and not an empty text, list or dictionary.</summary>
    public static bool HasValue<T>(T record, string wireName)
        => Property<T>(wireName).GetValue(record) switch
        {
            null => false,
            string text => text.Length > 0,
            ICollection collection => collection.Count > 0,
            _ => true,
        };
}
