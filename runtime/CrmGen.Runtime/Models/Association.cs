using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// A unified association request and result (<c>POST /unified/crm/associations</c>): links the
/// record <see cref="EntityId"/> of type <see cref="Entity"/> to the records listed in
/// <see cref="Associations"/>.
/// </summary>
[UnifiedModel("associations")]
public sealed class Association
{
    /// <summary>The unique identifier of the entity the links start from.</summary>
    [JsonPropertyName("entity_id")] public string? EntityId { get; set; }

    /// <summary>The type of the entity: <c>accounts</c>, <c>opportunities</c>, <c>contacts</c>…</summary>
    [JsonPropertyName("entity")] public string? Entity { get; set; }

    /// <summary>The records to link, by type.</summary>
    [JsonPropertyName("associations")] public AssociationLinks? Associations { get; set; }

    /// <summary>The provider's raw response.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}

/// <summary>The records an association links to, by type.</summary>
[UnifiedModel]
public sealed class AssociationLinks
{
    /// <summary>Accounts to link.</summary>
    [JsonPropertyName("accounts")] public List<RecordReference>? Accounts { get; set; }

    /// <summary>Contacts to link.</summary>
    [JsonPropertyName("contacts")] public List<RecordReference>? Contacts { get; set; }

    /// <summary>Leads to link.</summary>
    [JsonPropertyName("leads")] public List<RecordReference>? Leads { get; set; }

    /// <summary>Opportunities to link.</summary>
    [JsonPropertyName("opportunities")] public List<RecordReference>? Opportunities { get; set; }
}
