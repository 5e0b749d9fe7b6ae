using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmGen.Sandbox;

/// <summary>A contact held by the Close emulator.</summary>
public sealed class CloseContact
{
    internal CloseContact(
        string id, string organizationId, string leadId, string? name, string? title,
        IReadOnlyList<CloseContactEmail> emails, IReadOnlyList<CloseContactPhone> phones, IReadOnlyList<CloseContactUrl> urls,
        IReadOnlyDictionary<string, JsonElement> customFields, string createdBy, DateTimeOffset dateCreated, DateTimeOffset dateUpdated)
    {
        Id = id;
        OrganizationId = organizationId;
        LeadId = leadId;
        Name = name;
        Title = title;
        Emails = emails;
        Phones = phones;
        Urls = urls;
        CustomFields = customFields;
        CreatedBy = createdBy;
        DateCreated = dateCreated;
        DateUpdated = dateUpdated;
    }

    /// <summary>The contact id (<c>cont_…</c>).</summary>
    public string Id { get; }

    /// <summary>The organization (<c>orga_…</c>).</summary>
    public string OrganizationId { get; }

    /// <summary>The lead the contact belongs to (<c>lead_…</c>).</summary>
    public string LeadId { get; }

    /// <summary>The contact's name (Close has one name field).</summary>
    public string? Name { get; }

    /// <summary>The contact's title.</summary>
    public string? Title { get; }

    /// <summary>The e-mail addresses.</summary>
    public IReadOnlyList<CloseContactEmail> Emails { get; }

    /// <summary>The phone numbers.</summary>
    public IReadOnlyList<CloseContactPhone> Phones { get; }

    /// <summary>The URLs.</summary>
    public IReadOnlyList<CloseContactUrl> Urls { get; }

    /// <summary>Custom field values by their key in the API, <c>custom.cf_…</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> CustomFields { get; }

    /// <summary>The user who created the contact (<c>user_…</c>).</summary>
    public string CreatedBy { get; }

    /// <summary>When the contact was created.</summary>
    public DateTimeOffset DateCreated { get; }

    /// <summary>When the contact was last updated.</summary>
    public DateTimeOffset DateUpdated { get; }
}

/// <summary>An e-mail address of a Close contact.</summary>
/// <param name="Email">The address.</param>
/// <param name="Type">The type: <c>office</c>, <c>home</c>, <c>direct</c>, <c>mobile</c>, <c>fax</c> or <c>other</c>.</param>
public sealed record CloseContactEmail(string Email, string Type);

/// <summary>A phone number of a Close contact.</summary>
/// <param name="Phone">The number as stored (E.164 when it could be normalised).</param>
/// <param name="Type">The type: <c>office</c>, <c>home</c>, <c>direct</c>, <c>mobile</c>, <c>fax</c> or <c>other</c>.</param>
public sealed record CloseContactPhone(string Phone, string Type);

/// <summary>A URL of a Close contact.</summary>
/// <param name="Url">The URL.</param>
/// <param name="Type">The type (<c>url</c> by default).</param>
public sealed record CloseContactUrl(string Url, string Type);

/// <summary>A lead of the Close emulator: the company a contact belongs to.</summary>
/// <param name="Id">The lead id (<c>lead_…</c>).</param>
/// <param name="Name">The lead's name.</param>
public sealed record CloseLead(string Id, string Name);
