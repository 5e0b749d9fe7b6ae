using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmGen.Sandbox;

/// <summary>A person held by the Pipedrive emulator.</summary>
public sealed class PipedrivePerson
{
    internal PipedrivePerson(
        long id, string name, string firstName, string? lastName, long ownerId, long? organizationId,
        IReadOnlyList<PipedriveContactDetail> emails, IReadOnlyList<PipedriveContactDetail> phones,
        IReadOnlyList<long> labelIds, string visibleTo, IReadOnlyDictionary<string, JsonElement> customFields,
        DateTimeOffset addTime, DateTimeOffset updateTime)
    {
        Id = id;
        Name = name;
        FirstName = firstName;
        LastName = lastName;
        OwnerId = ownerId;
        OrganizationId = organizationId;
        Emails = emails;
        Phones = phones;
        LabelIds = labelIds;
        VisibleTo = visibleTo;
        CustomFields = customFields;
        AddTime = addTime;
        UpdateTime = updateTime;
    }

    /// <summary>The person id.</summary>
    public long Id { get; }

    /// <summary>The person's name, as given.</summary>
    public string Name { get; }

    /// <summary>The first name Pipedrive derives from <see cref="Name"/> (its first word).</summary>
    public string FirstName { get; }

    /// <summary>The last name Pipedrive derives from <see cref="Name"/> (the rest), or null for a one-word name.</summary>
    public string? LastName { get; }

    /// <summary>The owner's user id.</summary>
    public long OwnerId { get; }

    /// <summary>The organization's id, if the person belongs to one.</summary>
    public long? OrganizationId { get; }

    /// <summary>The e-mail addresses, as stored.</summary>
    public IReadOnlyList<PipedriveContactDetail> Emails { get; }

    /// <summary>The phone numbers, as stored.</summary>
    public IReadOnlyList<PipedriveContactDetail> Phones { get; }

    /// <summary>The ids of the person's labels.</summary>
    public IReadOnlyList<long> LabelIds { get; }

    /// <summary>The visibility group (<c>1</c> owner and followers, <c>3</c> entire company…).</summary>
    public string VisibleTo { get; }

    /// <summary>Custom field values by field key (the 40-character hash).</summary>
    public IReadOnlyDictionary<string, JsonElement> CustomFields { get; }

    /// <summary>When the person was added.</summary>
    public DateTimeOffset AddTime { get; }

    /// <summary>When the person was last updated.</summary>
    public DateTimeOffset UpdateTime { get; }
}

/// <summary>An e-mail address or phone number of a person.</summary>
/// <param name="Value">The address or number.</param>
/// <param name="Label">The label (<c>work</c>, <c>home</c>, <c>mobile</c>, <c>other</c>).</param>
/// <param name="Primary">Whether it is the primary one.</param>
public sealed record PipedriveContactDetail(string Value, string Label, bool Primary);
