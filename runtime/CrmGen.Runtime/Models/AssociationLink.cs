using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// One link between two records: what a provider's <c>association_links</c> operations create.
/// The unified <see cref="Association"/> request (one entity linked to many records) is carried
/// out as one <see cref="AssociationLink"/> per linked record. A provider defines either a
/// generic <c>create</c> operation for every pair, or an <c>action link_{entity}_{target}</c>
/// per pair it supports (e.g. <c>link_accounts_contacts</c>); a pair with neither cannot be linked.
/// </summary>
[UnifiedModel("association_links")]
public sealed class AssociationLink
{
    /// <summary>The type of the record the link starts from: <c>accounts</c>, <c>contacts</c>, <c>leads</c> or <c>opportunities</c>.</summary>
    [JsonPropertyName("entity")] public string? Entity { get; set; }

    /// <summary>The id of the record the link starts from.</summary>
    [JsonPropertyName("entity_id")] public string? EntityId { get; set; }

    /// <summary>The type of the linked record: <c>accounts</c>, <c>contacts</c>, <c>leads</c> or <c>opportunities</c>.</summary>
    [JsonPropertyName("target")] public string? Target { get; set; }

    /// <summary>The id of the linked record.</summary>
    [JsonPropertyName("target_id")] public string? TargetId { get; set; }

    /// <summary>The provider's id of the link, where it has one.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The provider's raw response.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}
