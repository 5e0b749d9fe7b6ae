using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Collects the field assignments of one unified object built by read rows. Dotted targets
/// (<c>account.id &lt;- company_id</c>) build a nested object of the field's model. Fields keep
/// the order in which they first appear. <see cref="Build"/> fills in the keys a custom-field
/// catch-all must leave out: the keys the other rows of the same object read at its level (for
/// an object at the record, not inside <c>each</c>, also the record keys that <c>$$</c> paths
/// in the elements of its projections read).
/// </summary>
internal sealed class ReadObjectBuilder
{
    private readonly UnifiedModelFacts _model;
    private readonly CrmType _type;
    private readonly List<Field> _fields = new();
    private readonly Dictionary<string, Field> _byName = new(StringComparer.Ordinal);
    private readonly bool _atRecord;

    private sealed class Field
    {
        public UnifiedPropertyFacts Property = null!;
        public BoundExpression? Value;
        public ReadObjectBuilder? Child;
    }

    /// <param name="model">The model of the object.</param>
    /// <param name="type">The object's type.</param>
    /// <param name="atRecord">The object's paths start at the record (it is not inside <c>each</c>).</param>
    public ReadObjectBuilder(UnifiedModelFacts model, CrmType type, bool atRecord)
    {
        _model = model;
        _type = type;
        _atRecord = atRecord;
    }

    /// <summary>The model the object is built for.</summary>
    public UnifiedModelFacts Model => _model;

    /// <summary>Sets <paramref name="property"/>; false when it is already set.</summary>
    public bool TryAdd(UnifiedPropertyFacts property, BoundExpression value)
    {
        if (_byName.ContainsKey(property.WireName)) return false;
        var field = new Field { Property = property, Value = value };
        _byName.Add(property.WireName, field);
        _fields.Add(field);
        return true;
    }

    /// <summary>The builder of the nested object in <paramref name="property"/>; null when the field is set as a whole.</summary>
    public ReadObjectBuilder? GetOrAddChild(UnifiedPropertyFacts property, UnifiedModelFacts model)
    {
        if (_byName.TryGetValue(property.WireName, out var existing)) return existing.Child;
        var field = new Field { Property = property, Child = new ReadObjectBuilder(model, property.Type, _atRecord) };
        _byName.Add(property.WireName, field);
        _fields.Add(field);
        return field.Child;
    }

    /// <summary>The bound object.</summary>
    public BoundObjectConstruction Build()
    {
        var assignments = new List<BoundFieldAssignment>(_fields.Count);
        foreach (var field in _fields)
        {
            var value = field.Child is not null ? field.Child.Build() : field.Value!;
            assignments.Add(new BoundFieldAssignment(
                new UnifiedPropertyRef(field.Property.WireName, field.Property.PropertyName, field.Property.Type),
                value));
        }

        for (var i = 0; i < assignments.Count; i++)
        {
            if (assignments[i].Value is not BoundCatchAll catchAll) continue;
            var read = new List<EquatableArray<JsonPathStep>>();
            for (var j = 0; j < assignments.Count; j++)
            {
                if (j != i) BoundPathCollector.CollectProviderPaths(assignments[j].Value, read, _atRecord);
            }
            var excluded = ExcludedKeys(catchAll.ObjectPath, read);
            assignments[i] = assignments[i] with { Value = catchAll with { ExcludedKeys = excluded } };
        }

        var remoteData = _model.Properties.FirstOrDefault(p => p.Type.Kind == CrmTypeKind.RemoteData)?.PropertyName;
        return new BoundObjectConstruction(
            new UnifiedModelRef(_model.Name, _model.FullyQualifiedName, remoteData),
            assignments.ToEquatableArray(),
            _type);
    }

    private static EquatableArray<string> ExcludedKeys(EquatableArray<JsonPathStep> objectPath, List<EquatableArray<JsonPathStep>> paths)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var prefix = objectPath.AsImmutableArray();
        foreach (var path in paths)
        {
            var steps = path.AsImmutableArray();
            if (steps.Length <= prefix.Length) continue;
            var matches = true;
            for (var k = 0; k < prefix.Length && matches; k++) matches = steps[k].Equals(prefix[k]);
            if (matches && steps[prefix.Length].Kind == JsonPathStepKind.Property) keys.Add(steps[prefix.Length].Name);
        }
        return keys.ToImmutableArray();
    }
}
