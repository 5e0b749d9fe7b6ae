using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// Pipedrive's Persons API (v1), in memory.
/// </summary>
/// <remarks>
/// Follows the API reference "Persons" ("Add a person", "Get details of a person") and the
/// guide "Updating custom field's value". <c>POST /api/v1/persons</c> takes <c>name</c>
/// (required), <c>owner_id</c> (defaults to the authorized user), <c>org_id</c>, <c>email</c> and
/// <c>phone</c> (a string, or an array of <c>{value, primary, label}</c> of which only <c>value</c> is
/// required), <c>label</c> or <c>label_ids</c>, <c>visible_to</c>, <c>add_time</c>
/// (<c>YYYY-MM-DD HH:MM:SS</c> in UTC, admins only) and custom fields keyed by their 40-character
/// hash; unknown keys are ignored. It answers <c>201 Created</c> with
/// <c>{"success": true, "data": person, "related_objects": {"user": …, "organization": …}}</c>, where
/// the person carries <c>id</c>, <c>company_id</c>, <c>owner_id</c> and <c>org_id</c> as objects
/// (the id is the object's <c>value</c>; the owner's also as <c>id</c>), <c>name</c> and the
/// <c>first_name</c>/<c>last_name</c> derived from it, <c>email</c> and <c>phone</c> arrays (a person
/// without any has <c>[{"value": "", "primary": true}]</c>), <c>label</c>/<c>label_ids</c>,
/// <c>add_time</c>/<c>update_time</c>, the activity, deal and e-mail counters, and every person
/// custom field (null when unset). Without a name the answer is 400; an unknown owner,
/// organization or label is 400 too.
/// </remarks>
public sealed class PipedrivePersonsEmulator
{
    private const string CollectionPath = "/api/v1/persons";
    private static readonly string[] Counters =
    [
        "open_deals_count", "related_open_deals_count", "closed_deals_count", "related_closed_deals_count",
        "participant_open_deals_count", "participant_closed_deals_count", "email_messages_count",
        "activities_count", "done_activities_count", "undone_activities_count", "files_count", "notes_count",
        "followers_count", "won_deals_count", "related_won_deals_count", "lost_deals_count", "related_lost_deals_count",
    ];

    private readonly PipedriveEmulator _api;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<PipedrivePerson> _records = new();
    private long _nextId = 1;

