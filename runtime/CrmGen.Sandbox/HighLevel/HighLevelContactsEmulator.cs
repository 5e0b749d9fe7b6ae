using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>HighLevel's contacts API (API 2.0), in memory.</summary>
/// <remarks>
/// Follows the API reference page "Create Contact" (<c>POST /contacts/</c>, operation
/// <c>create-contact</c>): the body is a <c>CreateContactDto</c> (<c>locationId</c> required;
/// <c>firstName</c>, <c>lastName</c>, <c>name</c>, <c>email</c>, <c>gender</c>, <c>phone</c>,
/// <c>address1</c>, <c>city</c>, <c>state</c>, <c>postalCode</c>, <c>website</c>, <c>timezone</c>,
/// <c>dnd</c>, <c>dndSettings</c>, <c>inboundDndSettings</c>, <c>tags</c> (strings),
/// <c>customFields</c> (<c>{id, key, field_value}</c>, <c>id</c> required), <c>source</c>,
/// <c>dateOfBirth</c>, <c>country</c>, <c>companyName</c>, <c>assignedTo</c>) and the answer is
/// <c>201</c> with <c>{"contact": CreateContactSchema}</c>: the values given plus <c>id</c>,
/// <c>dateAdded</c>, <c>dateUpdated</c>, the lower-cased name and e-mail copies, <c>type</c>
/// and <c>customFields</c> as <c>{id, value}</c>; the phone comes back in E.164 as in the page's
/// example. A property CreateContactDto does not declare (e.g. <c>dateAdded</c>) is not kept: the
/// contact's <c>dateAdded</c> is the time of the create. Errors are 400, 401 and 422 in the
/// documented shapes. A location that does not allow
/// duplicated contacts (HighLevel's default) refuses a second contact with the same e-mail or
/// phone: 400 "This location does not allow duplicated contacts." with the existing contact's id
/// and the matching field in <c>meta</c>.
/// </remarks>
public sealed class HighLevelContactsEmulator
{
    private const string CollectionPath = "/contacts/";

    private static readonly HighLevelProperty[] CreateContactDto =
    [
        new("firstName", HighLevelValueKind.String),
        new("lastName", HighLevelValueKind.String),
        new("name", HighLevelValueKind.String),
        new("email", HighLevelValueKind.String),
        new("locationId", HighLevelValueKind.String, Required: true),
        new("gender", HighLevelValueKind.String),
        new("phone", HighLevelValueKind.String),
        new("address1", HighLevelValueKind.String),
        new("city", HighLevelValueKind.String),
        new("state", HighLevelValueKind.String),
        new("postalCode", HighLevelValueKind.String),
        new("website", HighLevelValueKind.String),
        new("timezone", HighLevelValueKind.String),
        new("dnd", HighLevelValueKind.Boolean),
        new("dndSettings", HighLevelValueKind.Object),
        new("inboundDndSettings", HighLevelValueKind.Object),
        new("tags", HighLevelValueKind.StringArray),
        new("customFields", HighLevelValueKind.ObjectArray),
        new("source", HighLevelValueKind.String),
        new("dateOfBirth", HighLevelValueKind.String),
        new("country", HighLevelValueKind.String),
        new("companyName", HighLevelValueKind.String),
        new("assignedTo", HighLevelValueKind.String),
    ];

    private static readonly string[] DndChannels = ["Call", "Email", "SMS", "WhatsApp", "GMB", "FB"];
    private static readonly string[] DndStatuses = ["active", "inactive", "permanent"];
    private static readonly string[] InboundDndStatuses = ["active", "inactive"];
    private static readonly string[] BirthDateFormats =
        ["yyyy/MM/dd", "MM/dd/yyyy", "yyyy-MM-dd", "MM-dd-yyyy", "yyyy.MM.dd", "MM.dd.yyyy", "yyyy_MM_dd", "MM_dd_yyyy"];

    private readonly HighLevelEmulator _api;
    private readonly TimeProvider _time;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private readonly List<HighLevelContact> _records = new();

    internal HighLevelContactsEmulator(HighLevelEmulator api, TimeProvider time, SandboxRandom random)
    {
        _api = api;
        _time = time;
        _random = random;
    }

    /// <summary>
    /// When false (HighLevel's default setting), a contact whose e-mail or phone another contact
    /// of the location already has is refused with a 400.
    /// </summary>
    public bool AllowDuplicateContacts { get; set; }

    /// <summary>The contacts created so far, in creation order.</summary>
    public IReadOnlyList<HighLevelContact> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    /// <summary>The contact of that id, or null.</summary>
    public HighLevelContact? Find(string id)
    {
        lock (_gate) return _records.FirstOrDefault(r => r.Id == id);
    }

    internal void Map(IEndpointRouteBuilder routes) => routes.MapPost(CollectionPath, CreateAsync);

