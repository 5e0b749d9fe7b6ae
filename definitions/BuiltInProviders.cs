using System.Collections.Generic;

namespace CrmGen.Providers;

/// <summary>The providers that ship with CrmGen.</summary>
public static class BuiltInProviders
{
    /// <summary>Every built-in provider adapter.</summary>
    public static IReadOnlyList<ICrmProvider> All { get; } = new ICrmProvider[]
    {
        CloseProvider.Instance,
        HighLevelProvider.Instance,
        HubSpotProvider.Instance,
        PipedriveProvider.Instance,
        SalesforceProvider.Instance,
    };
}
