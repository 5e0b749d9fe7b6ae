using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CrmGen.Benchmarks.Data;

/// <summary>
/// Response pages in the providers' documented shapes, built deterministically (fixed seed): the
/// same bytes on every run and machine.
/// </summary>
/// <remarks>
/// HubSpot CRM v3 objects list (<c>GET /crm/v3/objects/contacts</c>):
/// <c>{ results: [ { id, properties: { … }, createdAt, updatedAt, archived } ], paging: { next: { after, link } } }</c>,
/// every property value a string or null, the properties asked for plus <c>hs_object_id</c>,
/// custom properties among them. Salesforce REST query (<c>GET /query?q=…</c>):
/// <c>{ totalSize, done, nextRecordsUrl, records: [ { attributes: { type, url }, Id, …, Custom__c } ] }</c>,
/// timestamps as Salesforce writes them (<c>2024-01-15T10:30:00.000+0000</c>).
/// </remarks>
public static class ProviderPages
{
    /// <summary>Records per page.</summary>
    public const int RecordCount = 100;

    private const int Seed = 20241123;

    // Providers send non-ASCII text as UTF-8, not as \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] FirstNames =
    [
        "Amelia", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonas",
        "Kemi", "Lars", "Mei", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
    ];

    private static readonly string[] LastNames =
    [
        "Andersen", "Baptiste", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann", "Ito", "Jensen",
        "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
    ];

    private static readonly string[] Titles =
    [
        "Head of Sales", "Account Executive", "VP Marketing", "Operations Manager", "CTO",
        "Procurement Lead", "Customer Success Manager", "Founder & CEO",
    ];

