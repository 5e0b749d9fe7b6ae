namespace CrmGen.Providers;

/// <summary>Close (API v1). The adapter is generated from <c>close.crmmap</c>.</summary>
[CrmProvider("close")]
public sealed partial class CloseProvider
{
}
