namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary><c>truto_exclude_fields</c>: unified fields left out of the result, by wire name.</summary>
public class ExcludeFieldsTests
{
    private static Contact Full() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Title = "Analyst",
        EmailAddresses = [new EmailAddress { Email = "ada@example.com", Type = "work" }],
        PhoneNumbers = [new PhoneNumber { Number = "+442079460958", Type = "phone" }],
        Account = new AccountReference { Id = "9001" },
    };

    [Fact]
    public async Task Excluded_fields_are_null_and_the_rest_is_mapped()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var options = new CrmRequestOptions { ExcludeFields = ["email_addresses", "title", "phone_numbers.type", "created_at"] };

        var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, Full(), options);

        Assert.Null(contact.EmailAddresses);
        Assert.Null(contact.Title);
        Assert.Null(contact.CreatedAt);
        var phone = Assert.Single(contact.PhoneNumbers!);
        Assert.Equal("+442079460958", phone.Number);
        Assert.Null(phone.Type);
        Assert.Equal("Ada", contact.FirstName);
        Assert.NotNull(contact.UpdatedAt);
        Assert.NotNull(contact.RemoteData);
        // The provider request is not affected.
        using var body = Assert.Single(kit.Sandbox.Requests).ParseBody();
        Assert.Equal("ada@example.com", body.RootElement.GetProperty("properties").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Excluding_remote_data_is_ignoring_it()
    {
        await using var kit = await SemanticsKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise(), new CrmRequestOptions { ExcludeFields = ["remote_data", "stages.pipeline"] });

        Assert.Null(pipeline.RemoteData);
        Assert.Equal(3, pipeline.Stages!.Count);
        Assert.All(pipeline.Stages, s => Assert.Null(s.Pipeline));
        Assert.All(pipeline.Stages, s => Assert.NotNull(s.Name));
    }

    [Theory]
    [InlineData("frist_name", "Contact has no field 'frist_name'")]
    [InlineData("email_addresses.adress", "EmailAddress has no field 'adress'")]
    [InlineData("first_name.x", "String has no fields to exclude")]
    [InlineData("FirstName", "Contact has no field 'FirstName'")]
    public async Task An_unknown_field_is_refused_before_any_request(string field, string why)
    {
        await using var kit = await SemanticsKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            kit.Client.Contacts.CreateAsync(kit.HubSpot, Full(), new CrmRequestOptions { ExcludeFields = [field] }));

        Assert.Equal(field, ex.Field);
        Assert.Equal($"Cannot exclude '{field}' from the contacts result: {why}.", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task Exclusion_and_normalization_combine()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var contact = Full();
        contact.EmailAddresses = [new EmailAddress { Email = "ADA@EXAMPLE.COM" }];

        var result = await kit.Client.Contacts.CreateAsync(kit.HubSpot, contact,
            new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized, ExcludeFields = ["email_addresses.type", "phone_numbers"] });

        var email = Assert.Single(result.EmailAddresses!);
        Assert.Equal("ada@example.com", email.Email);
        Assert.Null(email.Type);
        Assert.Null(result.PhoneNumbers);
    }
}
