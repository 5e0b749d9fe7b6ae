using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>The shared request options of the unified API on Pipedrive's contacts and pipelines create, over loopback HTTP.</summary>
public class PipedriveRequestOptionsTests
{
    [Fact]
    public async Task The_raw_format_is_pipedrives_own_response()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var raw = await kit.Client.Contacts.CreateRawAsync(kit.Account, new Contact { FirstName = "Ada" }, new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Raw });

        Assert.Equal(201, raw.StatusCode);
        Assert.Equal("20", raw.Header("x-ratelimit-limit"));
        using var body = raw.ParseJson();
        Assert.True(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("Ada", body.RootElement.GetProperty("data").GetProperty("name").GetString());
        Assert.True(body.RootElement.TryGetProperty("related_objects", out _));
    }

    [Fact]
    public async Task The_stream_format_reads_the_body_as_it_arrives()
    {
        await using var kit = await PipedriveKit.StartAsync();

        await using var stream = await kit.Client.Pipelines.CreateStreamAsync(kit.Account, new Pipeline { Name = "Enterprise" }, new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Stream });
        using var body = await JsonDocument.ParseAsync(stream.Body);

        Assert.Equal(200, stream.StatusCode);
        Assert.Equal("Enterprise", body.RootElement.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_normalized_format_canonicalises_what_pipedrive_returns()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var contact = new Contact
        {
            FirstName = "Ada",
            EmailAddresses = [new EmailAddress { Email = " ADA@Example.COM ", Type = "work" }],
            PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958", Type = "work" }],
        };

        var unified = await kit.Client.Contacts.CreateAsync(kit.Account, contact);
        var normalized = await kit.Client.Contacts.CreateAsync(kit.Account, contact, new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized });

        Assert.Equal("ADA@Example.COM", Assert.Single(unified.EmailAddresses!).Email);
        Assert.Equal("ada@example.com", Assert.Single(normalized.EmailAddresses!).Email);
        Assert.Equal("+44 20 7946 0958", Assert.Single(unified.PhoneNumbers!).Number);
        Assert.Equal("+442079460958", Assert.Single(normalized.PhoneNumbers!).Number);
        // No labels: an empty list in the unified record, dropped from the normalized one.
        Assert.Empty(unified.Tags!);
        Assert.Null(normalized.Tags);
        Assert.Equal(TimeSpan.Zero, normalized.CreatedAt!.Value.Offset);
    }

    [Fact]
    public async Task Excluded_fields_are_left_out_of_the_result()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact(),
            new CrmRequestOptions { ExcludeFields = ["email_addresses", "owner.id", "custom_fields"] });

        Assert.Null(contact.EmailAddresses);
        Assert.Null(contact.CustomFields);
        Assert.Null(contact.Owner?.Id);
        Assert.Equal("Ada", contact.FirstName);
        Assert.NotEmpty(contact.PhoneNumbers!);
    }

    [Fact]
    public async Task Remote_data_is_merged_into_the_request_body_and_wins_over_the_mapping()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var remoteData = new RawJson(Encoding.UTF8.GetBytes("""{"visible_to":"1","name":"Augusta Ada King"}"""));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada", LastName = "Lovelace" }, new CrmRequestOptions { RemoteData = remoteData });

        using var body = Assert.Single(kit.Sandbox.Requests).ParseBody();
        Assert.Equal("Augusta Ada King", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("1", body.RootElement.GetProperty("visible_to").GetString());
        var person = Assert.Single(kit.Sandbox.Pipedrive.Persons.Records);
        Assert.Equal("1", person.VisibleTo);
        Assert.Equal("Augusta Ada King", contact.Name);
        Assert.Equal(person.Id.ToString(CultureInfo.InvariantCulture), contact.Id);
    }

    [Fact]
    public async Task A_cancelled_create_sends_nothing()
    {
        await using var kit = await PipedriveKit.StartAsync();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" }, cancellationToken: cancellation.Token));

        Assert.Empty(kit.Sandbox.Pipedrive.Persons.Records);
    }
}
