using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen.Benchmarks.Read;

/// <summary>
/// Variant (c): what a .NET team writes today: System.Text.Json deserialises the response into
/// provider DTOs (source-generated metadata, the fastest way to use the serializer), then a hand
/// mapping builds the unified contacts. Same mapping rules as the .crmmap read blocks.
/// </summary>
public static class DtoReaders
{
    private static readonly HashSet<string> HubSpotMapped = new(StringComparer.Ordinal)
    {
        "hs_object_id", "firstname", "lastname", "jobtitle", "email", "phone", "mobilephone", "address", "city",
        "state", "zip", "country", "associatedcompanyid", "company", "createdate", "lastmodifieddate", "notes_last_updated",
    };

    /// <summary>A HubSpot CRM v3 contacts list page.</summary>
    public static CrmPage<Contact> ReadHubSpotPage(ReadOnlySpan<byte> utf8Json)
    {
        var page = JsonSerializer.Deserialize(utf8Json, ProviderDtoContext.Default.HubSpotListResponse)!;
        var contacts = new List<Contact>(page.Results?.Count ?? 0);
        if (page.Results is not null)
        {
            foreach (var record in page.Results)
            {
                if (record is not null) contacts.Add(MapHubSpot(record));
            }
        }
        return new CrmPage<Contact>(contacts, page.Paging?.Next?.After);
    }

    /// <summary>A Salesforce SOQL query page of contacts.</summary>
    public static CrmPage<Contact> ReadSalesforcePage(ReadOnlySpan<byte> utf8Json)
    {
        var page = JsonSerializer.Deserialize(utf8Json, ProviderDtoContext.Default.SalesforceQueryResponse)!;
        var contacts = new List<Contact>(page.Records?.Count ?? 0);
        if (page.Records is not null)
        {
            foreach (var record in page.Records)
            {
                if (record is null) continue;
                var emails = new List<EmailAddress>(1);
                if (record.Email is not null) emails.Add(new EmailAddress { Email = record.Email, Type = "work" });
                contacts.Add(new Contact
                {
                    Id = record.Id,
                    FirstName = record.FirstName,
                    LastName = record.LastName,
                    Name = record.Name,
                    EmailAddresses = emails,
                    CreatedAt = ParseDateTime(record.CreatedDate),
                    UpdatedAt = ParseDateTime(record.LastModifiedDate),
                    CustomFields = SalesforceCustomFields(record.Other),
                });
            }
        }
        return new CrmPage<Contact>(contacts, page.NextRecordsUrl);
    }

    /// <summary>The members the DTO does not declare whose names end in <c>__c</c>: the custom fields the query selected.</summary>
    private static Dictionary<string, object?>? SalesforceCustomFields(Dictionary<string, JsonElement>? other)
    {
        if (other is null) return null;
        Dictionary<string, object?>? custom = null;
        foreach (var (name, value) in other)
        {
            if (!name.EndsWith("__c", StringComparison.Ordinal)) continue;
            (custom ??= new Dictionary<string, object?>())[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer : value.TryGetDecimal(out var number) ? number : value.GetDouble(),
                _ => value.Clone(),
            };
        }
        return custom;
    }

    private static Contact MapHubSpot(HubSpotObjectDto record)
    {
        var p = record.Properties ?? new Dictionary<string, string?>();
        string? Get(string name) => p.TryGetValue(name, out var value) ? value : null;
        var first = Get("firstname");
        var last = Get("lastname");
        var emails = new List<EmailAddress>(1);
        if (Get("email") is { } email) emails.Add(new EmailAddress { Email = email, Type = "work" });
        var phones = new List<PhoneNumber>(2);
        if (Get("phone") is { } phone) phones.Add(new PhoneNumber { Number = phone, Type = "phone" });
        if (Get("mobilephone") is { } mobile) phones.Add(new PhoneNumber { Number = mobile, Type = "mobile" });
        var addresses = new List<Address>(1);
        string? street = Get("address"), city = Get("city"), zip = Get("zip"), country = Get("country");
        if (street is not null || city is not null || zip is not null || country is not null)
        {
            addresses.Add(new Address { Street1 = street, City = city, State = Get("state"), PostalCode = zip, Country = country });
        }
        Dictionary<string, object?>? custom = null;
        foreach (var pair in p)
        {
            if (!HubSpotMapped.Contains(pair.Key)) (custom ??= new Dictionary<string, object?>())[pair.Key] = pair.Value;
        }
        var companyId = Get("associatedcompanyid");
        return new Contact
        {
            Id = record.Id ?? Get("hs_object_id"),
            FirstName = first,
            LastName = last,
            Name = HandWrittenReaders.FullName(first, last),
            Title = Get("jobtitle"),
            EmailAddresses = emails,
            PhoneNumbers = phones,
            Addresses = addresses,
            Account = companyId is not null ? new AccountReference { Id = companyId, Name = Get("company") } : null,
            CreatedAt = ParseDateTime(Get("createdate")) ?? record.CreatedAt,
            UpdatedAt = ParseDateTime(Get("lastmodifieddate")) ?? record.UpdatedAt,
            LastActivityAt = ParseDateTime(Get("notes_last_updated")),
            CustomFields = custom,
        };
    }

