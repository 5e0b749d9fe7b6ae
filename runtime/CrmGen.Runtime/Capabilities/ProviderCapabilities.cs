using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// What one provider can do: its resources, their operations, and per operation the unified
/// fields it supports and requires. Serialises (<see cref="CrmCapabilities.ToJson(ProviderCapabilities, bool)"/>
/// or <c>System.Text.Json</c>) as <c>{ "&lt;resource&gt;": { "&lt;operation&gt;": { "supported": [...], "required": [...], "written": [...], "read": [...] } } }</c>.
/// </summary>
[JsonConverter(typeof(ProviderCapabilitiesJsonConverter))]
public sealed class ProviderCapabilities
{
    /// <summary>Creates the description.</summary>
    /// <param name="name">The provider name, e.g. <c>hubspot</c>.</param>
    /// <param name="resources">The resources; names must be distinct.</param>
    /// <exception cref="ArgumentException">Two resources have the same name.</exception>
    public ProviderCapabilities(string name, IEnumerable<ResourceCapabilities> resources)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(resources);
        Name = name;
        var byName = new SortedDictionary<string, ResourceCapabilities>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            ArgumentNullException.ThrowIfNull(resource, nameof(resources));
            if (!byName.TryAdd(resource.Name, resource))
            {
                throw new ArgumentException($"Provider '{name}' lists the resource '{resource.Name}' twice.", nameof(resources));
            }
        }
        Resources = byName;
    }

    /// <summary>The provider name.</summary>
    public string Name { get; }

    /// <summary>The resources by name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, ResourceCapabilities> Resources { get; }

    /// <summary>Describes a provider adapter from its generated operations.</summary>
    /// <exception cref="ArgumentException">The provider lists one operation twice.</exception>
    public static ProviderCapabilities From(ICrmProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var resources = provider.Operations
            .GroupBy(o => o.Resource, StringComparer.Ordinal)
            .Select(g => new ResourceCapabilities(g.Key, g.Select(OperationCapabilities.From)));
        return new ProviderCapabilities(provider.Name, resources);
    }

    /// <summary>The description of one operation, or null when the provider does not define it.</summary>
    /// <param name="resource">The resource, e.g. <c>contacts</c>.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    public OperationCapabilities? FindOperation(string resource, string operation)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operation);
        return Resources.TryGetValue(resource, out var r) && r.Operations.TryGetValue(operation, out var o) ? o : null;
    }
}
