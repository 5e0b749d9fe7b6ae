using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Emit;

/// <summary>How one provider value is read into a slot (a <c>CrmJsonReader.TryRead…</c> method).</summary>
internal enum ScalarReadKind
{
    String,
    Text,
    Int64,
    Int32,
    Decimal,
    Double,
    Boolean,
    IsoDateTime,
    IsoDate,
    EpochSeconds,
    EpochMilliseconds,
    NumericDecimal,
    Cents,
    NumericInt64,
    LenientBoolean,
}

/// <summary>A typed local of the generated parse code that holds a value read from the JSON.</summary>
internal sealed class ReadSlot
{
    public ReadSlot(string name, string typeName, string initialValue, CrmType type)
    {
        Name = name;
        TypeName = typeName;
        InitialValue = initialValue;
        Type = type;
    }

    public string Name { get; }

    /// <summary>The declared C# type, e.g. <c>string?</c>.</summary>
    public string TypeName { get; }

    public string InitialValue { get; }

    /// <summary>The value's type in the language (for casts, e.g. an <c>int</c> field read as <c>long</c>).</summary>
    public CrmType Type { get; }
}

/// <summary>Something the parse code does with the value at a node.</summary>
internal abstract class ReadRequirement
{
}

/// <summary>Read the scalar at the node into a slot (does not move the reader).</summary>
internal sealed class ScalarRequirement : ReadRequirement
{
    public ScalarRequirement(ReadSlot slot, ScalarReadKind kind)
    {
        Slot = slot;
        Kind = kind;
    }

    public ReadSlot Slot { get; }

    public ScalarReadKind Kind { get; }
}

/// <summary>Set a flag: the value is present and not null (<c>exists</c>).</summary>
internal sealed class ExistsRequirement : ReadRequirement
{
    public ExistsRequirement(ReadSlot slot) => Slot = slot;

    public ReadSlot Slot { get; }
}

/// <summary>
/// Collect every key of the object at the node that nothing else reads (custom fields); with a
/// <see cref="Pattern"/>, only the keys it matches.
/// </summary>
internal sealed class CatchAllRequirement : ReadRequirement
{
    public CatchAllRequirement(ReadSlot slot, IReadOnlyList<string> excludedKeys, string? pattern)
    {
        Slot = slot;
        ExcludedKeys = excludedKeys;
        Pattern = pattern;
    }

    public ReadSlot Slot { get; }

    public IReadOnlyList<string> ExcludedKeys { get; }

    /// <summary>The key pattern (a .NET regular expression), or null for every key.</summary>
    public string? Pattern { get; }
}

/// <summary>
/// <c>source each element</c>: every element of the array at the node is parsed with
/// <see cref="Element"/>'s plan and becomes one item of the list slot.
/// </summary>
internal sealed class ProjectionRequirement : ReadRequirement
{
    public ProjectionRequirement(ReadSlot slot, ReadScope element, BoundExpression elementExpression, CrmType elementType, bool deferred = false, int order = 0)
    {
        Slot = slot;
        Element = element;
        ElementExpression = elementExpression;
        ElementType = elementType;
        Deferred = deferred;
        Order = order;
    }

    /// <summary>
    /// A projection of the record whose elements read the record (<c>$$</c>, at any depth): the
    /// array is skipped where it stands and parsed from a saved reader once the record's object
    /// loop has filled every record slot (the record's values may come after the array).
    /// </summary>
    public bool Deferred { get; }

    /// <summary>The order of creation within the record: a deferred projection is parsed after those it reads.</summary>
    public int Order { get; }

    public ReadSlot Slot { get; }

    public ReadScope Element { get; }

    public BoundExpression ElementExpression { get; }

    public CrmType ElementType { get; }
}

/// <summary>The response's record (or, with <see cref="IsList"/>, every element of the array at the node): read by the operation's record reader.</summary>
internal sealed class RecordRequirement : ReadRequirement
{
    public RecordRequirement(ReadSlot slot, bool isList, string modelType)
    {
        Slot = slot;
        IsList = isList;
        ModelType = modelType;
    }

    public ReadSlot Slot { get; }

    public bool IsList { get; }

    public string ModelType { get; }
}

/// <summary>A node of the trie of provider paths a mapping reads: a JSON value and what to do with it.</summary>
internal sealed class ReadNode
{
    private readonly List<KeyValuePair<string, ReadNode>> _properties = new();
    private readonly SortedDictionary<int, ReadNode> _indices = new();

    public IReadOnlyList<KeyValuePair<string, ReadNode>> Properties => _properties;

    public IReadOnlyDictionary<int, ReadNode> Indices => _indices;

    public List<ReadRequirement> Requirements { get; } = new();

