using System;
using System.Collections.Generic;

namespace CrmGen;

/// <summary>What <see cref="CrmGenServiceCollectionExtensions.AddCrmGen"/> registers.</summary>
public sealed class CrmGenOptions
{
    private readonly List<ICrmProvider> _providers = new();

    /// <summary>Creates options with default client settings.</summary>
    public CrmGenOptions()
        : this(new CrmClientOptions())
    {
    }

    internal CrmGenOptions(CrmClientOptions client) => Client = client;

    /// <summary>
    /// The settings of every <see cref="CrmClient"/> the container creates (retries, timeout,
    /// clock, normalization). Every <c>AddCrmGen</c> call of one service collection configures the
    /// same instance.
    /// </summary>
    public CrmClientOptions Client { get; }

    /// <summary>The providers to register, in the order added.</summary>
    public IReadOnlyList<ICrmProvider> Providers => _providers;

    /// <summary>Registers a provider adapter (e.g. <c>HubSpotProvider.Instance</c>).</summary>
    /// <returns>These options, for chaining.</returns>
    public CrmGenOptions AddProvider(ICrmProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _providers.Add(provider);
        return this;
    }

    /// <summary>Registers several provider adapters (e.g. <c>BuiltInProviders.All</c>).</summary>
    /// <returns>These options, for chaining.</returns>
    public CrmGenOptions AddProviders(IEnumerable<ICrmProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers) AddProvider(provider);
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => $"CrmGenOptions {{ Providers = [{string.Join(", ", _providers.ConvertAll(p => p.Name))}], Client = {Client} }}";
}