    private static readonly string[] Cities = ["Berlin", "Lisbon", "Austin", "Toronto", "Osaka", "Lyon", "Denver", "Porto"];
    private static readonly string[] States = ["BE", "11", "TX", "ON", "27", "ARA", "CO", "13"];
    private static readonly string[] Countries = ["Germany", "Portugal", "United States", "Canada", "Japan", "France", "United States", "Portugal"];
    private static readonly string[] Companies = ["Northwind Traders", "Contoso Ltd", "Fabrikam Inc", "Tailspin Toys", "Wide World Importers", "Adventure Works"];
    private static readonly string[] LeadStatuses = ["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT"];
    private static readonly string[] Lifecycle = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];
    private static readonly string[] Regions = ["EMEA", "AMER", "APAC"];

    /// <summary>A 100-record HubSpot contacts list page (UTF-8 JSON).</summary>
    public static byte[] HubSpotContactsPage { get; } = BuildHubSpot();

    /// <summary>A 100-record Salesforce SOQL query page of contacts (UTF-8 JSON).</summary>
    public static byte[] SalesforceContactsPage { get; } = BuildSalesforce();

    private static byte[] BuildHubSpot()
    {
        var random = new Random(Seed);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var baseTime = new DateTimeOffset(2023, 6, 1, 8, 0, 0, TimeSpan.Zero);
            w.WriteStartObject();
            w.WriteStartArray("results");
            for (var i = 0; i < RecordCount; i++)
            {
                var id = (51001 + i * 3).ToString(CultureInfo.InvariantCulture);
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var created = baseTime.AddMinutes(random.Next(0, 500_000)).AddMilliseconds(random.Next(1000));
                var updated = created.AddHours(random.Next(1, 4000)).AddMilliseconds(random.Next(1000));
                var place = random.Next(Cities.Length);
                var hasAddress = i % 7 != 3;
                var hasCompany = i % 5 != 2;
                var hasMobile = i % 3 == 0;

                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteStartObject("properties");
                w.WriteString("address", hasAddress ? (10 + random.Next(990)).ToString(CultureInfo.InvariantCulture) + " Harbour Street" : null);
                w.WriteString("associatedcompanyid", hasCompany ? (9001 + random.Next(50)).ToString(CultureInfo.InvariantCulture) : null);
                w.WriteString("city", hasAddress ? Cities[place] : null);
                w.WriteString("company", hasCompany ? Companies[random.Next(Companies.Length)] : null);
                w.WriteString("country", hasAddress ? Countries[place] : null);
                w.WriteString("createdate", Iso(created));
                w.WriteString("email", i % 11 == 5 ? null : Ascii(first) + "." + Ascii(last) + i.ToString(CultureInfo.InvariantCulture) + "@example.com");
                w.WriteString("firstname", first);
                w.WriteString("hs_lead_status", LeadStatuses[random.Next(LeadStatuses.Length)]);
                w.WriteString("hs_object_id", id);
                w.WriteString("jobtitle", Titles[random.Next(Titles.Length)]);
                w.WriteString("lastmodifieddate", Iso(updated));
                w.WriteString("lastname", last);
                w.WriteString("lifecyclestage", Lifecycle[random.Next(Lifecycle.Length)]);
                w.WriteString("mobilephone", hasMobile ? "+1 415 555 " + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) : null);
                w.WriteString("notes_last_updated", i % 4 == 1 ? null : Iso(updated.AddDays(-random.Next(1, 30))));
                w.WriteString("phone", "+1 212 555 " + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
                w.WriteString("preferred_region", Regions[random.Next(Regions.Length)]);
                w.WriteString("nps_score", random.Next(0, 11).ToString(CultureInfo.InvariantCulture));
                w.WriteString("state", hasAddress ? States[place] : null);
                w.WriteString("zip", hasAddress ? random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture) : null);
                w.WriteEndObject();
                w.WriteString("createdAt", Iso(created));
                w.WriteString("updatedAt", Iso(updated));
                w.WriteBoolean("archived", false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("paging");
            w.WriteStartObject("next");
            w.WriteString("after", "51301");
            w.WriteString("link", "https://api.hubapi.com/crm/v3/objects/contacts?after=51301&limit=100");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] BuildSalesforce()
    {
        var random = new Random(Seed + 1);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var baseTime = new DateTimeOffset(2022, 9, 12, 7, 30, 0, TimeSpan.Zero);
            w.WriteStartObject();
            w.WriteNumber("totalSize", 2734);
            w.WriteBoolean("done", false);
            w.WriteString("nextRecordsUrl", "/services/data/v60.0/query/0r8xx3E5hYpGzAQAP-100");
            w.WriteStartArray("records");
            for (var i = 0; i < RecordCount; i++)
            {
                var id = "003Dn00000" + (i * 7919 % 100000).ToString("D5", CultureInfo.InvariantCulture) + "AAA";
                var first = i % 13 == 6 ? null : FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var created = baseTime.AddMinutes(random.Next(0, 700_000));
                var updated = created.AddMinutes(random.Next(1, 90_000));

                w.WriteStartObject();
                w.WriteStartObject("attributes");
                w.WriteString("type", "Contact");
                w.WriteString("url", "/services/data/v60.0/sobjects/Contact/" + id);
                w.WriteEndObject();
                w.WriteString("Id", id);
                w.WriteString("FirstName", first);
                w.WriteString("LastName", last);
                w.WriteString("Name", first is null ? last : first + " " + last);
                w.WriteString("Email", i % 9 == 4 ? null : Ascii(first ?? "info") + "." + Ascii(last) + "@example.org");
                w.WriteString("CreatedDate", SalesforceTime(created));
                w.WriteString("LastModifiedDate", SalesforceTime(updated));
                w.WriteString("Region__c", Regions[random.Next(Regions.Length)]);
                w.WriteNumber("Lead_Score__c", Math.Round(random.NextDouble() * 100, 1));
                w.WriteBoolean("Is_Partner__c", random.Next(4) == 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>HubSpot's timestamp form: <c>2024-01-15T10:30:00.123Z</c>.</summary>
    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Salesforce's timestamp form: <c>2024-01-15T10:30:00.000+0000</c>.</summary>
    private static string SalesforceTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private static string Ascii(string name)
    {
        Span<char> chars = stackalloc char[name.Length];
        var n = 0;
        foreach (var c in name.ToLowerInvariant())
        {
            chars[n++] = c switch { 'í' => 'i', 'ó' => 'o', 'ü' => 'u', '\'' => '-', _ => c };
        }
        return new string(chars[..n]);
    }
}
