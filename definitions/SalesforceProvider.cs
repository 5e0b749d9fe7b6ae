namespace CrmGen.Providers;

/// <summary>
/// Salesforce (REST API v60.0). The adapter is generated from <c>salesforce.crmmap</c>. The
/// integrated account needs the <c>access_token</c> credential and the <c>instance_url</c>
/// context value (the org's instance URL).
/// </summary>
[CrmProvider("salesforce")]
public sealed partial class SalesforceProvider
{
}
