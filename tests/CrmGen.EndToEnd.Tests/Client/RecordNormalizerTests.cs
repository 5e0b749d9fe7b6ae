using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Client;

public class RecordNormalizerTests
{
    private static readonly DateTimeOffset Paris = new(2025, 3, 14, 10, 26, 53, TimeSpan.FromHours(1));

    [Fact]
    public void Emails_are_trimmed_and_lower_cased()
    {
        var contact = new Contact { EmailAddresses = [new EmailAddress { Email = "  Ada.Lovelace@Example.COM ", Type = "work" }] };
        var user = new User { Email = "GRACE@NAVY.MIL" };

        CrmRecordNormalizer.Default.Normalize(contact);
        CrmRecordNormalizer.Default.Normalize(user);

        Assert.Equal("ada.lovelace@example.com", contact.EmailAddresses![0].Email);
        Assert.Equal("work", contact.EmailAddresses[0].Type);
        Assert.Equal("grace@navy.mil", user.Email);
    }

    [Fact]
    public void Phone_numbers_become_E164_where_they_parse()
    {
        var contact = new Contact
        {
            PhoneNumbers =
            [
                new PhoneNumber { Number = "+44 (0)20 7946 0958", Type = "phone" },
                new PhoneNumber { Number = " (415) 555-2671 ", Type = "mobile" },
                new PhoneNumber { Number = "+1 415 555 2671 x99", Type = "work" },
                new PhoneNumber { Number = "+1 415 555 2671 x99", Extension = "12" },
                new PhoneNumber { Number = " call the desk ", Type = "other" },
            ],
            PhoneNumber = "0044 7700 900123",
        };

        CrmRecordNormalizer.Default.Normalize(contact);

        Assert.Equal(["+442079460958", "(415) 555-2671", "+14155552671", "+14155552671", "call the desk"], contact.PhoneNumbers!.Select(p => p.Number));
        Assert.Equal("99", contact.PhoneNumbers[2].Extension);
        Assert.Equal("12", contact.PhoneNumbers[3].Extension);
        Assert.Equal("+447700900123", contact.PhoneNumber);
    }

    [Fact]
    public void National_numbers_use_the_default_calling_code()
    {
        var normalizer = new CrmRecordNormalizer(new CrmNormalizationOptions { DefaultPhoneCallingCode = 1 });
        var account = new Account { PhoneNumbers = [new PhoneNumber { Number = "(415) 555-2671" }] };

        normalizer.Normalize(account);

        Assert.Equal("+14155552671", account.PhoneNumbers![0].Number);
    }

    [Fact]
    public void Date_times_become_UTC_with_the_same_instant()
    {
        var opportunity = new Opportunity { CreatedAt = Paris, CloseDate = new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.FromHours(-7)) };

        CrmRecordNormalizer.Default.Normalize(opportunity);