    private static DateTimeOffset? ParseDateTime(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>HubSpot's list response.</summary>
public sealed class HubSpotListResponse
{
    /// <summary>The records.</summary>
    [JsonPropertyName("results")] public List<HubSpotObjectDto?>? Results { get; set; }

    /// <summary>The paging block.</summary>
    [JsonPropertyName("paging")] public HubSpotPaging? Paging { get; set; }
}

/// <summary>A HubSpot CRM object.</summary>
public sealed class HubSpotObjectDto
{
    /// <summary>The object id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>Property values (always strings or null).</summary>
    [JsonPropertyName("properties")] public Dictionary<string, string?>? Properties { get; set; }

    /// <summary>Created.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Updated.</summary>
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Archived.</summary>
    [JsonPropertyName("archived")] public bool Archived { get; set; }
}

/// <summary>HubSpot's paging block.</summary>
public sealed class HubSpotPaging
{
    /// <summary>The next page.</summary>
    [JsonPropertyName("next")] public HubSpotNextPage? Next { get; set; }
}

/// <summary>HubSpot's next-page cursor.</summary>
public sealed class HubSpotNextPage
{
    /// <summary>The cursor.</summary>
    [JsonPropertyName("after")] public string? After { get; set; }

    /// <summary>The next page's link.</summary>
    [JsonPropertyName("link")] public string? Link { get; set; }
}

/// <summary>Salesforce's query response.</summary>
public sealed class SalesforceQueryResponse
{
    /// <summary>Records matched in all.</summary>
    [JsonPropertyName("totalSize")] public int TotalSize { get; set; }

    /// <summary>True on the last batch.</summary>
    [JsonPropertyName("done")] public bool Done { get; set; }

    /// <summary>The next batch's path.</summary>
    [JsonPropertyName("nextRecordsUrl")] public string? NextRecordsUrl { get; set; }

    /// <summary>The records.</summary>
    [JsonPropertyName("records")] public List<SalesforceContactDto?>? Records { get; set; }
}

/// <summary>A Salesforce Contact as the query selects it.</summary>
public sealed class SalesforceContactDto
{
    /// <summary>The record id.</summary>
    [JsonPropertyName("Id")] public string? Id { get; set; }

    /// <summary>First name.</summary>
    [JsonPropertyName("FirstName")] public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("LastName")] public string? LastName { get; set; }

    /// <summary>Full name.</summary>
    [JsonPropertyName("Name")] public string? Name { get; set; }

    /// <summary>E-mail.</summary>
    [JsonPropertyName("Email")] public string? Email { get; set; }

    /// <summary>Created (Salesforce's <c>+0000</c> form, which the serializer does not parse as a date).</summary>
    [JsonPropertyName("CreatedDate")] public string? CreatedDate { get; set; }

    /// <summary>Last modified.</summary>
    [JsonPropertyName("LastModifiedDate")] public string? LastModifiedDate { get; set; }

    /// <summary>Every other member: <c>attributes</c> and the custom fields (<c>…__c</c>) the query selected.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>HubSpot's contact create body.</summary>
public sealed class HubSpotCreateBody
{
    /// <summary>Property values by internal name.</summary>
    [JsonPropertyName("properties")] public Dictionary<string, object?> Properties { get; set; } = new();

    /// <summary>Associations created with the record.</summary>
    [JsonPropertyName("associations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<HubSpotAssociationInput>? Associations { get; set; }
}

/// <summary>One association of a create body.</summary>
public sealed class HubSpotAssociationInput
{
    /// <summary>The associated record.</summary>
    [JsonPropertyName("to")] public HubSpotAssociationTarget To { get; set; } = new();

    /// <summary>The association types.</summary>
    [JsonPropertyName("types")] public List<HubSpotAssociationTypeInput> Types { get; set; } = new();
}

/// <summary>The associated record.</summary>
public sealed class HubSpotAssociationTarget
{
    /// <summary>Its id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>An association type.</summary>
public sealed class HubSpotAssociationTypeInput
{
    /// <summary>HUBSPOT_DEFINED, USER_DEFINED or INTEGRATOR_DEFINED.</summary>
    [JsonPropertyName("associationCategory")] public string AssociationCategory { get; set; } = "";

    /// <summary>The type id.</summary>
    [JsonPropertyName("associationTypeId")] public long AssociationTypeId { get; set; }
}

/// <summary>Salesforce's Contact create body.</summary>
public sealed class SalesforceContactCreateBody
{
    /// <summary>First name.</summary>
    [JsonPropertyName("FirstName")] public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("LastName")] public string? LastName { get; set; }

    /// <summary>E-mail.</summary>
    [JsonPropertyName("Email")] public string? Email { get; set; }
}

/// <summary>Source-generated serializer metadata for the provider DTOs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HubSpotListResponse))]
[JsonSerializable(typeof(SalesforceQueryResponse))]
[JsonSerializable(typeof(HubSpotCreateBody))]
[JsonSerializable(typeof(SalesforceContactCreateBody))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
public sealed partial class ProviderDtoContext : JsonSerializerContext
{
}
