using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>The four response formats against the sandbox, through the generated HubSpot and Close adapters.</summary>
public class ResponseFormatTests
{
    [Fact]
    public async Task Raw_returns_HubSpots_own_response()
    {
        await using var kit = await SemanticsKit.StartAsync();

        var raw = await kit.Client.Contacts.CreateRawAsync(kit.HubSpot, SemanticsKit.Ada());

        var record = Assert.Single(kit.Sandbox.HubSpot.Contacts.Records);
        Assert.Equal("hubspot", raw.Provider);
        Assert.Equal(201, raw.StatusCode);
        Assert.StartsWith("application/json", raw.ContentType);
        Assert.Equal("100", raw.Header("X-HubSpot-RateLimit-Max"));
        using var body = raw.ParseJson();
        Assert.Equal(record.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("Ada", body.RootElement.GetProperty("properties").GetProperty("firstname").GetString());
        Assert.False(body.RootElement.TryGetProperty("first_name", out _));
        Assert.Equal(raw.Body.Length.ToString(), raw.Header("Content-Length"));
    }

    [Fact]
    public async Task Raw_returns_Closes_own_response_byte_for_byte()
    {
        await using var kit = await SemanticsKit.StartAsync();

        var raw = await kit.Client.Pipelines.CreateRawAsync(kit.Close, SemanticsKit.Enterprise());
        var unified = await kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Partners" });

        Assert.Equal(200, raw.StatusCode);
        Assert.Contains("remaining=", raw.Header("RateLimit"));
        using var body = raw.ParseJson();
        Assert.Equal("Enterprise", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("statuses").GetArrayLength());
        // The unified call's remote_data is the same kind of body, as the provider sent it.
        using var other = unified.RemoteData!.Parse();
        Assert.Equal(
            body.RootElement.EnumerateObject().Select(p => p.Name),
            other.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Stream_hands_over_the_provider_body_as_it_arrives()
    {
        await using var kit = await SemanticsKit.StartAsync();

        await using var response = await kit.Client.Pipelines.CreateStreamAsync(kit.Close, SemanticsKit.Enterprise());
        using var document = await JsonDocument.ParseAsync(response.Body);

        Assert.Equal("close", response.Provider);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        var record = Assert.Single(kit.Sandbox.Close.Pipelines.Records);
        Assert.Equal(record.Id, document.RootElement.GetProperty("id").GetString());
        Assert.Equal(["Active", "Won", "Lost"], document.RootElement.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Stream_of_a_HubSpot_create_reads_to_the_end()
    {
        await using var kit = await SemanticsKit.StartAsync();

        await using var response = await kit.Client.Contacts.CreateStreamAsync(kit.HubSpot, SemanticsKit.Ada());
        using var reader = new StreamReader(response.Body);
        var text = await reader.ReadToEndAsync();

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(response.ContentLength, System.Text.Encoding.UTF8.GetByteCount(text));
        Assert.Contains("\"firstname\":\"Ada\"", text);
    }

    [Fact]
    public async Task A_stream_handed_over_stays_readable_after_the_timeout_elapsed()
    {
        await using var kit = await SemanticsKit.StartAsync(realTime: true);

        await using var response = await kit.Client.Pipelines.CreateStreamAsync(kit.Close, SemanticsKit.Enterprise(),
            new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(1) });
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        using var document = await JsonDocument.ParseAsync(response.Body);

        Assert.Equal("Enterprise", document.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Errors_are_exceptions_in_every_format()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var wrongKey = EndToEnd.EndToEndKit.WithCredentials(kit.Close, CrmCredentials.ApiKey("not-the-key"));

        var raw = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateRawAsync(wrongKey, SemanticsKit.Enterprise()));
        var stream = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Pipelines.CreateStreamAsync(wrongKey, SemanticsKit.Enterprise()));
        var normalized = await Assert.ThrowsAsync<CrmProviderException>(() =>
            kit.Client.Pipelines.CreateAsync(wrongKey, SemanticsKit.Enterprise(), new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized }));

        Assert.All(new[] { raw, stream, normalized }, ex =>
        {
            Assert.Equal(401, ex.StatusCode);
            Assert.Contains("refused the credentials of integrated account 'acme-close'", ex.Message);
            Assert.DoesNotContain("not-the-key", ex.ToString());
        });
    }

    [Theory]
    [InlineData(CrmResponseFormat.Raw)]
    [InlineData(CrmResponseFormat.Stream)]
    public async Task A_typed_call_asked_for_raw_or_stream_says_which_call_to_use(CrmResponseFormat format)
    {
        await using var kit = await SemanticsKit.StartAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            kit.Client.Contacts.CreateAsync(kit.HubSpot, SemanticsKit.Ada(), new CrmRequestOptions { ResponseFormat = format }));

        Assert.Contains($"Create{format}Async", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task Normalized_canonicalises_the_HubSpot_contact()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var contact = new Contact
        {
            FirstName = "Ada",
            LastName = "Lovelace",
            EmailAddresses = [new EmailAddress { Email = "Ada.Lovelace@Example.COM", Type = "work" }],
            PhoneNumbers =
            [
                new PhoneNumber { Number = "+44 (0)20 7946 0958", Type = "phone" },
                new PhoneNumber { Number = "0044 7700 900123", Type = "mobile" },
            ],
            CustomFields = new Dictionary<string, object?> { ["favourite_engine"] = "analytical", ["hs_persona"] = "" },
        };

        var unified = await kit.Client.Contacts.CreateAsync(kit.HubSpot, contact);
        var normalized = await kit.Client.Contacts.CreateAsync(kit.HubSpot,
            new Contact { FirstName = contact.FirstName, LastName = contact.LastName, EmailAddresses = [new EmailAddress { Email = "Ada.Lovelace@Example.ORG" }], PhoneNumbers = contact.PhoneNumbers, CustomFields = contact.CustomFields },
            new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized });

        Assert.Equal("Ada.Lovelace@Example.COM", Assert.Single(unified.EmailAddresses!).Email);
        Assert.Equal("ada.lovelace@example.org", Assert.Single(normalized.EmailAddresses!).Email);
        Assert.Equal(["+44 (0)20 7946 0958", "0044 7700 900123"], unified.PhoneNumbers!.Select(p => p.Number));
        Assert.Equal(["+442079460958", "+447700900123"], normalized.PhoneNumbers!.Select(p => p.Number));
        Assert.Equal("", unified.CustomFields!["hs_persona"]);
        Assert.False(normalized.CustomFields!.ContainsKey("hs_persona"));
        Assert.Equal("analytical", normalized.CustomFields["favourite_engine"]);
        Assert.Equal(TimeSpan.Zero, normalized.CreatedAt!.Value.Offset);
        Assert.Equal(kit.Clock.GetUtcNow(), normalized.CreatedAt.Value);
        Assert.Null(normalized.Addresses);
        Assert.NotNull(normalized.RemoteData);
    }

    [Fact]
    public async Task Normalized_leaves_a_Close_pipeline_in_UTC_with_its_stages()
    {
        await using var kit = await SemanticsKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise(),
            new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized, IgnoreRemoteData = true });

        Assert.Equal("Enterprise", pipeline.Name);
        Assert.Equal(3, pipeline.Stages!.Count);
        Assert.Equal(TimeSpan.Zero, pipeline.CreatedAt!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, pipeline.UpdatedAt!.Value.Offset);
        Assert.Null(pipeline.RemoteData);
    }
}
