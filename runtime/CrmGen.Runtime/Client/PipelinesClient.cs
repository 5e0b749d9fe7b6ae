namespace CrmGen;

/// <summary>Pipelines: named, ordered groups of stages (<c>/unified/crm/pipelines</c>).</summary>
public sealed class PipelinesClient : CrmResourceClient<Pipeline>
{
    internal PipelinesClient(CrmClient client) : base(client, "pipelines")
    {
    }
}
