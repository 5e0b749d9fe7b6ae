using CrmGen.EndToEnd.Tests.Pipedrive;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>
/// The Pipedrive persons list (v1 "Get all persons") over loopback: start/limit pages, the
/// next_start cursor, an empty list, a refused token, and records mapped as the create reads them.
/// </summary>
public class PipedriveListTests
{
    private static async Task<List<Contact>> SeedAsync(PipedriveKit kit, int count)
    {
        var created = new List<Contact>();
        for (var i = 0; i < count; i++)
        {
            // The sandbox limits requests per token per 2-second window, as Pipedrive does.
            kit.Clock.Advance(TimeSpan.FromSeconds(2));
            created.Add(await kit.Client.Contacts.CreateAsync(kit.Account,
                new Contact { FirstName = $"P{i:000}", LastName = "Lovelace", EmailAddresses = [new() { Email = $"p{i:000}@example.com", Type = "work" }] }));
        }
        kit.Clock.Advance(TimeSpan.FromSeconds(2));
        kit.Sandbox.ClearRequests();
        return created;
    }

    [Fact]
    public async Task The_first_page_holds_the_default_hundred_and_names_the_next_start()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var seeded = await SeedAsync(kit, 102);

        var page = await kit.Client.Contacts.ListAsync(kit.Account);

        Assert.Equal(PipedrivePersonsEmulator.DefaultPageSize, page.Records.Count);
        Assert.True(page.HasMore);
        Assert.Equal("100", page.NextCursor);
        Assert.Equal(seeded.Take(100).Select(c => c.Id), page.Records.Select(r => r.Id));
        var request = Assert.Single(kit.Sandbox.RequestsTo("pipedrive"));
        Assert.Equal(("GET", "/api/v1/persons"), (request.Method, request.Path));
        Assert.DoesNotContain("start=", request.QueryString, StringComparison.Ordinal);
        Assert.DoesNotContain("limit=", request.QueryString, StringComparison.Ordinal);
        Assert.Equal(kit.Sandbox.Options.PipedriveApiToken, request.Header("x-api-token"));
    }

    [Fact]
    public async Task Following_next_start_reads_every_page_to_the_last()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var seeded = await SeedAsync(kit, 7);

        var all = await kit.Client.Contacts.ListAllAsync(kit.Account, pageSize: 3).ToListAsync();

        Assert.Equal(seeded.Select(c => c.Id), all.Select(c => c.Id));
        var requests = kit.Sandbox.RequestsTo("pipedrive");
        Assert.Equal(3, requests.Count);
        Assert.Contains("limit=3", requests[0].QueryString, StringComparison.Ordinal);
        Assert.Contains("start=3", requests[1].QueryString, StringComparison.Ordinal);
        Assert.Contains("start=6", requests[2].QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_size_is_sent_as_limit()
    {
        await using var kit = await PipedriveKit.StartAsync();
        await SeedAsync(kit, 5);

        var page = await kit.Client.Contacts.ListAsync(kit.Account, new CrmPageRequest { PageSize = 2 });

        Assert.Equal(2, page.Records.Count);
        Assert.Equal("2", page.NextCursor);
        Assert.Contains("limit=2", Assert.Single(kit.Sandbox.RequestsTo("pipedrive")).QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_size_above_Pipedrives_maximum_asks_for_500()
    {
        await using var kit = await PipedriveKit.StartAsync();
        await SeedAsync(kit, 3);

        var page = await kit.Client.Contacts.ListAsync(kit.Account, new CrmPageRequest { PageSize = 5000 });

        Assert.Equal(3, page.Records.Count);
        Assert.False(page.HasMore);
        Assert.Contains("limit=500", Assert.Single(kit.Sandbox.RequestsTo("pipedrive")).QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_with_null_data_is_one_empty_last_page()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var page = await kit.Client.Contacts.ListAsync(kit.Account);

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_refused_token_is_a_provider_error()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var account = kit.With(credentials: PipedriveKit.ApiToken("not-the-token"));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.ListAsync(account));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("pipedrive", ex.Provider);
    }

    [Fact]
    public async Task A_listed_record_maps_as_the_create_read_it()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var created = await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact(), new CrmRequestOptions { IgnoreRemoteData = true });

        var listed = Assert.Single((await kit.Client.Contacts.ListAsync(kit.Account, options: new CrmRequestOptions { IgnoreRemoteData = true })).Records);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(created), System.Text.Json.JsonSerializer.Serialize(listed));
    }

    [Fact]
    public void The_list_reads_the_same_fields_as_the_create_and_pages_by_cursor()
    {
        var pipedrive = CrmGen.Providers.BuiltInProviders.All.Single(p => p.Name == "pipedrive");
        var list = Assert.IsAssignableFrom<CrmListOperation<Contact>>(pipedrive.FindOperation("contacts", "list"));

        Assert.Equal(pipedrive.FindOperation("contacts", "create")!.ReadFields, list.ReadFields);
        Assert.Equal(CrmPagingKind.Cursor, list.Paging);
        Assert.Equal(["data"], list.RecordPath);
    }
}
