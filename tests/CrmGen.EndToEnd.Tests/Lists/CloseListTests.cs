using CrmGen.EndToEnd.Tests.Semantics;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>
/// The Close contacts list over loopback: offset pages (<c>_skip</c>/<c>_limit</c>, and
/// <c>has_more</c>, the <c>next_page offset</c> kind), the next offset counted from the records
/// of the page (also while they stream), a cursor that is not an offset refused before any
/// request, and records mapped as the create reads them.
/// </summary>
public class CloseListTests
{
    private static async Task<List<Contact>> SeedAsync(SemanticsKit kit, int count)
    {
        var lead = kit.Sandbox.Close.Contacts.AddLead("Analytical Engines");
        var created = new List<Contact>();
        for (var i = 0; i < count; i++)
        {
            ((InstantTimeProvider)kit.Clock).Advance(TimeSpan.FromSeconds(1));
            created.Add(await kit.Client.Contacts.CreateAsync(kit.Close, new Contact
            {
                FirstName = $"K{i:000}",
                LastName = "Lovelace",
                Title = "Engineer",
                Account = new AccountReference { Id = lead.Id },
                EmailAddresses = [new() { Email = $"k{i:000}@example.com", Type = "work" }],
                CustomFields = new Dictionary<string, object?> { ["custom.cf_region"] = "EMEA" },
            }));
        }
        ((InstantTimeProvider)kit.Clock).Advance(TimeSpan.FromSeconds(1));
        kit.Sandbox.ClearRequests();
        return created;
    }

    [Fact]
    public async Task A_page_size_above_100_asks_for_100()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var seeded = await SeedAsync(kit, 3);

        var page = await kit.Client.Contacts.ListAsync(kit.Close, new CrmPageRequest { PageSize = 1000 });

        Assert.Equal(seeded.Select(c => c.Id).Order(StringComparer.Ordinal), page.Records.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.False(page.HasMore);
        Assert.Equal("?_limit=100", Assert.Single(kit.Sandbox.RequestsTo("close")).QueryString);
    }

    [Fact]
    public async Task The_first_page_skips_nothing_and_counts_the_next_offset()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var seeded = await SeedAsync(kit, 5);

        var page = await kit.Client.Contacts.ListAsync(kit.Close, new CrmPageRequest { PageSize = 2 });

        Assert.Equal(seeded.Take(2).Select(c => c.Id), page.Records.Select(r => r.Id));
        Assert.True(page.HasMore);
        Assert.Equal("2", page.NextCursor);
        var request = Assert.Single(kit.Sandbox.RequestsTo("close"));
        Assert.Equal(("GET", "/api/v1/contact/", "?_limit=2"), (request.Method, request.Path, request.QueryString));
    }

    [Fact]
    public async Task A_page_at_an_offset_names_the_offset_after_its_records()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var seeded = await SeedAsync(kit, 5);

        var page = await kit.Client.Contacts.ListAsync(kit.Close, new CrmPageRequest { Cursor = "2", PageSize = 2 });
        var last = await kit.Client.Contacts.ListAsync(kit.Close, new CrmPageRequest { Cursor = page.NextCursor, PageSize = 2 });

        Assert.Equal(seeded.Skip(2).Take(2).Select(c => c.Id), page.Records.Select(r => r.Id));
        Assert.Equal("4", page.NextCursor);
        Assert.Equal([seeded[4].Id], last.Records.Select(r => r.Id));
        Assert.False(last.HasMore);
        Assert.Null(last.NextCursor);
        var requests = kit.Sandbox.RequestsTo("close");
        Assert.Equal(["?_skip=2&_limit=2", "?_skip=4&_limit=2"], requests.Select(r => r.QueryString));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Listing_all_follows_the_offsets_to_the_last_page(int pageSize)
    {
        // ListAllAsync maps records as they arrive and reads has_more from what remains of the
        // body: the next offset must still count every record streamed.
        await using var kit = await SemanticsKit.StartAsync();
        var seeded = await SeedAsync(kit, 7);

        var all = await kit.Client.Contacts.ListAllAsync(kit.Close, pageSize).ToListAsync();

        Assert.Equal(seeded.Select(c => c.Id), all.Select(c => c.Id));
        var expected = Enumerable.Range(0, (7 + pageSize - 1) / pageSize)
            .Select(i => i == 0 ? $"?_limit={pageSize}" : $"?_skip={i * pageSize}&_limit={pageSize}");
        Assert.Equal(expected, kit.Sandbox.RequestsTo("close").Select(r => r.QueryString));
    }

    [Fact]
    public async Task Records_are_mapped_as_the_create_reads_them()
    {
        await using var kit = await SemanticsKit.StartAsync();
        var seeded = await SeedAsync(kit, 1);

        var listed = Assert.Single((await kit.Client.Contacts.ListAsync(kit.Close)).Records);

        var created = seeded[0];
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal(("K000", "Lovelace", "K000 Lovelace", "Engineer"), (listed.FirstName, listed.LastName, listed.Name, listed.Title));
        Assert.Equal(created.Account!.Id, listed.Account!.Id);
        Assert.Equal("k000@example.com", Assert.Single(listed.EmailAddresses!).Email);
        Assert.Equal("EMEA", listed.CustomFields!["custom.cf_region"]?.ToString());
        Assert.Equal(created.CreatedAt, listed.CreatedAt);
        Assert.DoesNotContain("organization_id", listed.CustomFields.Keys);
    }

    [Fact]
    public async Task Has_more_with_an_empty_page_ends_the_listing_with_an_error_not_a_loop()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(200, """{"has_more": true, "data": []}""", Provider: "close") { Times = 2 });

        var error = await Assert.ThrowsAsync<CrmMappingException>(async () => await kit.Client.Contacts.ListAllAsync(kit.Close).ToListAsync());

        Assert.Contains("already given", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, kit.Sandbox.RequestsTo("close").Count);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData(" 2")]
    [InlineData("2&_limit=1000")]
    [InlineData("")]
    public async Task A_cursor_that_is_not_an_offset_is_refused_before_any_request(string cursor)
    {
        await using var kit = await SemanticsKit.StartAsync();

        var error = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.ListAsync(kit.Close, new CrmPageRequest { Cursor = cursor }));

        Assert.Equal("cursor", error.Field);
        Assert.Contains("provider 'close' pages by offset", error.Message, StringComparison.Ordinal);
        Assert.Empty(kit.Sandbox.RequestsTo("close"));
    }

    [Fact]
    public async Task The_sandbox_refuses_a_limit_above_its_maximum_with_Closes_error_body()
    {
        // The adapter never asks for more than 100 (above); the sandbox itself, asked directly, refuses.
        await using var kit = await SemanticsKit.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            kit.Sandbox.BaseAddressFor("close").AbsoluteUri.TrimEnd('/') + "/contact/?_limit=" + (CloseContactsEmulator.MaxListLimit + 1));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(kit.Sandbox.Options.CloseApiKey + ":")));

        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("_limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
