using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmGen.Sandbox;

/// <summary>A contact record held by the HighLevel emulator, with the values HighLevel stores.</summary>
public sealed class HighLevelContact
{
    internal HighLevelContact(string id, string locationId, DateTimeOffset dateAdded)
    {
        Id = id;
        LocationId = locationId;
        DateAdded = dateAdded;
        DateUpdated = dateAdded;
    }

    /// <summary>The contact id (20 letters and digits, as HighLevel's ids).</summary>
    public string Id { get; }

    /// <summary>The location (sub-account) the contact belongs to.</summary>
    public string LocationId { get; }

    /// <summary>The first name.</summary>
    public string? FirstName { get; internal init; }

    /// <summary>The last name.</summary>
    public string? LastName { get; internal init; }

    /// <summary>The full name as given (<c>name</c>).</summary>
    public string? Name { get; internal init; }

    /// <summary>The e-mail address as given.</summary>
    public string? Email { get; internal init; }

    /// <summary>The phone number, normalised to E.164 as HighLevel stores it (<c>+1 888-888-8888</c> becomes <c>+18888888888</c>).</summary>
    public string? Phone { get; internal init; }

    /// <summary>The street address (<c>address1</c>).</summary>
    public string? Address1 { get; internal init; }

    /// <summary>The city.</summary>
    public string? City { get; internal init; }

    /// <summary>The state.</summary>
    public string? State { get; internal init; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; internal init; }

    /// <summary>The country code.</summary>
    public string? Country { get; internal init; }

    /// <summary>The website.</summary>
    public string? Website { get; internal init; }

    /// <summary>The time zone.</summary>
    public string? Timezone { get; internal init; }

    /// <summary>The gender.</summary>
    public string? Gender { get; internal init; }

    /// <summary>The company name.</summary>
    public string? CompanyName { get; internal init; }

    /// <summary>The source the contact came from.</summary>
    public string? Source { get; internal init; }

    /// <summary>The id of the user the contact is assigned to.</summary>
    public string? AssignedTo { get; internal init; }

    /// <summary>The do-not-disturb flag, when given.</summary>
    public bool? Dnd { get; internal init; }

    /// <summary>The per-channel do-not-disturb settings as given, when given.</summary>
    public JsonElement? DndSettings { get; internal init; }

    /// <summary>The date of birth (midnight UTC), when given.</summary>
    public DateTimeOffset? DateOfBirth { get; internal init; }

    /// <summary>The tags, in the order given.</summary>
    public IReadOnlyList<string> Tags { get; internal init; } = [];

    /// <summary>The custom field values, in the order given.</summary>
    public IReadOnlyList<HighLevelContactCustomField> CustomFields { get; internal init; } = [];

    /// <summary>When the contact was created (<c>dateAdded</c>).</summary>
    public DateTimeOffset DateAdded { get; }

    /// <summary>When the contact was last updated (<c>dateUpdated</c>).</summary>
    public DateTimeOffset DateUpdated { get; }
}

/// <summary>A custom field value of a HighLevel contact.</summary>
/// <param name="Id">The custom field id.</param>
/// <param name="Value">The value as given (<c>field_value</c>): text, a number, a list of options or a file object.</param>
public sealed record HighLevelContactCustomField(string Id, JsonElement Value);
