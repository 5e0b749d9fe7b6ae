using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CrmGen;

/// <summary>
/// The fields <see cref="CrmRequestOptions.ExcludeFields"/> leaves out of a result, resolved
/// against the result type's source-generated metadata before any request (an unknown name is an
/// error then), and applied by setting them to null.
/// </summary>
internal sealed class FieldExclusion
{
    private readonly Node _root;

    private FieldExclusion(Node root, bool excludesRemoteData)
    {
        _root = root;
        ExcludesRemoteData = excludesRemoteData;
    }

    /// <summary>True when <c>remote_data</c> of the record itself is excluded (so it need not be read at all).</summary>
    public bool ExcludesRemoteData { get; }

    /// <summary>
    /// Resolves <paramref name="fields"/> (wire names, dotted for nested fields) against
    /// <paramref name="outputType"/>, or returns null when there is nothing to exclude.
    /// </summary>
    /// <exception cref="CrmValidationException">A name is not a field of the type, or cannot be left out.</exception>
    public static FieldExclusion? Resolve(Type outputType, IReadOnlyList<string>? fields, JsonSerializerOptions metadata, string provider, string resource)
    {
        if (fields is null || fields.Count == 0) return null;
        var recordType = UnifiedMetadata.ElementType(metadata, outputType) ?? outputType;
        var root = new Node();
        foreach (var field in fields)
        {
            var node = root;
            var type = recordType;
            var segments = field.Trim().Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                var info = UnifiedMetadata.ObjectInfo(metadata, type)
                    ?? throw Invalid(provider, resource, field, $"{type.Name} has no fields to exclude");
                var property = Find(info, segment)
                    ?? throw Invalid(provider, resource, field, $"{type.Name} has no field '{segment}'");
                node = node.Child(property);
                if (i == segments.Length - 1)
                {
                    if (property.Set is null || !AcceptsNull(property.PropertyType))
                    {
                        throw Invalid(provider, resource, field, $"the field '{segment}' of {type.Name} cannot be left out");
                    }
                    node.Excluded = true;
                }
                else
                {
                    type = UnifiedMetadata.ElementType(metadata, property.PropertyType) ?? property.PropertyType;
                }
            }
        }
        var excludesRemoteData = root.Children.TryGetValue("remote_data", out var remote) && remote.Excluded;
        return new FieldExclusion(root, excludesRemoteData);
    }

    /// <summary>Sets the excluded fields of <paramref name="result"/> (a record or a list of records) to null.</summary>
    public void Apply(object result) => Apply(_root, result);

    private static void Apply(Node node, object value)
    {
        if (value is IList list)
        {
            foreach (var element in list)
            {
                if (element is not null) Apply(node, element);
            }
            return;
        }
        foreach (var child in node.Children.Values)
        {
            var property = child.Property!;
            if (child.Excluded)
            {
                property.Set!(value, null);
            }
            else if (property.Get?.Invoke(value) is { } nested)
            {
                Apply(child, nested);
            }
        }
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo info, string wireName)
    {
        foreach (var property in info.Properties)
        {
            if (string.Equals(property.Name, wireName, StringComparison.Ordinal)) return property;
        }
        return null;
    }

    private static bool AcceptsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static CrmValidationException Invalid(string provider, string resource, string field, string why)
        => new(provider, $"Cannot exclude '{field}' from the {resource} result: {why}.", field);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public JsonPropertyInfo? Property { get; private init; }

        public bool Excluded { get; set; }

        public Node Child(JsonPropertyInfo property)
        {
            if (!Children.TryGetValue(property.Name, out var child))
            {
                child = new Node { Property = property };
                Children.Add(property.Name, child);
            }
            return child;
        }
    }
}
