using System;

namespace CrmGen.Sandbox;

/// <summary>Settings of a <see cref="CrmSandbox"/>: the credentials its emulators accept, its clock and its seed.</summary>
public sealed class CrmSandboxOptions
{
    /// <summary>The default HubSpot access token (a private app token or OAuth access token).</summary>
    public const string DefaultHubSpotAccessToken = "sandbox-hubspot-access-token";

    /// <summary>The default Close API key.</summary>
    public const string DefaultCloseApiKey = "sandbox-close-api-key";

    /// <summary>The access token HubSpot's emulator accepts as <c>Authorization: Bearer …</c>.</summary>
    public string HubSpotAccessToken { get; set; } = DefaultHubSpotAccessToken;

    /// <summary>The API key Close's emulator accepts as the HTTP Basic user name (empty password).</summary>
    public string CloseApiKey { get; set; } = DefaultCloseApiKey;

    /// <summary>The clock of record timestamps and rate-limit windows. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The seed of generated ids (Close's <c>pipe_…</c>, correlation ids): the same seed gives the same ids.</summary>
    public int Seed { get; set; } = 20240101;

    /// <summary>
    /// HubSpot's burst limit: requests per ten-second rolling window (100 for Free and Starter
    /// accounts, 190 for Professional and Enterprise).
    /// </summary>
    public int HubSpotRequestsPerTenSeconds { get; set; } = 100;

    /// <summary>Close's per-API-key limit: requests per second for an endpoint group.</summary>
    public int CloseRequestsPerSecond { get; set; } = 20;
}
