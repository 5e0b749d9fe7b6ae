using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>A contact record held by the HubSpot emulator.</summary>
public sealed class HubSpotContact
{
    internal HubSpotContact(string id, IReadOnlyDictionary<string, string> properties, IReadOnlyList<HubSpotAssociation> associations, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        Properties = properties;
        Associations = associations;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>The record id (numeric, as a string).</summary>
    public string Id { get; }

    /// <summary>Every property value, as HubSpot stores them: strings, including <c>createdate</c>, <c>lastmodifieddate</c> and <c>hs_object_id</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The associations given at creation.</summary>
    public IReadOnlyList<HubSpotAssociation> Associations { get; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the record was last modified.</summary>
    public DateTimeOffset UpdatedAt { get; }
}

/// <summary>An association given when a record was created: the other record and the association types.</summary>
/// <param name="ToId">The id of the associated record.</param>
/// <param name="Types">The association types (category and type id).</param>
public sealed record HubSpotAssociation(string ToId, IReadOnlyList<HubSpotAssociationType> Types);

/// <summary>An association type.</summary>
/// <param name="Category"><c>HUBSPOT_DEFINED</c>, <c>USER_DEFINED</c> or <c>INTEGRATOR_DEFINED</c>.</param>
/// <param name="TypeId">The association type id (e.g. 279 for contact to company).</param>
public sealed record HubSpotAssociationType(string Category, int TypeId);
