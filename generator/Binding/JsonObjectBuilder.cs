using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Groups write rows into nested provider JSON objects: <c>properties.email</c> and
/// <c>properties.firstname</c> share one <c>properties</c> object. Members keep the order in
/// which they first appear.
/// </summary>
internal sealed class JsonObjectBuilder
{
    private readonly List<Member> _members = new();
    private readonly Dictionary<string, Member> _byName = new(StringComparer.Ordinal);
    private bool _hasSpread;

    private sealed class Member
    {
        public string? Name;
        public BoundExpression? Value;
        public JsonObjectBuilder? Child;
        public bool IsSpread;
    }

    /// <summary>Adds <c>keys[0].keys[1]… &lt;- value</c>; false when the target is already written.</summary>
    public bool TryAdd(IReadOnlyList<string> keys, BoundExpression value)
    {
        if (keys.Count == 0) return false;
        var builder = Navigate(keys, keys.Count - 1);
        if (builder is null) return false;
        var name = keys[keys.Count - 1];
        if (builder._byName.ContainsKey(name)) return false;
        var member = new Member { Name = name, Value = value };
        builder._byName.Add(name, member);
        builder._members.Add(member);
        return true;
    }

    /// <summary>Adds <c>prefix.* &lt;- value</c> (the entries of a custom-field dictionary); false when that object already has one.</summary>
    public bool TryAddSpread(IReadOnlyList<string> prefix, BoundExpression value)
    {
        var builder = Navigate(prefix, prefix.Count);
        if (builder is null || builder._hasSpread) return false;
        builder._hasSpread = true;
        builder._members.Add(new Member { IsSpread = true, Value = value });
        return true;
    }

    private JsonObjectBuilder? Navigate(IReadOnlyList<string> keys, int count)
    {
        var builder = this;
        for (var i = 0; i < count; i++)
        {
            if (builder._byName.TryGetValue(keys[i], out var existing))
            {
                if (existing.Child is null) return null;
                builder = existing.Child;
                continue;
            }
            var child = new JsonObjectBuilder();
            var member = new Member { Name = keys[i], Child = child };
            builder._byName.Add(keys[i], member);
            builder._members.Add(member);
            builder = child;
        }
        return builder;
    }

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _members.Count == 0;

    /// <summary>The bound object.</summary>
    public BoundJsonObject Build()
    {
        var members = ImmutableArray.CreateBuilder<BoundJsonMember>(_members.Count);
        foreach (var member in _members)
        {
            if (member.IsSpread)
            {
                members.Add(new BoundJsonSpread(member.Value!));
            }
            else if (member.Child is not null)
            {
                members.Add(new BoundJsonProperty(member.Name!, member.Child.Build()));
            }
            else
            {
                members.Add(new BoundJsonProperty(member.Name!, member.Value!));
            }
        }
        return new BoundJsonObject(new EquatableArray<BoundJsonMember>(members.MoveToImmutable()));
    }
}