    internal PipedrivePersonsEmulator(PipedriveEmulator api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    /// <summary>The persons created so far, in creation order.</summary>
    public IReadOnlyList<PipedrivePerson> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CollectionPath, CreateAsync);
        routes.MapGet(CollectionPath, ListAsync);
        routes.MapGet(CollectionPath + "/{id}", GetAsync);
    }

    /// <summary>The most persons one page holds (the API reference's maximum for <c>limit</c>).</summary>
    public const int MaxPageSize = 500;

    /// <summary>The page size when the request gives no <c>limit</c>.</summary>
    public const int DefaultPageSize = 100;

    // "Get all persons" (v1): start (offset, default 0) and limit (default 100, at most 500); the
    // answer is {"success", "data": [persons] (null when the page is empty), "additional_data":
    // {"pagination": {"start", "limit", "more_items_in_collection", "next_start" (only when more)}}}.
    private async Task ListAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var start = 0;
        var limit = DefaultPageSize;
        if (context.Request.Query.TryGetValue("start", out var startText)
            && (!int.TryParse(startText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out start)))
        {
            await BadRequestAsync(context, "start must be a non-negative integer.").ConfigureAwait(false);
            return;
        }
        if (context.Request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxPageSize))
        {
            await BadRequestAsync(context, $"limit must be an integer from 1 to {MaxPageSize}.").ConfigureAwait(false);
            return;
        }
        var all = Records;
        var page = all.Skip(start).Take(limit).ToArray();
        var more = start + page.Length < all.Count;
        var fields = _api.PersonFields;
        var rows = page.Select(p => (person: p, owner: _api.FindUser(p.OwnerId)!,
            organization: p.OrganizationId is { } orgId ? _api.FindOrganization(orgId) : null)).ToArray();
        var state = (rows, all, fields, companyId: _api.CompanyId, start, limit, more);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, PipedriveEmulator.JsonContentType, state, static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            if (s.rows.Length == 0)
            {
                w.WriteNull("data");
            }
            else
            {
                w.WriteStartArray("data");
                foreach (var row in s.rows)
                {
                    var peopleCount = row.organization is null ? 0 : s.all.Count(p => p.OrganizationId == row.organization.Id);
                    WritePerson(w, row.person, row.owner, row.organization, peopleCount, s.fields, s.companyId);
                }
                w.WriteEndArray();
            }
            w.WriteStartObject("additional_data");
            w.WriteStartObject("pagination");
            w.WriteNumber("start", s.start);
            w.WriteNumber("limit", s.limit);
            w.WriteBoolean("more_items_in_collection", s.more);
            if (s.more) w.WriteNumber("next_start", s.start + s.rows.Length);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        using var document = await PipedriveEmulator.ReadJsonObjectAsync(context).ConfigureAwait(false);
        if (document is null) return;
        var root = document.RootElement;

        if (!root.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            await BadRequestAsync(context, "Name must be given.").ConfigureAwait(false);
            return;
        }
        var name = nameElement.GetString()!.Trim();

        var ownerId = _api.AuthorizedUser.Id;
        if (root.TryGetProperty("owner_id", out var ownerElement) && ownerElement.ValueKind != JsonValueKind.Null)
        {
            if (!PipedriveEmulator.TryReadId(ownerElement, out ownerId) || _api.FindUser(ownerId) is null)
            {
                await BadRequestAsync(context, "Owner not found.").ConfigureAwait(false);
                return;
            }
        }

        long? organizationId = null;
        if (root.TryGetProperty("org_id", out var orgElement) && orgElement.ValueKind != JsonValueKind.Null)
        {
            if (!PipedriveEmulator.TryReadId(orgElement, out var orgId) || _api.FindOrganization(orgId) is null)
            {
                await BadRequestAsync(context, "Organization not found.").ConfigureAwait(false);
                return;
            }
            organizationId = orgId;
        }

        if (!TryReadDetails(root, "email", out var emails, out var problem) || !TryReadDetails(root, "phone", out var phones, out problem))
        {
            await BadRequestAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        var labelIds = new List<long>();
        if (root.TryGetProperty("label_ids", out var labelIdsElement) && labelIdsElement.ValueKind != JsonValueKind.Null)
        {
            if (labelIdsElement.ValueKind != JsonValueKind.Array)
            {
                await BadRequestAsync(context, "label_ids must be an array of label ids.").ConfigureAwait(false);
                return;
            }
            foreach (var item in labelIdsElement.EnumerateArray())
            {
                if (!PipedriveEmulator.TryReadId(item, out var labelId) || !_api.HasPersonLabel(labelId))
                {
                    await BadRequestAsync(context, $"Label with ID {item.GetRawText()} does not exist.").ConfigureAwait(false);
                    return;
                }
                if (!labelIds.Contains(labelId)) labelIds.Add(labelId);
            }
        }
        else if (root.TryGetProperty("label", out var labelElement) && labelElement.ValueKind != JsonValueKind.Null)
        {
            if (!PipedriveEmulator.TryReadId(labelElement, out var labelId) || !_api.HasPersonLabel(labelId))
            {
                await BadRequestAsync(context, $"Label with ID {labelElement.GetRawText()} does not exist.").ConfigureAwait(false);
                return;
            }
            labelIds.Add(labelId);
        }

        var visibleTo = "3";
        if (root.TryGetProperty("visible_to", out var visibleElement) && visibleElement.ValueKind != JsonValueKind.Null)
        {
            visibleTo = visibleElement.ValueKind == JsonValueKind.Number ? visibleElement.GetRawText() : visibleElement.GetString() ?? "";
            if (visibleTo is not ("1" or "3" or "5" or "7"))
            {
                await BadRequestAsync(context, "visible_to must be one of 1, 3, 5, 7.").ConfigureAwait(false);
                return;
            }
        }

        var now = _time.GetUtcNow();
        var addTime = now;
        if (root.TryGetProperty("add_time", out var addTimeElement) && addTimeElement.ValueKind != JsonValueKind.Null)
        {
            if (addTimeElement.ValueKind != JsonValueKind.String || !PipedriveEmulator.TryParseTime(addTimeElement.GetString(), out addTime))
            {
                await BadRequestAsync(context, "Invalid add_time. The format must be YYYY-MM-DD HH:MM:SS.").ConfigureAwait(false);
                return;
            }
            if (_api.AuthorizedUser is { IsAdmin: false })
            {
                await JsonErrorAsync(context, StatusCodes.Status403Forbidden, "Only admin users can set add_time.").ConfigureAwait(false);
                return;
            }
        }

        var customFields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (_api.FindPersonField(property.Name) is not null) customFields[property.Name] = property.Value.Clone();
        }

        var space = name.IndexOfAny([' ', '\t']);
        var firstName = space < 0 ? name : name[..space];
        var lastName = space < 0 ? null : name[(space + 1)..].Trim();

        PipedrivePerson person;
        lock (_gate)
        {
            person = new PipedrivePerson(_nextId++, name, firstName, lastName, ownerId, organizationId, emails, phones,
                labelIds, visibleTo, customFields, addTime, now);
            _records.Add(person);
        }

        await WritePersonAsync(context, StatusCodes.Status201Created, person).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var text = (string?)context.Request.RouteValues["id"];
        PipedrivePerson? person = null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            lock (_gate) person = _records.FirstOrDefault(p => p.Id == id);
        }
        if (person is null)
        {
            await JsonErrorAsync(context, StatusCodes.Status404NotFound, "Person not found").ConfigureAwait(false);
            return;
        }
        await WritePersonAsync(context, StatusCodes.Status200OK, person).ConfigureAwait(false);
    }

    private Task WritePersonAsync(HttpContext context, int statusCode, PipedrivePerson person)
    {
        var owner = _api.FindUser(person.OwnerId)!;
        var organization = person.OrganizationId is { } orgId ? _api.FindOrganization(orgId) : null;
        var peopleCount = organization is null ? 0 : Records.Count(p => p.OrganizationId == organization.Id);
        var fields = _api.PersonFields;
        var state = (person, owner, organization, peopleCount, fields, companyId: _api.CompanyId);
        return JsonResponse.WriteAsync(context, statusCode, PipedriveEmulator.JsonContentType, state, static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WritePropertyName("data");
            WritePerson(w, s.person, s.owner, s.organization, s.peopleCount, s.fields, s.companyId);
            w.WriteStartObject("related_objects");
            w.WriteStartObject("user");
            w.WriteStartObject(s.owner.Id.ToString(CultureInfo.InvariantCulture));
            WriteUserFields(w, s.owner);
            w.WriteEndObject();
            w.WriteEndObject();
            if (s.organization is not null)
            {
                w.WriteStartObject("organization");
                w.WriteStartObject(s.organization.Id.ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("id", s.organization.Id);
                w.WriteString("name", s.organization.Name);
                w.WriteNumber("people_count", s.peopleCount);
                w.WriteNumber("owner_id", s.organization.OwnerId);
                WriteNullableString(w, "address", s.organization.Address);
                w.WriteBoolean("active_flag", true);
                w.WriteString("cc_email", CcEmail);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private const string CcEmail = "sandbox@pipedrivemail.com";

    private static void WritePerson(Utf8JsonWriter w, PipedrivePerson person, PipedriveUser owner, PipedriveOrganization? organization,
        int peopleCount, IReadOnlyList<PipedriveCustomField> fields, long companyId)
    {
        w.WriteStartObject();
        w.WriteNumber("id", person.Id);
        w.WriteNumber("company_id", companyId);
        w.WriteStartObject("owner_id");
        w.WriteNumber("id", owner.Id);
        WriteUserFields(w, owner);
        w.WriteNumber("value", owner.Id);
        w.WriteEndObject();
        if (organization is null)
        {
            w.WriteNull("org_id");
        }
        else
        {
            w.WriteStartObject("org_id");
            w.WriteString("name", organization.Name);
            w.WriteNumber("people_count", peopleCount);
            w.WriteNumber("owner_id", organization.OwnerId);
            WriteNullableString(w, "address", organization.Address);
            w.WriteBoolean("active_flag", true);
            w.WriteString("cc_email", CcEmail);
            w.WriteNumber("value", organization.Id);
            w.WriteEndObject();
        }
        w.WriteString("name", person.Name);
        w.WriteString("first_name", person.FirstName);
        WriteNullableString(w, "last_name", person.LastName);
        foreach (var counter in Counters) w.WriteNumber(counter, 0);
        w.WriteBoolean("active_flag", true);
        WriteDetails(w, "phone", person.Phones);
        WriteDetails(w, "email", person.Emails);
        w.WriteString("first_char", person.Name[..1].ToLowerInvariant());
        w.WriteString("update_time", PipedriveEmulator.FormatTime(person.UpdateTime));
        w.WriteNull("delete_time");
        w.WriteString("add_time", PipedriveEmulator.FormatTime(person.AddTime));
        w.WriteString("visible_to", person.VisibleTo);
        w.WriteNull("picture_id");
        w.WriteNull("next_activity_date");
        w.WriteNull("next_activity_time");
        w.WriteNull("next_activity_id");
        w.WriteNull("last_activity_id");
        w.WriteNull("last_activity_date");
        w.WriteNull("last_incoming_mail_time");
        w.WriteNull("last_outgoing_mail_time");
        if (person.LabelIds.Count > 0) w.WriteNumber("label", person.LabelIds[0]);
        else w.WriteNull("label");
        w.WriteStartArray("label_ids");
        foreach (var id in person.LabelIds) w.WriteNumberValue(id);
        w.WriteEndArray();
        if (organization is null) w.WriteNull("org_name");
        else w.WriteString("org_name", organization.Name);
        w.WriteString("owner_name", owner.Name);
        w.WriteString("cc_email", CcEmail);
        foreach (var field in fields)
        {
            if (person.CustomFields.TryGetValue(field.Key, out var value))
            {
                w.WritePropertyName(field.Key);
                value.WriteTo(w);
            }
            else
            {
                w.WriteNull(field.Key);
            }
        }
        w.WriteEndObject();
    }

    private static void WriteUserFields(Utf8JsonWriter w, PipedriveUser user)
    {
        w.WriteString("name", user.Name);
        w.WriteString("email", user.Email);
        w.WriteNumber("has_pic", 0);
        w.WriteNull("pic_hash");
        w.WriteBoolean("active_flag", true);
    }

    private static void WriteDetails(Utf8JsonWriter w, string name, IReadOnlyList<PipedriveContactDetail> details)
    {
        w.WriteStartArray(name);
        if (details.Count == 0)
        {
            // A person without any: one empty primary entry, as Pipedrive returns it.
            w.WriteStartObject();
            w.WriteString("value", "");
            w.WriteBoolean("primary", true);
            w.WriteEndObject();
        }
        foreach (var detail in details)
        {
            w.WriteStartObject();
            w.WriteString("label", detail.Label);
            w.WriteString("value", detail.Value);
            w.WriteBoolean("primary", detail.Primary);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    /// <summary>Reads <c>email</c> or <c>phone</c>: a string, an array of strings, or an array of <c>{value, primary, label}</c>.</summary>
    private static bool TryReadDetails(JsonElement root, string name, out List<PipedriveContactDetail> details, out string? problem)
    {
        details = new List<PipedriveContactDetail>();
        problem = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;

        var defaultLabel = "work";
        var allowed = name == "email" ? new[] { "work", "home", "other" } : new[] { "work", "home", "mobile", "other" };
        var entries = new List<(string Value, string? Label, bool? Primary)>();
        if (element.ValueKind == JsonValueKind.String)
        {
            entries.Add((element.GetString()!, null, null));
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        entries.Add((item.GetString()!, null, null));
                        break;
                    case JsonValueKind.Object:
                        if (!item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
                        {
                            problem = $"Each {name} object must have a string value.";
                            return false;
                        }
                        string? label = null;
                        if (item.TryGetProperty("label", out var labelElement) && labelElement.ValueKind != JsonValueKind.Null)
                        {
                            label = labelElement.GetString();
                            if (label is null || Array.IndexOf(allowed, label) < 0)
                            {
                                problem = $"Invalid {name} label '{labelElement}'. Use one of: {string.Join(", ", allowed)}.";
                                return false;
                            }
                        }
                        bool? primary = null;
                        if (item.TryGetProperty("primary", out var primaryElement))
                        {
                            primary = primaryElement.ValueKind switch
                            {
                                JsonValueKind.True => true,
                                JsonValueKind.False => false,
                                JsonValueKind.String when bool.TryParse(primaryElement.GetString(), out var b) => b,
                                _ => null,
                            };
                        }
                        entries.Add((value.GetString()!, label, primary));
                        break;
                    default:
                        problem = $"{name} must be a string or an array of {{value, primary, label}} objects.";
                        return false;
                }
            }
        }
        else
        {
            problem = $"{name} must be a string or an array of {{value, primary, label}} objects.";
            return false;
        }

        entries.RemoveAll(e => string.IsNullOrWhiteSpace(e.Value));
        var primaryIndex = entries.FindIndex(e => e.Primary == true);
        if (primaryIndex < 0) primaryIndex = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            details.Add(new PipedriveContactDetail(entries[i].Value.Trim(), entries[i].Label ?? defaultLabel, i == primaryIndex));
        }
        return true;
    }

    private static Task BadRequestAsync(HttpContext context, string error)
        => PipedriveEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, error);

    private static Task JsonErrorAsync(HttpContext context, int status, string error)
        => PipedriveEmulator.WriteErrorAsync(context, status, error);
}