    private async Task CreateAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        using var document = await _api.ReadObjectBodyAsync(context).ConfigureAwait(false);
        if (document is null) return;
        var body = document.RootElement;

        var problems = HighLevelBodyRules.Check(body, CreateContactDto, _api.RejectUndeclaredProperties);
        CheckEmail(body, problems);
        CheckCustomFields(body, problems, _api.RejectUndeclaredProperties);
        CheckDndSettings(body, problems, _api.RejectUndeclaredProperties);
        var dateOfBirth = CheckDateOfBirth(body, problems);
        if (problems.Count > 0)
        {
            await HighLevelEmulator.WriteUnprocessableAsync(context, problems).ConfigureAwait(false);
            return;
        }

        var locationId = body.GetProperty("locationId").GetString()!;
        if (!await _api.CheckLocationAsync(context, locationId).ConfigureAwait(false)) return;

        var email = Text(body, "email");
        var phone = NormalisePhone(Text(body, "phone"));
        HighLevelContact? created = null;
        (string ContactId, string Field)? duplicate = null;
        lock (_gate)
        {
            if (!AllowDuplicateContacts) duplicate = FindDuplicate(locationId, email, phone);
            if (duplicate is null)
            {
                created = new HighLevelContact(_random.NextId("", 20), locationId, _time.GetUtcNow())
                {
                    FirstName = Text(body, "firstName"),
                    LastName = Text(body, "lastName"),
                    Name = Text(body, "name"),
                    Email = email,
                    Phone = phone,
                    Address1 = Text(body, "address1"),
                    City = Text(body, "city"),
                    State = Text(body, "state"),
                    PostalCode = Text(body, "postalCode"),
                    Country = Text(body, "country"),
                    Website = Text(body, "website"),
                    Timezone = Text(body, "timezone"),
                    Gender = Text(body, "gender"),
                    CompanyName = Text(body, "companyName"),
                    Source = Text(body, "source"),
                    AssignedTo = Text(body, "assignedTo"),
                    Dnd = body.TryGetProperty("dnd", out var dnd) && dnd.ValueKind is JsonValueKind.True or JsonValueKind.False ? dnd.GetBoolean() : null,
                    DndSettings = body.TryGetProperty("dndSettings", out var settings) && settings.ValueKind == JsonValueKind.Object ? settings.Clone() : null,
                    DateOfBirth = dateOfBirth,
                    Tags = body.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                        ? tags.EnumerateArray().Select(t => t.GetString()!).ToArray()
                        : [],
                    CustomFields = body.TryGetProperty("customFields", out var fields) && fields.ValueKind == JsonValueKind.Array
                        ? fields.EnumerateArray()
                            .Select(f => new HighLevelContactCustomField(f.GetProperty("id").GetString()!, f.TryGetProperty("field_value", out var v) ? v.Clone() : default))
                            .ToArray()
                        : [],
                };
                _records.Add(created);
            }
        }

