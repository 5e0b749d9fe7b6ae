using System.Text.Json;

namespace CrmGen.Benchmarks.Read;

/// <summary>
/// Variant (b): contacts pages mapped with a hand-written <see cref="Utf8JsonReader"/> loop, one
/// forward pass, only the strings the records keep allocated: the practical limit for this
/// mapping. Implements exactly the read mappings of <c>definitions/hubspot.crmmap</c> and
/// <c>definitions/salesforce.crmmap</c> (<c>contacts list</c>), without <c>remote_data</c>.
/// </summary>
public static class HandWrittenReaders
{
    /// <summary>A HubSpot CRM v3 contacts list page.</summary>
    public static CrmPage<Contact> ReadHubSpotPage(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject);
        var records = new List<Contact>();
        string? after = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null) continue;
                    records.Add(ReadHubSpotContact(ref reader));
                }
            }
            else if (reader.ValueTextEquals("paging"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                Expect(ref reader, JsonTokenType.StartObject);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("next"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Null) continue;
                        Expect(ref reader, JsonTokenType.StartObject);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var isAfter = reader.ValueTextEquals("after"u8);
                            reader.Read();
                            if (isAfter) after = ReadString(ref reader);
                            else reader.Skip();
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new CrmPage<Contact>(records, after);
    }

    /// <summary>One HubSpot contact object; the reader is on its start and ends on its end.</summary>
    public static Contact ReadHubSpotContact(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, objectId = null, first = null, last = null, title = null, email = null, phone = null, mobile = null;
        string? street = null, city = null, state = null, zip = null, country = null, companyId = null, company = null;
        bool hasEmail = false, hasPhone = false, hasMobile = false, hasStreet = false, hasCity = false, hasZip = false, hasCountry = false, hasCompany = false;
        DateTimeOffset? created = null, createdAt = null, updated = null, updatedAt = null, lastActivity = null;
        Dictionary<string, object?>? custom = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped) name = Unescaped(reader.GetString()!);
            reader.Read();
            if (name.SequenceEqual("properties"u8))
            {
                if (reader.TokenType == JsonTokenType.Null) continue;
                Expect(ref reader, JsonTokenType.StartObject);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var property = reader.ValueIsEscaped ? Unescaped(reader.GetString()!) : reader.ValueSpan;
                    switch (property.Length)
                    {
                        case 3 when property.SequenceEqual("zip"u8):
                            reader.Read(); zip = ReadString(ref reader); hasZip = zip is not null; continue;
                        case 4 when property.SequenceEqual("city"u8):
                            reader.Read(); city = ReadString(ref reader); hasCity = city is not null; continue;
                        case 5 when property.SequenceEqual("email"u8):
                            reader.Read(); email = ReadString(ref reader); hasEmail = reader.TokenType != JsonTokenType.Null; continue;
                        case 5 when property.SequenceEqual("phone"u8):
                            reader.Read(); phone = ReadString(ref reader); hasPhone = reader.TokenType != JsonTokenType.Null; continue;
                        case 5 when property.SequenceEqual("state"u8):
                            reader.Read(); state = ReadString(ref reader); continue;
                        case 7 when property.SequenceEqual("address"u8):
                            reader.Read(); street = ReadString(ref reader); hasStreet = street is not null; continue;
                        case 7 when property.SequenceEqual("country"u8):
                            reader.Read(); country = ReadString(ref reader); hasCountry = country is not null; continue;
                        case 7 when property.SequenceEqual("company"u8):
                            reader.Read(); company = ReadString(ref reader); continue;
                        case 8 when property.SequenceEqual("lastname"u8):
                            reader.Read(); last = ReadString(ref reader); continue;
                        case 8 when property.SequenceEqual("jobtitle"u8):
                            reader.Read(); title = ReadString(ref reader); continue;
                        case 9 when property.SequenceEqual("firstname"u8):
                            reader.Read(); first = ReadString(ref reader); continue;
                        case 10 when property.SequenceEqual("createdate"u8):
                            reader.Read(); created = ReadDateTime(ref reader); continue;
                        case 11 when property.SequenceEqual("mobilephone"u8):
                            reader.Read(); mobile = ReadString(ref reader); hasMobile = reader.TokenType != JsonTokenType.Null; continue;
                        case 12 when property.SequenceEqual("hs_object_id"u8):
                            reader.Read(); objectId = ReadString(ref reader); continue;
                        case 16 when property.SequenceEqual("lastmodifieddate"u8):
                            reader.Read(); updated = ReadDateTime(ref reader); continue;
                        case 18 when property.SequenceEqual("notes_last_updated"u8):
                            reader.Read(); lastActivity = ReadDateTime(ref reader); continue;
                        case 19 when property.SequenceEqual("associatedcompanyid"u8):
                            reader.Read(); companyId = ReadString(ref reader); hasCompany = reader.TokenType != JsonTokenType.Null; continue;
                    }
                    // Every other property is a custom field.
                    var key = reader.GetString()!;
                    reader.Read();
                    (custom ??= new Dictionary<string, object?>())[key] = ReadCustomValue(ref reader);
                }
            }
            else if (name.SequenceEqual("id"u8)) id = ReadString(ref reader);
            else if (name.SequenceEqual("createdAt"u8)) createdAt = ReadDateTime(ref reader);
            else if (name.SequenceEqual("updatedAt"u8)) updatedAt = ReadDateTime(ref reader);
            else reader.Skip();
        }

        var emails = new List<EmailAddress>(1);
        if (hasEmail) emails.Add(new EmailAddress { Email = email, Type = "work" });
        var phones = new List<PhoneNumber>(2);
        if (hasPhone) phones.Add(new PhoneNumber { Number = phone, Type = "phone" });
        if (hasMobile) phones.Add(new PhoneNumber { Number = mobile, Type = "mobile" });
        var addresses = new List<Address>(1);
        if (hasStreet || hasCity || hasZip || hasCountry)
        {
            addresses.Add(new Address { Street1 = street, City = city, State = state, PostalCode = zip, Country = country });
        }
        return new Contact
        {
            Id = id ?? objectId,
            FirstName = first,
            LastName = last,
            Name = FullName(first, last),
            Title = title,
            EmailAddresses = emails,
            PhoneNumbers = phones,
            Addresses = addresses,
            Account = hasCompany ? new AccountReference { Id = companyId, Name = company } : null,
            CreatedAt = created ?? createdAt,
            UpdatedAt = updated ?? updatedAt,
            LastActivityAt = lastActivity,
            CustomFields = custom,
        };
    }

    /// <summary>A Salesforce SOQL query page of contacts.</summary>
    public static CrmPage<Contact> ReadSalesforcePage(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject);
        var records = new List<Contact>();
        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("records"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null) continue;
                    records.Add(ReadSalesforceContact(ref reader));
                }
            }
            else if (reader.ValueTextEquals("nextRecordsUrl"u8))
            {
                reader.Read();
                next = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new CrmPage<Contact>(records, next);
    }

    private static Contact ReadSalesforceContact(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, first = null, last = null, name = null, email = null;
        var hasEmail = false;
        DateTimeOffset? created = null, updated = null;
        Dictionary<string, object?>? custom = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? Unescaped(reader.GetString()!) : reader.ValueSpan;
            reader.Read();
            switch (field.Length)
            {
                case 2 when field.SequenceEqual("Id"u8): id = ReadString(ref reader); break;
                case 4 when field.SequenceEqual("Name"u8): name = ReadString(ref reader); break;
                case 5 when field.SequenceEqual("Email"u8): email = ReadString(ref reader); hasEmail = reader.TokenType != JsonTokenType.Null; break;
                case 8 when field.SequenceEqual("LastName"u8): last = ReadString(ref reader); break;
                case 9 when field.SequenceEqual("FirstName"u8): first = ReadString(ref reader); break;
                case 11 when field.SequenceEqual("CreatedDate"u8): created = ReadDateTime(ref reader); break;
                case 16 when field.SequenceEqual("LastModifiedDate"u8): updated = ReadDateTime(ref reader); break;
                // `custom_fields <- * matching "__c$"`: the custom fields the query selected.
                case > 3 when field.EndsWith("__c"u8):
                    (custom ??= new Dictionary<string, object?>())[System.Text.Encoding.UTF8.GetString(field)] = ReadCustomValue(ref reader);
                    break;
                default: reader.Skip(); break;
            }
        }
        var emails = new List<EmailAddress>(1);
        if (hasEmail) emails.Add(new EmailAddress { Email = email, Type = "work" });
        return new Contact
        {
            Id = id,
            FirstName = first,
            LastName = last,
            Name = name,
            EmailAddresses = emails,
            CreatedAt = created,
            UpdatedAt = updated,
            CustomFields = custom,
        };
    }

    /// <summary>The HubSpot adapter's <c>@FullName</c>: first and last joined by a space, or whichever exists.</summary>
    internal static string? FullName(string? first, string? last)
    {
        var hasFirst = !string.IsNullOrEmpty(first);
        var hasLast = !string.IsNullOrEmpty(last);
        if (hasFirst && hasLast) return string.Concat(first, " ", last);
        return hasFirst ? first : hasLast ? last : null;
    }

    /// <summary>A string, a number as its text, or null.</summary>
    private static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => throw new JsonException($"Expected a string at byte {reader.TokenStartIndex}, found {reader.TokenType}."),
    };

    /// <summary>
    /// ISO-8601 text as a date-time, a value without an offset taken as UTC. Parsed from the UTF-8
    /// bytes by the runtime's public <see cref="CrmGen.Mapping.CrmJsonReader.TryReadIsoDateTime"/>,
    /// the fastest parser at hand for the providers' forms (Salesforce's <c>+0000</c> offsets, which
    /// <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> refuses): the practical limit uses the same
    /// date parsing as the generated code, so the comparison is of the mapping itself.
    /// </summary>
    private static DateTimeOffset? ReadDateTime(ref Utf8JsonReader reader)
        => CrmGen.Mapping.CrmJsonReader.TryReadIsoDateTime(ref reader, out var value)
            ? value
            : throw new JsonException($"Expected an ISO-8601 date-time at byte {reader.TokenStartIndex}.");

    /// <summary>A custom-field value: string, long, decimal (double beyond it), bool, null, or a JsonElement.</summary>
    private static object? ReadCustomValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer)) return integer;
                if (reader.TryGetDecimal(out var number)) return number;
                return reader.GetDouble();
            default: return JsonElement.ParseValue(ref reader);
        }
    }

    private static byte[] Unescaped(string text)
        => System.Text.Encoding.UTF8.GetBytes(text);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type) throw new JsonException($"Expected {type} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
    }
}
