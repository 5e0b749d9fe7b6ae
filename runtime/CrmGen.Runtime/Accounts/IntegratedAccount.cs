using System;
using System.Collections.Generic;

namespace CrmGen;

/// <summary>
/// One customer's connection to one CRM: the provider, its credentials and its context values
/// (such as HighLevel's <c>location_id</c> or Salesforce's <c>instance_url</c>).
/// </summary>
public sealed class IntegratedAccount
{
    /// <summary>Creates an account.</summary>
    /// <param name="provider">The provider name, e.g. <c>hubspot</c>.</param>
    /// <param name="credentials">The secrets its auth reads.</param>
    /// <param name="context">Context values; may be null.</param>
    public IntegratedAccount(string provider, CrmCredentials credentials, IReadOnlyDictionary<string, string>? context = null)
    {
        if (string.IsNullOrWhiteSpace(provider)) throw new ArgumentException("A provider name is required.", nameof(provider));
        Provider = provider;
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        Context = context ?? new Dictionary<string, string>();
    }

    /// <summary>An identifier of the account for messages and logs (never a secret).</summary>
    public string Id { get; init; } = "default";

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The credentials (redacted in <see cref="ToString"/>).</summary>
    public CrmCredentials Credentials { get; }

    /// <summary>Context values by name.</summary>
    public IReadOnlyDictionary<string, string> Context { get; }

    /// <summary>
    /// Replaces the provider's base URL (e.g. a sandbox on loopback). Null: the .crmmap <c>base_url</c>.
    /// </summary>
    public Uri? BaseAddressOverride { get; init; }

    /// <summary>A credential the provider's auth needs; throws <see cref="CrmConfigurationException"/> naming it (not its value) when missing.</summary>
    public string GetCredential(string name)
    {
        if (Credentials.TryGet(name, out var value) && !string.IsNullOrEmpty(value)) return value;
        throw new CrmConfigurationException($"Integrated account '{Id}' ({Provider}) has no credential '{name}'.");
    }

    /// <summary>A context value, or null.</summary>
    public string? GetContext(string name) => Context.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>A required context value; throws <see cref="CrmConfigurationException"/> naming it when missing.</summary>
    public string GetRequiredContext(string name)
        => GetContext(name) ?? throw new CrmConfigurationException($"Integrated account '{Id}' ({Provider}) has no context value '{name}', which the provider requires.");

    /// <summary>
    /// This account with <paramref name="overrides"/> merged over its context values (same id,
    /// provider, credentials and base address); this account itself when there is nothing to
    /// merge. An empty value unsets a context value for the copy.
    /// </summary>
    /// <param name="overrides">Context values that win over the account's, e.g. a request's <see cref="CrmRequestOptions.Context"/>.</param>
    public IntegratedAccount WithContext(IReadOnlyDictionary<string, string>? overrides)
    {
        if (overrides is null || overrides.Count == 0) return this;
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Context) merged[pair.Key] = pair.Value;
        foreach (var pair in overrides)
        {
            if (pair.Key is null) continue;
            merged[pair.Key] = pair.Value ?? "";
        }
        return new IntegratedAccount(Provider, Credentials, merged) { Id = Id, BaseAddressOverride = BaseAddressOverride };
    }

    /// <inheritdoc />
    public override string ToString() => $"IntegratedAccount {{ Id = {Id}, Provider = {Provider}, Credentials = {Credentials} }}";
}