        if (duplicate is { } existing)
        {
            await HighLevelEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "This location does not allow duplicated contacts.", extra: w =>
            {
                w.WriteStartObject("meta");
                w.WriteString("contactId", existing.ContactId);
                w.WriteString("matchingField", existing.Field);
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, HighLevelEmulator.JsonContentType, created!, static (w, c) =>
        {
            w.WriteStartObject();
            w.WritePropertyName("contact");
            WriteContact(w, c);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private (string, string)? FindDuplicate(string locationId, string? email, string? phone)
    {
        foreach (var record in _records)
        {
            if (record.LocationId != locationId) continue;
            if (email is { Length: > 0 } && string.Equals(record.Email, email, StringComparison.OrdinalIgnoreCase)) return (record.Id, "email");
            if (phone is { Length: > 0 } && record.Phone == phone) return (record.Id, "phone");
        }
        return null;
    }

    private static void WriteContact(Utf8JsonWriter w, HighLevelContact c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("dateAdded", HighLevelEmulator.FormatTimestamp(c.DateAdded));
        w.WriteString("dateUpdated", HighLevelEmulator.FormatTimestamp(c.DateUpdated));
        w.WriteBoolean("deleted", false);
        w.WriteStartArray("tags");
        foreach (var tag in c.Tags) w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WriteString("type", "lead");
        w.WriteStartArray("customFields");
        foreach (var field in c.CustomFields)
        {
            w.WriteStartObject();
            w.WriteString("id", field.Id);
            w.WritePropertyName("value");
            if (field.Value.ValueKind == JsonValueKind.Undefined) w.WriteNullValue();
            else field.Value.WriteTo(w);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("locationId", c.LocationId);

        var (first, last) = (c.FirstName, c.LastName);
        var fullName = first is not null || last is not null ? string.Join(' ', new[] { first, last }.Where(p => !string.IsNullOrEmpty(p))) : c.Name;
        Optional(w, "firstName", first);
        Optional(w, "firstNameLowerCase", first?.ToLowerInvariant());
        Optional(w, "fullNameLowerCase", fullName?.ToLowerInvariant());
        Optional(w, "lastName", last);
        Optional(w, "lastNameLowerCase", last?.ToLowerInvariant());
        Optional(w, "email", c.Email);
        Optional(w, "emailLowerCase", c.Email?.ToLowerInvariant());
        w.WriteBoolean("bounceEmail", false);
        w.WriteBoolean("unsubscribeEmail", false);
        w.WriteBoolean("dnd", c.Dnd ?? false);
        if (c.DndSettings is { } settings)
        {
            w.WritePropertyName("dndSettings");
            settings.WriteTo(w);
        }
        Optional(w, "phone", c.Phone);
        Optional(w, "address1", c.Address1);
        Optional(w, "city", c.City);
        Optional(w, "state", c.State);
        Optional(w, "country", c.Country);
        Optional(w, "postalCode", c.PostalCode);
        Optional(w, "website", c.Website);
        Optional(w, "source", c.Source);
        Optional(w, "companyName", c.CompanyName);
        if (c.DateOfBirth is { } birth)
        {
            w.WriteString("dateOfBirth", HighLevelEmulator.FormatTimestamp(birth));
            w.WriteNumber("birthMonth", birth.Month - 1);
            w.WriteNumber("birthDay", birth.Day);
        }
        Optional(w, "assignedTo", c.AssignedTo);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static string? Text(JsonElement body, string name)
        => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void CheckEmail(JsonElement body, List<string> problems)
    {
        if (Text(body, "email") is { Length: > 0 } email && !LooksLikeEmail(email)) problems.Add("email must be an email");
    }

    private static void CheckCustomFields(JsonElement body, List<string> problems, bool rejectUndeclared)
    {
        if (!body.TryGetProperty("customFields", out var fields) || fields.ValueKind != JsonValueKind.Array) return;
        var index = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var at = "customFields." + index.ToString(CultureInfo.InvariantCulture);
            index++;
            if (field.ValueKind != JsonValueKind.Object) continue;
            foreach (var member in field.EnumerateObject())
            {
                if (rejectUndeclared && member.Name is not ("id" or "key" or "field_value")) problems.Add($"{at}.property {member.Name} should not exist");
            }
            if (!field.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null) problems.Add($"{at}.id should not be empty");
            else if (id.ValueKind != JsonValueKind.String) problems.Add($"{at}.id must be a string");
            else if (id.GetString()!.Length == 0) problems.Add($"{at}.id should not be empty");
            if (field.TryGetProperty("key", out var key) && key.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) problems.Add($"{at}.key must be a string");
        }
    }

    private static void CheckDndSettings(JsonElement body, List<string> problems, bool rejectUndeclared)
    {
        if (body.TryGetProperty("dndSettings", out var settings) && settings.ValueKind == JsonValueKind.Object)
        {
            foreach (var channel in settings.EnumerateObject())
            {
                if (Array.IndexOf(DndChannels, channel.Name) < 0)
                {
                    if (rejectUndeclared) problems.Add($"dndSettings.property {channel.Name} should not exist");
                    continue;
                }
                CheckDndSetting(channel.Value, "dndSettings." + channel.Name, DndStatuses, problems);
            }
        }
        if (body.TryGetProperty("inboundDndSettings", out var inbound) && inbound.ValueKind == JsonValueKind.Object)
        {
            foreach (var channel in inbound.EnumerateObject())
            {
                if (channel.Name != "all")
                {
                    if (rejectUndeclared) problems.Add($"inboundDndSettings.property {channel.Name} should not exist");
                    continue;
                }
                CheckDndSetting(channel.Value, "inboundDndSettings.all", InboundDndStatuses, problems);
            }
        }
    }

    private static void CheckDndSetting(JsonElement setting, string at, string[] statuses, List<string> problems)
    {
        if (setting.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at} must be an object");
            return;
        }
        if (!setting.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String
            || Array.IndexOf(statuses, status.GetString()) < 0)
        {
            problems.Add($"{at}.status must be one of the following values: {string.Join(", ", statuses)}");
        }
    }

    private static DateTimeOffset? CheckDateOfBirth(JsonElement body, List<string> problems)
    {
        if (Text(body, "dateOfBirth") is not { Length: > 0 } text) return null;
        if (DateTime.TryParseExact(text, BirthDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return new DateTimeOffset(date.Date, TimeSpan.Zero);
        }
        problems.Add("dateOfBirth must be a valid date (YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD or MM_DD_YYYY)");
        return null;
    }

    // HighLevel keeps phone numbers in E.164: punctuation and spaces go; ten digits without a
    // country code are taken as a North American number.
    private static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return phone;
        var digits = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
        }
        if (digits.Length == 0) return phone.Trim();
        var international = phone.TrimStart().StartsWith('+');
        if (!international && digits.Length == 10) digits.Insert(0, '1');
        return "+" + digits;
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        var domain = value.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
