using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>A unified account (a company in the CRM), with the wire names of <c>/unified/crm/accounts</c>.</summary>
[UnifiedModel("accounts")]
public sealed class Account
{
    /// <summary>The account's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The account's owner.</summary>
    [JsonPropertyName("owner")] public OwnerReference? Owner { get; set; }

    /// <summary>The account's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The account's description.</summary>
    [JsonPropertyName("description")] public string? Description { get; set; }

    /// <summary>The account's industry.</summary>
    [JsonPropertyName("industry")] public string? Industry { get; set; }

    /// <summary>The account's website.</summary>
    [JsonPropertyName("website")] public string? Website { get; set; }

    /// <summary>The account's number of employees.</summary>
    [JsonPropertyName("number_of_employees")] public long? NumberOfEmployees { get; set; }

    /// <summary>The account's postal addresses.</summary>
    [JsonPropertyName("addresses")] public List<Address>? Addresses { get; set; }

    /// <summary>The account's phone numbers.</summary>
    [JsonPropertyName("phone_numbers")] public List<PhoneNumber>? PhoneNumbers { get; set; }

    /// <summary>The account's URLs.</summary>
    [JsonPropertyName("urls")] public List<ContactUrl>? Urls { get; set; }

    /// <summary>The account's tags.</summary>
    [JsonPropertyName("tags")] public List<Tag>? Tags { get; set; }

    /// <summary>Custom fields by name.</summary>
    [JsonPropertyName("custom_fields")] public Dictionary<string, object?>? CustomFields { get; set; }

    /// <summary>When the account's last activity happened.</summary>
    [JsonPropertyName("last_activity_at")] public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>When the account was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the account was last updated.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The provider's raw record.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}