    public ReadNode Property(string name)
    {
        foreach (var pair in _properties)
        {
            if (pair.Key == name) return pair.Value;
        }
        var node = new ReadNode();
        _properties.Add(new KeyValuePair<string, ReadNode>(name, node));
        return node;
    }

    public ReadNode Index(int index)
    {
        if (!_indices.TryGetValue(index, out var node))
        {
            node = new ReadNode();
            _indices.Add(index, node);
        }
        return node;
    }

    public bool HasObjectNeeds => _properties.Count > 0 || Requirements.OfType<CatchAllRequirement>().Any();

    public bool HasArrayNeeds => _indices.Count > 0 || Requirements.OfType<ProjectionRequirement>().Any();

    public bool HasScalarReads => Requirements.OfType<ScalarRequirement>().Any();

    /// <summary>The projections of the node that are parsed after the record's object loop.</summary>
    public List<ProjectionRequirement> DeferredProjections() => Requirements.OfType<ProjectionRequirement>().Where(p => p.Deferred).ToList();

    /// <summary>A node with the same children and the requirements but <paramref name="removed"/>.</summary>
    public ReadNode Without(IReadOnlyCollection<ReadRequirement> removed)
    {
        var copy = new ReadNode();
        copy.Requirements.AddRange(Requirements.Where(r => !removed.Contains(r)));
        copy._properties.AddRange(_properties);
        foreach (var pair in _indices) copy._indices.Add(pair.Key, pair.Value);
        return copy;
    }

    /// <summary>A new node doing everything each of <paramref name="nodes"/> does.</summary>
    public static ReadNode Merge(IReadOnlyList<ReadNode> nodes)
    {
        if (nodes.Count == 1) return nodes[0];
        var merged = new ReadNode();
        foreach (var node in nodes)
        {
            merged.Requirements.AddRange(node.Requirements);
        }
        var names = nodes.SelectMany(n => n._properties.Select(p => p.Key)).Distinct().ToList();
        foreach (var name in names)
        {
            var children = nodes.SelectMany(n => n._properties.Where(p => p.Key == name).Select(p => p.Value)).ToList();
            merged._properties.Add(new KeyValuePair<string, ReadNode>(name, Merge(children)));
        }
        var indices = nodes.SelectMany(n => n._indices.Keys).Distinct().OrderBy(i => i).ToList();
        foreach (var index in indices)
        {
            var children = nodes.Where(n => n._indices.ContainsKey(index)).Select(n => n._indices[index]).ToList();
            merged._indices.Add(index, Merge(children));
        }
        return merged;
    }
}

/// <summary>
/// A scope of the read path: the record, or one array element of a projection. It owns the
/// slots its expressions read (declared where the scope starts) and the trie rooted at its value.
/// </summary>
internal sealed class ReadScope
{
    private readonly Dictionary<BoundExpression, ReadSlot> _slots = new();
    private readonly List<ReadSlot> _ordered = new();
    private int _projections;

    /// <summary>A record scope.</summary>
    public ReadScope(ReadNames names)
    {
        Names = names;
        Record = this;
    }

    /// <summary>The scope of an element of a projection in <paramref name="parent"/>.</summary>
    public ReadScope(ReadScope parent)
    {
        Names = parent.Names;
        Parent = parent;
        Record = parent.Record;
    }

    public ReadNames Names { get; }

    /// <summary>The scope this element scope is in; null for the record.</summary>
    public ReadScope? Parent { get; }

    /// <summary>The record scope: where <c>$$</c> paths are read (the scope itself at the record).</summary>
    public ReadScope Record { get; }

    /// <summary>True when the scope's expressions (or those of scopes in it) read the record with <c>$$</c>.</summary>
    public bool UsesRecord { get; private set; }

    /// <summary>Marks this scope and every enclosing element scope as reading the record.</summary>
    public void MarkUsesRecord()
    {
        for (var scope = this; scope is not null && scope != Record; scope = scope.Parent) scope.UsesRecord = true;
    }

    /// <summary>The next creation number of a projection of the record.</summary>
    public int NextProjectionOrder() => Record._projections++;

    public ReadNode Root { get; } = new();

    public IReadOnlyList<ReadSlot> Slots => _ordered;

    public ReadSlot? Find(BoundExpression key) => _slots.TryGetValue(key, out var slot) ? slot : null;

    public ReadSlot GetOrAdd(BoundExpression key, CrmType type, string typeName, string initialValue, out bool added)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            added = false;
            return slot;
        }
        slot = new ReadSlot(Names.Next("r"), typeName, initialValue, type);
        _slots.Add(key, slot);
        _ordered.Add(slot);
        added = true;
        return slot;
    }
}

/// <summary>Unique local names within one generated method.</summary>
internal sealed class ReadNames
{
    private int _next;

    public string Next(string prefix) => prefix + CSharpText.Int(_next++);
}
