using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>A unified contact (a person in the CRM), with the wire names of <c>/unified/crm/contacts</c>.</summary>
[UnifiedModel("contacts")]
public sealed class Contact
{
    /// <summary>The contact's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The contact's first name.</summary>
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }

    /// <summary>The contact's last name.</summary>
    [JsonPropertyName("last_name")] public string? LastName { get; set; }

    /// <summary>The contact's full name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The contact's job title.</summary>
    [JsonPropertyName("title")] public string? Title { get; set; }

    /// <summary>The contact's job title as some providers name it separately (OnePageCRM).</summary>
    [JsonPropertyName("job_title")] public string? JobTitle { get; set; }

    /// <summary>A description of the contact.</summary>
    [JsonPropertyName("description")] public string? Description { get; set; }

    /// <summary>The account (company) the contact belongs to.</summary>
    [JsonPropertyName("account")] public AccountReference? Account { get; set; }

    /// <summary>The contact's owner.</summary>
    [JsonPropertyName("owner")] public OwnerReference? Owner { get; set; }

    /// <summary>The contact's e-mail addresses.</summary>
    [JsonPropertyName("email_addresses")] public List<EmailAddress>? EmailAddresses { get; set; }

    /// <summary>The contact's phone numbers.</summary>
    [JsonPropertyName("phone_numbers")] public List<PhoneNumber>? PhoneNumbers { get; set; }

    /// <summary>A single phone number, for providers that take one (Wix).</summary>
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }

    /// <summary>Phone numbers as the seed spells the field for Pipeliner (<c>phone_numbesr</c>).</summary>
    [JsonPropertyName("phone_numbesr")] public string? PhoneNumbesr { get; set; }

    /// <summary>The contact's postal addresses.</summary>
    [JsonPropertyName("addresses")] public List<Address>? Addresses { get; set; }

    /// <summary>The contact's tags.</summary>
    [JsonPropertyName("tags")] public List<Tag>? Tags { get; set; }

    /// <summary>The contact's URLs.</summary>
    [JsonPropertyName("urls")] public List<ContactUrl>? Urls { get; set; }

    /// <summary>Custom fields by name (values: string, long, decimal, bool, null, or a <c>JsonElement</c> for objects and arrays).</summary>
    [JsonPropertyName("custom_fields")] public Dictionary<string, object?>? CustomFields { get; set; }

    /// <summary>The version tag of the record, where the provider has one.</summary>
    [JsonPropertyName("etag")] public string? Etag { get; set; }

    /// <summary>When the contact's last activity happened.</summary>
    [JsonPropertyName("last_activity_at")] public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>When the contact was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the contact was last updated.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The provider's raw record.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}
