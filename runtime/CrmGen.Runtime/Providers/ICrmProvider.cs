using System;
using System.Collections.Generic;

namespace CrmGen;

/// <summary>
/// A CRM provider adapter. Implemented by the generator on every <c>[CrmProvider]</c> class
/// from its .crmmap definition.
/// </summary>
public interface ICrmProvider
{
    /// <summary>The provider name, e.g. <c>hubspot</c>.</summary>
    string Name { get; }

    /// <summary>The human-readable name, e.g. <c>HubSpot</c>.</summary>
    string DisplayName { get; }

    /// <summary>Every operation the provider defines.</summary>
    IReadOnlyList<CrmOperation> Operations { get; }

    /// <summary>The names of the credentials the provider's auth reads (e.g. <c>access_token</c>).</summary>
    IReadOnlyList<string> CredentialNames { get; }

    /// <summary>The account context values the provider declares (e.g. <c>location_id</c>).</summary>
    IReadOnlyList<CrmContextValue> ContextValues { get; }

    /// <summary>Finds an operation by resource and operation name, or null.</summary>
    CrmOperation? FindOperation(string resource, string operation);

    /// <summary>
    /// Applies what every request of the provider carries: the base address (with account
    /// context), authentication and fixed headers.
    /// </summary>
    void PrepareRequest(CrmRequestBuilder request, IntegratedAccount account);

    /// <summary>Reads the provider's error body (its <c>errors</c> mapping); never throws on odd input.</summary>
    CrmProviderError ReadError(ReadOnlySpan<byte> utf8Json);
}

/// <summary>A context value a provider declares.</summary>
/// <param name="Name">The name used in .crmmap files and in <see cref="IntegratedAccount.Context"/>.</param>
/// <param name="IsRequired">True when every request needs it.</param>
public sealed record CrmContextValue(string Name, bool IsRequired);

/// <summary>What a provider's error body says.</summary>
/// <param name="Message">The provider's message, if any.</param>
/// <param name="Code">The provider's error code or category, if any.</param>
public readonly record struct CrmProviderError(string? Message, string? Code);
