using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>A company, deal or lead record held by the HubSpot emulator.</summary>
public sealed class HubSpotObject
{
    internal HubSpotObject(string objectType, string id, IReadOnlyDictionary<string, string> properties, IReadOnlyList<HubSpotAssociation> associations, DateTimeOffset createdAt)
    {
        ObjectType = objectType;
        Id = id;
        Properties = properties;
        Associations = associations;
        CreatedAt = createdAt;
    }

    /// <summary>The object type: <c>companies</c>, <c>deals</c> or <c>leads</c>.</summary>
    public string ObjectType { get; }

    /// <summary>The record id (numeric, as a string).</summary>
    public string Id { get; }

    /// <summary>Every property value, as HubSpot stores them (strings), including the ones HubSpot sets.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The associations given at creation.</summary>
    public IReadOnlyList<HubSpotAssociation> Associations { get; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; }
}
