using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>A unified CRM user, with the wire names of <c>/unified/crm/users</c>.</summary>
[UnifiedModel("users")]
public sealed class User
{
    /// <summary>The user's unique identifier.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The user's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The user's e-mail address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>Whether the user is active.</summary>
    [JsonPropertyName("is_active")] public bool? IsActive { get; set; }

    /// <summary>The user's URLs.</summary>
    [JsonPropertyName("urls")] public List<ContactUrl>? Urls { get; set; }

    /// <summary>When the user was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the user was last updated.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The provider's raw record.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}
