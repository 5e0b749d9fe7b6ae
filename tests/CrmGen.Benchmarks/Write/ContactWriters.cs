using System.Globalization;
using System.Text.Json;
using CrmGen.Benchmarks.Read;

namespace CrmGen.Benchmarks.Write;

/// <summary>
/// The create bodies of scenario 2, written the non-generated ways: a hand-written
/// <see cref="Utf8JsonWriter"/> sequence (the baseline) and System.Text.Json DTO serialisation.
/// Both implement exactly the <c>write</c> blocks of the contacts <c>create</c> operations in
/// <c>definitions/hubspot.crmmap</c> and <c>definitions/salesforce.crmmap</c>.
/// </summary>
public static class ContactWriters
{
    private static readonly string[] HubSpotWritten = ["firstname", "lastname", "email", "jobtitle", "phone", "mobilephone", "address", "city", "state", "zip", "country", "createdate"];

    /// <summary>A realistic unified contact to create: every field HubSpot's create writes, custom fields and an account.</summary>
    public static Contact SampleContact() => new()
    {
        FirstName = "Chiara",
        LastName = "Rossi",
        Title = "Head of Procurement",
        EmailAddresses = [new EmailAddress { Email = "chiara.rossi@example.com", Type = "work" }],
        PhoneNumbers =
        [
            new PhoneNumber { Number = "+39 02 5555 0142", Type = "phone" },
            new PhoneNumber { Number = "+39 347 555 0199", Type = "mobile" },
        ],
        Addresses = [new Address { Street1 = "Via Torino 12", City = "Milano", State = "MI", PostalCode = "20123", Country = "Italy" }],
        CreatedAt = new DateTimeOffset(2024, 5, 2, 9, 30, 15, TimeSpan.Zero),
        Account = new AccountReference { Id = "9012" },
        CustomFields = new Dictionary<string, object?>
        {
            ["hs_lead_status"] = "OPEN",
            ["lifecyclestage"] = "salesqualifiedlead",
            ["preferred_region"] = "EMEA",
            ["nps_score"] = 9L,
        },
    };

