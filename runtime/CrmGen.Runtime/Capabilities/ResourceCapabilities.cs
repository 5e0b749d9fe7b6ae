using System;
using System.Collections.Generic;

namespace CrmGen;

/// <summary>The operations a provider defines on one resource (e.g. <c>contacts</c>), by name.</summary>
public sealed class ResourceCapabilities
{
    /// <summary>Creates the description.</summary>
    /// <param name="name">The resource name, e.g. <c>contacts</c>.</param>
    /// <param name="operations">The operations; names must be distinct.</param>
    /// <exception cref="ArgumentException">Two operations have the same name.</exception>
    public ResourceCapabilities(string name, IEnumerable<OperationCapabilities> operations)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(operations);
        Name = name;
        var byName = new SortedDictionary<string, OperationCapabilities>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            ArgumentNullException.ThrowIfNull(operation, nameof(operations));
            if (!byName.TryAdd(operation.Name, operation))
            {
                throw new ArgumentException($"Resource '{name}' lists the operation '{operation.Name}' twice.", nameof(operations));
            }
        }
        Operations = byName;
    }

    /// <summary>The resource name.</summary>
    public string Name { get; }

    /// <summary>The operations by name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, OperationCapabilities> Operations { get; }
}
