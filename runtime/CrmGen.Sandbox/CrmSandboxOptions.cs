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

    /// <summary>The default Salesforce OAuth access token.</summary>
    public const string DefaultSalesforceAccessToken = "sandbox-salesforce-access-token";

    /// <summary>The OAuth access token Salesforce's emulator accepts as <c>Authorization: Bearer …</c> (or <c>OAuth …</c>).</summary>
    public string SalesforceAccessToken { get; set; } = DefaultSalesforceAccessToken;

    /// <summary>Salesforce's daily API request allocation of the org (15,000 for a Developer Edition org), reported in <c>Sforce-Limit-Info</c>.</summary>
    public int SalesforceApiRequestsPerDay { get; set; } = 15_000;

    /// <summary>The default Pipedrive API token.</summary>
    public const string DefaultPipedriveApiToken = "sandbox-pipedrive-api-token";

    /// <summary>The API token Pipedrive's emulator accepts in the <c>x-api-token</c> header or the <c>api_token</c> query parameter.</summary>
    public string PipedriveApiToken { get; set; } = DefaultPipedriveApiToken;

    /// <summary>The OAuth access token Pipedrive's emulator accepts as <c>Authorization: Bearer …</c>.</summary>
    public string PipedriveAccessToken { get; set; } = "sandbox-pipedrive-access-token";

    /// <summary>
    /// Pipedrive's burst limit for an API token: requests per two-second window (20 on the
    /// Essential plan; OAuth access tokens get four times as many).
    /// </summary>
    public int PipedriveRequestsPerTwoSeconds { get; set; } = 20;

    /// <summary>The default HighLevel access token (a sub-account OAuth access token or Private Integration Token).</summary>
    public const string DefaultHighLevelAccessToken = "sandbox-highlevel-access-token";

    /// <summary>The default HighLevel location (sub-account) id.</summary>
    public const string DefaultHighLevelLocationId = "sbxLocation0000000001";

    /// <summary>The access token HighLevel's emulator accepts as <c>Authorization: Bearer …</c>.</summary>
    public string HighLevelAccessToken { get; set; } = DefaultHighLevelAccessToken;

    /// <summary>The location (sub-account) HighLevel's access token belongs to: requests for another location are refused (403).</summary>
    public string HighLevelLocationId { get; set; } = DefaultHighLevelLocationId;

    /// <summary>HighLevel's burst limit: requests per ten seconds per app and location (100).</summary>
    public int HighLevelRequestsPerTenSeconds { get; set; } = 100;

    /// <summary>HighLevel's daily limit: requests per day per app and location (200,000).</summary>
    public int HighLevelRequestsPerDay { get; set; } = 200_000;
}