    /// <summary>HubSpot's create body, hand-written.</summary>
    public static void WriteHubSpot(Utf8JsonWriter writer, Contact input)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("properties"u8);
        if (input.FirstName is { } first) writer.WriteString("firstname"u8, first);
        if ((input.LastName ?? LastNameOf(input.Name)) is { } last) writer.WriteString("lastname"u8, last);
        if (input.EmailAddresses is { Count: > 0 } emails && emails[0].Email is { } email) writer.WriteString("email"u8, email);
        if (input.Title is { } title) writer.WriteString("jobtitle"u8, title);
        if (PhoneOfType(input.PhoneNumbers, "phone") is { } phone) writer.WriteString("phone"u8, phone);
        if (PhoneOfType(input.PhoneNumbers, "mobile") is { } mobile) writer.WriteString("mobilephone"u8, mobile);
        if (input.Addresses is { Count: > 0 } addresses)
        {
            var a = addresses[0];
            if (a.Street1 is { } street) writer.WriteString("address"u8, street);
            if (a.City is { } city) writer.WriteString("city"u8, city);
            if (a.State is { } state) writer.WriteString("state"u8, state);
            if (a.PostalCode is { } zip) writer.WriteString("zip"u8, zip);
            if (a.Country is { } country) writer.WriteString("country"u8, country);
        }
        if (input.CreatedAt is { } created)
        {
            Span<char> text = stackalloc char[40];
            created.TryFormat(text, out var n, "O", CultureInfo.InvariantCulture);
            writer.WriteString("createdate"u8, text[..n]);
        }
        if (input.CustomFields is { } custom)
        {
            foreach (var (name, value) in custom)
            {
                if (Array.IndexOf(HubSpotWritten, name) >= 0) continue;
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null: writer.WriteNullValue(); break;
                    case string s: writer.WriteStringValue(s); break;
                    case long l: writer.WriteNumberValue(l); break;
                    case int i: writer.WriteNumberValue(i); break;
                    case decimal d: writer.WriteNumberValue(d); break;
                    case double f: writer.WriteNumberValue(f); break;
                    case bool b: writer.WriteBooleanValue(b); break;
                    case JsonElement e: e.WriteTo(writer); break;
                    default: throw new ArgumentException($"Custom field {name} has an unsupported value type.");
                }
            }
        }
        writer.WriteEndObject();
        if (input.Account?.Id is { } accountId)
        {
            writer.WriteStartArray("associations"u8);
            writer.WriteStartObject();
            writer.WriteStartObject("to"u8);
            writer.WriteString("id"u8, accountId);
            writer.WriteEndObject();
            writer.WriteStartArray("types"u8);
            writer.WriteStartObject();
            writer.WriteString("associationCategory"u8, "HUBSPOT_DEFINED"u8);
            writer.WriteNumber("associationTypeId"u8, 1);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>Salesforce's create body, hand-written.</summary>
    public static void WriteSalesforce(Utf8JsonWriter writer, Contact input)
    {
        writer.WriteStartObject();
        if (input.FirstName is { } first) writer.WriteString("FirstName"u8, first);
        if (input.LastName is { } last) writer.WriteString("LastName"u8, last);
        if (input.EmailAddresses is { Count: > 0 } emails && emails[0].Email is { } email) writer.WriteString("Email"u8, email);
        writer.WriteEndObject();
    }

    /// <summary>HubSpot's create body as a DTO, serialised by System.Text.Json.</summary>
    public static void SerializeHubSpot(Utf8JsonWriter writer, Contact input)
    {
        var body = new HubSpotCreateBody();
        var p = body.Properties;
        if (input.FirstName is { } first) p["firstname"] = first;
        if ((input.LastName ?? LastNameOf(input.Name)) is { } last) p["lastname"] = last;
        if (input.EmailAddresses is { Count: > 0 } emails && emails[0].Email is { } email) p["email"] = email;
        if (input.Title is { } title) p["jobtitle"] = title;
        if (PhoneOfType(input.PhoneNumbers, "phone") is { } phone) p["phone"] = phone;
        if (PhoneOfType(input.PhoneNumbers, "mobile") is { } mobile) p["mobilephone"] = mobile;
        if (input.Addresses is { Count: > 0 } addresses)
        {
            var a = addresses[0];
            if (a.Street1 is { } street) p["address"] = street;
            if (a.City is { } city) p["city"] = city;
            if (a.State is { } state) p["state"] = state;
            if (a.PostalCode is { } zip) p["zip"] = zip;
            if (a.Country is { } country) p["country"] = country;
        }
        if (input.CreatedAt is { } created) p["createdate"] = created.ToString("O", CultureInfo.InvariantCulture);
        if (input.CustomFields is { } custom)
        {
            foreach (var (name, value) in custom)
            {
                if (Array.IndexOf(HubSpotWritten, name) < 0) p[name] = value;
            }
        }
        if (input.Account?.Id is { } accountId)
        {
            body.Associations =
            [
                new HubSpotAssociationInput
                {
                    To = new HubSpotAssociationTarget { Id = accountId },
                    Types = [new HubSpotAssociationTypeInput { AssociationCategory = "HUBSPOT_DEFINED", AssociationTypeId = 1 }],
                },
            ];
        }
        JsonSerializer.Serialize(writer, body, ProviderDtoContext.Default.HubSpotCreateBody);
    }

    /// <summary>Salesforce's create body as a DTO, serialised by System.Text.Json.</summary>
    public static void SerializeSalesforce(Utf8JsonWriter writer, Contact input)
    {
        var body = new SalesforceContactCreateBody
        {
            FirstName = input.FirstName,
            LastName = input.LastName,
            Email = input.EmailAddresses is { Count: > 0 } emails ? emails[0].Email : null,
        };
        JsonSerializer.Serialize(writer, body, ProviderDtoContext.Default.SalesforceContactCreateBody);
    }

    private static string? LastNameOf(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return null;
        var trimmed = fullName.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? null : trimmed[(space + 1)..];
    }

    private static string? PhoneOfType(List<PhoneNumber>? numbers, string type)
    {
        if (numbers is null) return null;
        foreach (var number in numbers)
        {
            if (string.Equals(number.Type, type, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(number.Number)) return number.Number;
        }
        if (type == "phone")
        {
            foreach (var number in numbers)
            {
                if (number.Type is null && !string.IsNullOrEmpty(number.Number)) return number.Number;
            }
        }
        return null;
    }
}
