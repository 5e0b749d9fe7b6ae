using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>A unified opportunity (a deal), with the wire names of <c>/unified/crm/opportunities</c>.</summary>
[UnifiedModel("opportunities")]
public sealed class Opportunity
{
    /// <summary>The opportunity's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The opportunity's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The opportunity's description.</summary>
    [JsonPropertyName("description")] public string? Description { get; set; }

    /// <summary>The opportunity's amount.</summary>
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    [JsonPropertyName("currency")] public string? Currency { get; set; }

    /// <summary>The opportunity's owner.</summary>
    [JsonPropertyName("owner")] public OwnerReference? Owner { get; set; }

    /// <summary>The opportunity's account.</summary>
    [JsonPropertyName("account")] public AccountReference? Account { get; set; }

    /// <summary>The opportunity's contacts (the wire name is singular, as in the unified API).</summary>
    [JsonPropertyName("contact")] public List<RecordReference>? Contacts { get; set; }

    /// <summary>The opportunity's stage.</summary>
    [JsonPropertyName("stage")] public StageReference? Stage { get; set; }

    /// <summary>The opportunity's status.</summary>
    [JsonPropertyName("status")] public string? Status { get; set; }

    /// <summary>The opportunity's tags.</summary>
    [JsonPropertyName("tags")] public List<Tag>? Tags { get; set; }

    /// <summary>The opportunity's URLs.</summary>
    [JsonPropertyName("urls")] public List<ContactUrl>? Urls { get; set; }

    /// <summary>Custom fields by name.</summary>
    [JsonPropertyName("custom_fields")] public Dictionary<string, object?>? CustomFields { get; set; }

    /// <summary>When the opportunity's last activity happened.</summary>
    [JsonPropertyName("last_activity_at")] public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The opportunity's close date.</summary>
    [JsonPropertyName("close_date")] public DateTimeOffset? CloseDate { get; set; }

    /// <summary>When the opportunity was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the opportunity was last updated.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The provider's raw record.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}