        Assert.Equal(TimeSpan.Zero, opportunity.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero), opportunity.CreatedAt.Value);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 7, 0, 0, TimeSpan.Zero), opportunity.CloseDate!.Value);
        Assert.Equal("2025-03-14T09:26:53+00:00", JsonSerializer.Serialize(opportunity, UnifiedJsonContext.Default.Opportunity).Split("\"created_at\":\"")[1][..25]);
    }

    [Fact]
    public void Empty_values_are_dropped()
    {
        var contact = new Contact
        {
            FirstName = "",
            LastName = "  ",
            Name = "Ada",
            Title = "\t",
            EmailAddresses = [],
            PhoneNumbers = [new PhoneNumber { Number = " ", Type = null }, null!],
            Addresses = [new Address { City = "London", Street2 = "" }],
            Tags = [new Tag()],
            Owner = new OwnerReference { Id = "" },
            Account = new AccountReference { Id = "9001", Name = "" },
            CustomFields = new Dictionary<string, object?>
            {
                ["blank"] = " ",
                ["none"] = null,
                ["empty_list"] = JsonDocument.Parse("[]").RootElement.Clone(),
                ["empty_object"] = JsonDocument.Parse("{}").RootElement.Clone(),
                ["list"] = JsonDocument.Parse("[1]").RootElement.Clone(),
                ["zero"] = 0L,
                ["no"] = false,
                ["kept"] = " padded ",
            },
        };

        CrmRecordNormalizer.Default.Normalize(contact);

        Assert.Null(contact.FirstName);
        Assert.Null(contact.LastName);
        Assert.Equal("Ada", contact.Name);
        Assert.Null(contact.Title);
        Assert.Null(contact.EmailAddresses);
        Assert.Null(contact.PhoneNumbers);
        var address = Assert.Single(contact.Addresses!);
        Assert.Equal("London", address.City);
        Assert.Null(address.Street2);
        Assert.Null(contact.Tags);
        Assert.Null(contact.Owner);
        Assert.Equal("9001", contact.Account!.Id);
        Assert.Null(contact.Account.Name);
        Assert.Equal(["kept", "list", "no", "zero"], contact.CustomFields!.Keys.Order());
        Assert.Equal(" padded ", contact.CustomFields["kept"]);
        Assert.Equal(0L, contact.CustomFields["zero"]);
        Assert.Equal(false, contact.CustomFields["no"]);
    }

    [Fact]
    public void A_dictionary_left_empty_is_dropped_and_remote_data_is_kept_as_is()
    {
        var raw = new RawJson("""{"email":"ADA@EXAMPLE.COM","phone":""}"""u8.ToArray());
        var contact = new Contact { CustomFields = new Dictionary<string, object?> { ["x"] = "" }, RemoteData = raw };

        CrmRecordNormalizer.Default.Normalize(contact);

        Assert.Null(contact.CustomFields);
        Assert.Same(raw, contact.RemoteData);
        Assert.Equal("""{"email":"ADA@EXAMPLE.COM","phone":""}""", contact.RemoteData!.ToString());
    }

    [Fact]
    public void Nested_records_are_normalized()
    {
        var pipeline = new Pipeline
        {
            Name = "Sales",
            CreatedAt = Paris,
            Stages =
            [
                new Stage { Id = "s1", Name = "Lead", Pipeline = new PipelineReference { Id = "" } },
                new Stage(),
            ],
        };

        CrmRecordNormalizer.Default.Normalize(pipeline);

        var stage = Assert.Single(pipeline.Stages!);
        Assert.Equal("Lead", stage.Name);
        Assert.Null(stage.Pipeline);
        Assert.Equal(TimeSpan.Zero, pipeline.CreatedAt!.Value.Offset);
    }

    [Fact]
    public void A_list_of_records_is_normalized_element_by_element_but_kept()
    {
        var contacts = new List<Contact> { new() { EmailAddresses = [new EmailAddress { Email = "A@B.C" }] }, new() };

        CrmRecordNormalizer.Default.Normalize(contacts);

        Assert.Equal(2, contacts.Count);
        Assert.Equal("a@b.c", contacts[0].EmailAddresses![0].Email);
    }

    [Fact]
    public void The_record_itself_is_never_nulled_and_normalizing_twice_changes_nothing()
    {
        var empty = new Contact();
        CrmRecordNormalizer.Default.Normalize(empty);
        Assert.Null(empty.Id);

        var contact = new Contact { EmailAddresses = [new EmailAddress { Email = " X@Y.Z " }], PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958 ext 7" }], CreatedAt = Paris };
        CrmRecordNormalizer.Default.Normalize(contact);
        var once = Serialize(contact);
        CrmRecordNormalizer.Default.Normalize(contact);

        Assert.Equal(once, Serialize(contact));
        Assert.Equal("""{"email_addresses":[{"email":"x@y.z"}],"phone_numbers":[{"number":"+442079460958","extension":"7"}],"created_at":"2025-03-14T09:26:53+00:00"}""", once);
    }

    [Fact]
    public void A_type_without_metadata_is_left_alone()
    {
        var stranger = new Stranger { Email = " A@B.C " };

        CrmRecordNormalizer.Default.Normalize(stranger);

        Assert.Equal(" A@B.C ", stranger.Email);
    }

    private static readonly JsonSerializerOptions Relaxed = new(UnifiedJsonContext.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize(Contact contact) => JsonSerializer.Serialize(contact, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Contact>)Relaxed.GetTypeInfo(typeof(Contact)));

    private sealed class Stranger
    {
        public string? Email { get; set; }
    }
}
