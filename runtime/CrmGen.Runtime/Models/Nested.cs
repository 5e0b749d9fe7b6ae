using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>An e-mail address of a contact.</summary>
[UnifiedModel]
public sealed class EmailAddress
{
    /// <summary>The e-mail address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>The unique identifier of the e-mail address.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The e-mail address type.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
}

/// <summary>A phone number of a contact.</summary>
[UnifiedModel]
public sealed class PhoneNumber
{
    /// <summary>The phone number.</summary>
    [JsonPropertyName("number")] public string? Number { get; set; }

    /// <summary>The extension of the phone number.</summary>
    [JsonPropertyName("extension")] public string? Extension { get; set; }

    /// <summary>The unique identifier of the phone number.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The phone number type (phone, mobile, fax, work, home, other, assistant).</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
}

/// <summary>A postal address.</summary>
[UnifiedModel]
public sealed class Address
{
    /// <summary>The unique identifier of the address.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>Line 1 of the street address.</summary>
    [JsonPropertyName("street_1")] public string? Street1 { get; set; }

    /// <summary>Line 2 of the street address.</summary>
    [JsonPropertyName("street_2")] public string? Street2 { get; set; }

    /// <summary>The city.</summary>
    [JsonPropertyName("city")] public string? City { get; set; }

    /// <summary>The state.</summary>
    [JsonPropertyName("state")] public string? State { get; set; }

    /// <summary>The postal code.</summary>
    [JsonPropertyName("postal_code")] public string? PostalCode { get; set; }

    /// <summary>The country.</summary>
    [JsonPropertyName("country")] public string? Country { get; set; }

    /// <summary>The address type.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
}

/// <summary>A tag.</summary>
[UnifiedModel]
public sealed class Tag
{
    /// <summary>The tag's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The tag's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}

/// <summary>A URL of a contact.</summary>
[UnifiedModel]
public sealed class ContactUrl
{
    /// <summary>The URL.</summary>
    [JsonPropertyName("url")] public string? Url { get; set; }

    /// <summary>The URL type.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
}

/// <summary>A reference to an account (company).</summary>
[UnifiedModel]
public sealed class AccountReference
{
    /// <summary>The account's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The account's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}

/// <summary>A reference to a user who owns a record.</summary>
[UnifiedModel]
public sealed class OwnerReference
{
    /// <summary>The owner's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>A reference to a pipeline.</summary>
[UnifiedModel]
public sealed class PipelineReference
{
    /// <summary>The pipeline's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>A reference to any record by id.</summary>
[UnifiedModel]
public sealed class RecordReference
{
    /// <summary>The record's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>A reference to a pipeline stage.</summary>
[UnifiedModel]
public sealed class StageReference
{
    /// <summary>The stage's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The stage's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}
