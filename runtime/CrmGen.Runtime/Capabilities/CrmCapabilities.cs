using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// What a set of providers can do, queryable at run time: per provider, per resource, per
/// operation, the unified fields (wire names) the operation supports and requires. Built from
/// the field lists the generator emits on every operation
/// (<see cref="CrmOperation.RequiredFields"/>, <see cref="CrmOperation.WrittenFields"/>,
/// <see cref="CrmOperation.ReadFields"/>).
/// </summary>
/// <remarks>
/// The JSON form (<see cref="ToJson(bool)"/>, or <c>System.Text.Json</c> with this type) is
/// <code>
/// { "&lt;provider&gt;": { "&lt;resource&gt;": { "&lt;operation&gt;": {
///     "supported": [...], "required": [...], "written": [...], "read": [...] } } } }
/// </code>
/// where <c>supported</c> is every field the operation maps (<c>written</c> ∪ <c>read</c>),
/// <c>required</c> the fields a call must set, <c>written</c> the fields sent to the provider and
/// <c>read</c> the fields of the unified result. Keys and lists are in ordinal order.
/// </remarks>
/// <example>
/// <code>
/// var capabilities = CrmCapabilities.Describe(BuiltInProviders.All);
/// bool canCreate = capabilities.FindOperation("hubspot", "contacts", "create") is not null;
/// Console.WriteLine(capabilities.ToJson());
/// </code>
/// </example>
[JsonConverter(typeof(CrmCapabilitiesJsonConverter))]
public sealed class CrmCapabilities
{
    /// <summary>Creates the description from per-provider descriptions.</summary>
    /// <param name="providers">The providers; names must be distinct (ordinal, ignoring case).</param>
    /// <exception cref="ArgumentException">Two providers have the same name.</exception>
    public CrmCapabilities(IEnumerable<ProviderCapabilities> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var byName = new SortedDictionary<string, ProviderCapabilities>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            ArgumentNullException.ThrowIfNull(provider, nameof(providers));
            if (!seen.Add(provider.Name))
            {
                throw new ArgumentException($"Two providers are named '{provider.Name}'.", nameof(providers));
            }
            byName.Add(provider.Name, provider);
        }
        Providers = byName;
    }

    /// <summary>The providers by name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, ProviderCapabilities> Providers { get; }

    /// <summary>Describes the given provider adapters, e.g. <c>BuiltInProviders.All</c> or <c>client.Providers</c>.</summary>
    /// <exception cref="ArgumentException">Two providers have the same name, or one lists an operation twice.</exception>
    public static CrmCapabilities Describe(IEnumerable<ICrmProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        return new CrmCapabilities(providers.Select(p => ProviderCapabilities.From(p ?? throw new ArgumentException("The provider list contains null.", nameof(providers)))));
    }

    /// <summary>Describes one provider adapter.</summary>
    public static ProviderCapabilities Describe(ICrmProvider provider) => ProviderCapabilities.From(provider);

    /// <summary>The description of one operation, or null when that provider is not described or does not define it.</summary>
    /// <param name="provider">The provider name (case-insensitive).</param>
    /// <param name="resource">The resource, e.g. <c>contacts</c>.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    public OperationCapabilities? FindOperation(string provider, string resource, string operation)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (Providers.TryGetValue(provider, out var found)) return found.FindOperation(resource, operation);
        foreach (var (name, candidate) in Providers)
        {
            if (string.Equals(name, provider, StringComparison.OrdinalIgnoreCase)) return candidate.FindOperation(resource, operation);
        }
        return null;
    }

    /// <summary>Writes the JSON form (see the remarks of <see cref="CrmCapabilities"/>).</summary>
    public void WriteTo(Utf8JsonWriter writer) => CapabilitiesJson.Write(writer, this);

    /// <summary>The JSON form (see the remarks of <see cref="CrmCapabilities"/>).</summary>
    /// <param name="indented">True for indented output.</param>
    public string ToJson(bool indented = true) => Render(writer => CapabilitiesJson.Write(writer, this), indented);

    /// <summary>The JSON form of one provider: <c>{ "&lt;resource&gt;": { "&lt;operation&gt;": { … } } }</c>.</summary>
    /// <param name="provider">The provider's description.</param>
    /// <param name="indented">True for indented output.</param>
    public static string ToJson(ProviderCapabilities provider, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return Render(writer => CapabilitiesJson.Write(writer, provider), indented);
    }

    /// <summary>Reads the JSON form back (e.g. a description another process printed).</summary>
    /// <exception cref="JsonException">The text is not JSON of that form.</exception>
    public static CrmCapabilities Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var result = CapabilitiesJson.ReadAll(ref reader);
        if (reader.Read()) throw new JsonException("Unexpected data after the capabilities object.");
        return result;
    }

    private static string Render(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
