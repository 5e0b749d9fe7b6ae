using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>
/// The HubSpot contacts list over loopback: pages, cursors, page size, request options, retries,
/// mapping errors, and records streamed while the page is still arriving.
/// </summary>
public class HubSpotListTests
{
    [Fact]
    public async Task The_first_page_holds_HubSpots_default_ten_records_mapped_like_a_create_response()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedHubSpot(12, i => i == 0 ? new() { ["jobtitle"] = "Engineer", ["phone"] = "+1 415 555 0100", ["hs_lead_status"] = "NEW" } : new());

        var page = await kit.Client.Contacts.ListAsync(kit.HubSpot);

        Assert.Equal(10, page.Records.Count);
        Assert.True(page.HasMore);
        Assert.Equal(seeded[9].Id, page.NextCursor);
        var first = page.Records[0];
        Assert.Equal((seeded[0].Id, "C000", "Lovelace", "C000 Lovelace", "Engineer"), (first.Id, first.FirstName, first.LastName, first.Name, first.Title));
        Assert.Equal("c000@example.com", Assert.Single(first.EmailAddresses!).Email);
        Assert.Equal(("+1 415 555 0100", "phone"), (Assert.Single(first.PhoneNumbers!).Number, first.PhoneNumbers![0].Type));
        Assert.Equal(seeded[0].CreatedAt, first.CreatedAt);
        Assert.NotNull(first.RemoteData);
        Assert.Equal(seeded.Take(10).Select(s => s.Id), page.Records.Select(r => r.Id));

        var request = Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
        Assert.Equal("GET", request.Method);
        Assert.Equal("/crm/v3/objects/contacts", request.Path);
        Assert.DoesNotContain("limit=", request.QueryString, StringComparison.Ordinal);
        Assert.DoesNotContain("after=", request.QueryString, StringComparison.Ordinal);
        Assert.Contains("properties=firstname%2Clastname%2Cemail", request.QueryString, StringComparison.Ordinal);
        Assert.Equal("Bearer " + kit.Sandbox.Options.HubSpotAccessToken, request.Header("Authorization"));
    }

    [Fact]
    public async Task Following_the_cursor_reads_every_page_to_the_last()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedHubSpot(23);

        var ids = new List<string?>();
        var pages = 0;
        CrmPage<Contact> page;
        var request = new CrmPageRequest { PageSize = 10 };
        do
        {
            page = await kit.Client.Contacts.ListAsync(kit.HubSpot, request);
            pages++;
            ids.AddRange(page.Records.Select(r => r.Id));
            request = new CrmPageRequest { Cursor = page.NextCursor, PageSize = 10 };
        }
        while (page.HasMore);

        Assert.Equal(3, pages);
        Assert.Equal(seeded.Select(s => s.Id), ids);
        Assert.Null(page.NextCursor);
        var requests = kit.Sandbox.RequestsTo("hubspot");
        Assert.Equal(3, requests.Count);
        Assert.Contains("limit=10", requests[0].QueryString, StringComparison.Ordinal);
        Assert.Contains("after=" + seeded[9].Id, requests[1].QueryString, StringComparison.Ordinal);
        Assert.Contains("after=" + seeded[19].Id, requests[2].QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_size_is_sent_as_limit()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedHubSpot(9);

        var page = await kit.Client.Contacts.ListAsync(kit.HubSpot, new CrmPageRequest { PageSize = 4 });

        Assert.Equal(4, page.Records.Count);
        Assert.Contains("limit=4", Assert.Single(kit.Sandbox.RequestsTo("hubspot")).QueryString, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kit.Client.Contacts.ListAsync(kit.HubSpot, new CrmPageRequest { PageSize = 0 }));
        Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
    }

    [Fact]
    public async Task A_page_size_above_HubSpots_maximum_asks_for_100_and_the_rest_follows()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedHubSpot(130);

        var page = await kit.Client.Contacts.ListAsync(kit.HubSpot, new CrmPageRequest { PageSize = 1000 });
        var all = await kit.Client.Contacts.ListAllAsync(kit.HubSpot, pageSize: 1000).ToListAsync();

        Assert.Equal(100, page.Records.Count);
        Assert.True(page.HasMore);
        Assert.Equal(seeded.Count, all.Count);
        var requests = kit.Sandbox.RequestsTo("hubspot");
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Contains("limit=100", r.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_list_is_one_empty_last_page()
    {
        await using var kit = await ListKit.StartAsync();

        var page = await kit.Client.Contacts.ListAsync(kit.HubSpot);
        var all = await kit.Client.Contacts.ListAllAsync(kit.HubSpot).ToListAsync();

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
        Assert.Empty(all);
        Assert.Equal(2, kit.Sandbox.RequestsTo("hubspot").Count);
    }

    [Fact]
    public async Task ListAll_follows_every_page_and_keeps_the_order()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedHubSpot(25);

        var all = await kit.Client.Contacts.ListAllAsync(kit.HubSpot, pageSize: 10).ToListAsync();

        Assert.Equal(seeded.Select(s => s.Id), all.Select(c => c.Id));
        Assert.Equal(seeded.Select(s => s.Properties["firstname"]), all.Select(c => c.FirstName));
        Assert.All(all, c => Assert.NotNull(c.RemoteData));
        Assert.Equal(3, kit.Sandbox.RequestsTo("hubspot").Count);
    }

    [Fact]
    public async Task Request_options_apply_to_every_record_of_every_page()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedHubSpot(3, i => new() { ["hs_lead_status"] = "OPEN" + i });
        kit.Sandbox.HubSpot.Contacts.Insert(new Dictionary<string, string> { ["email"] = "  Grace@Example.COM ", ["lastname"] = "Hopper" });

        var options = new CrmRequestOptions
        {
            RemoteQuery = new Dictionary<string, string?> { ["properties"] = "hs_lead_status" },
            IgnoreRemoteData = true,
            ExcludeFields = ["title"],
            ResponseFormat = CrmResponseFormat.Normalized,
        };
        var page = await kit.Client.Contacts.ListAsync(kit.HubSpot, new CrmPageRequest { PageSize = 2 }, options);
        var all = await kit.Client.Contacts.ListAllAsync(kit.HubSpot, pageSize: 2, options).ToListAsync();

        Assert.Equal(2, page.Records.Count);
        Assert.Equal(4, all.Count);
        foreach (var contact in page.Records.Concat(all))
        {
            Assert.Null(contact.RemoteData);
            Assert.Null(contact.Title);
        }
        Assert.Equal("OPEN0", page.Records[0].CustomFields!["hs_lead_status"]);
        Assert.Equal(new object?[] { "OPEN0", "OPEN1", "OPEN2" }, all.Take(3).Select(c => c.CustomFields!["hs_lead_status"]));
        Assert.Equal("grace@example.com", all[3].EmailAddresses![0].Email);
        Assert.All(kit.Sandbox.RequestsTo("hubspot"), r => Assert.Contains("properties=hs_lead_status", r.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_raw_and_stream_formats_are_refused_for_listing_every_record()
    {
        await using var kit = await ListKit.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await kit.Client.Contacts.ListAllAsync(kit.HubSpot, options: new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Stream }).ToListAsync());
        await Assert.ThrowsAsync<CrmValidationException>(() =>
            kit.Client.Contacts.ListAsync(kit.HubSpot, options: new CrmRequestOptions { ExcludeFields = ["no_such_field"] }));
        Assert.Empty(kit.Sandbox.RequestsTo("hubspot"));
    }

    [Fact]
    public async Task A_rate_limited_list_GET_is_retried()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedHubSpot(2);
        kit.Sandbox.InjectRateLimit("hubspot");

        var page = await kit.Client.Contacts.ListAsync(kit.HubSpot);

        Assert.Equal(2, page.Records.Count);
        var requests = kit.Sandbox.RequestsTo("hubspot");
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].PathAndQuery, requests[1].PathAndQuery);
        Assert.Equal([TimeSpan.FromSeconds(10)], kit.Clock.Waits);
    }

    [Fact]
    public async Task A_server_error_on_a_later_page_is_retried_while_listing_everything()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedHubSpot(4);
        await using var enumerator = kit.Client.Contacts.ListAllAsync(kit.HubSpot, pageSize: 2).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());
        kit.Sandbox.InjectServerError("hubspot", 503);
        var rest = new List<Contact>();
        while (await enumerator.MoveNextAsync()) rest.Add(enumerator.Current);

        Assert.Equal(seeded.Skip(2).Select(s => s.Id), rest.Select(c => c.Id));
        // The first page, the second page's 503, and the second page again.
        var requests = kit.Sandbox.RequestsTo("hubspot");
        Assert.Equal(3, requests.Count);
        Assert.Equal(requests[1].PathAndQuery, requests[2].PathAndQuery);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_malformed_page_is_a_mapping_error_with_the_json_path(bool all)
    {
        await using var kit = await ListKit.StartAsync();
        kit.Sandbox.InjectMalformedBody("hubspot", body: """{"results":[{"id":"1","properties":{}},{"id":"2","properties":{"createdate":"not a date"}}]}""");

        var error = all
            ? await Assert.ThrowsAsync<CrmMappingException>(async () => await kit.Client.Contacts.ListAllAsync(kit.HubSpot).ToListAsync())
            : await Assert.ThrowsAsync<CrmMappingException>(() => kit.Client.Contacts.ListAsync(kit.HubSpot));

        Assert.Equal("$.results[1].properties.createdate", error.JsonPath);
        Assert.Equal(("hubspot", "contacts"), (error.Provider, error.Resource));
        Assert.Contains("ISO-8601", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_that_is_not_json_is_a_mapping_error(bool all)
    {
        await using var kit = await ListKit.StartAsync();
        kit.Sandbox.InjectMalformedBody("hubspot", body: """{"results":[{"id":"1"},{"id": tru""");

        var error = all
            ? await Assert.ThrowsAsync<CrmMappingException>(async () => await kit.Client.Contacts.ListAllAsync(kit.HubSpot).ToListAsync())
            : await Assert.ThrowsAsync<CrmMappingException>(() => kit.Client.Contacts.ListAsync(kit.HubSpot));

        Assert.StartsWith("$.results[1]", error.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_the_provider_gives_twice_ends_the_listing_with_an_error()
    {
        await using var kit = await ListKit.StartAsync();
        var loop = """{"results":[{"id":"1","properties":{}}],"paging":{"next":{"after":"1"}}}""";
        kit.Sandbox.FailNextRequest(new CannedResponse(200, loop, Provider: "hubspot") { Times = 2 });

        var records = new List<Contact>();
        var error = await Assert.ThrowsAsync<CrmMappingException>(async () =>
        {
            await foreach (var contact in kit.Client.Contacts.ListAllAsync(kit.HubSpot)) records.Add(contact);
        });

        Assert.Equal(2, records.Count);
        Assert.Contains("already given", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, kit.Sandbox.RequestsTo("hubspot").Count);
    }

    [Fact]
    public async Task Records_are_yielded_while_the_rest_of_the_page_is_still_held_back()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedHubSpot(5);
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = 0;
        kit.Sandbox.HubSpot.Contacts.ListRecordWritten = async (index, aborted) =>
        {
            Interlocked.Increment(ref written);
            // The server holds the rest of the page until the client has seen the first record.
            if (index == 0) await firstReceived.Task.WaitAsync(TimeSpan.FromSeconds(20), aborted);
        };

        var writtenWhenFirstArrived = -1;
        var ids = new List<string?>();
        await foreach (var contact in kit.Client.Contacts.ListAllAsync(kit.HubSpot).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            if (ids.Count == 0)
            {
                writtenWhenFirstArrived = Volatile.Read(ref written);
                firstReceived.SetResult();
            }
            ids.Add(contact.Id);
        }

        // The hook runs after the first record was flushed, so the client may see that record before
        // the hook has counted it (0) or after (1); never later records, which the server holds back.
        Assert.InRange(writtenWhenFirstArrived, 0, 1);
        Assert.Equal(5, ids.Count);
        Assert.Equal(5, written);
    }

    /// <summary>
    /// Three HubSpot contacts whose list page the server stops sending after the first record
    /// until the returned source completes, and a client on real time with a 1-second timeout.
    /// </summary>
    private static (TaskCompletionSource Release, CrmClient Client) HoldBackAfterFirstRecord(ListKit kit)
    {
        kit.SeedHubSpot(3);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Sandbox.HubSpot.Contacts.ListRecordWritten = async (index, aborted) =>
        {
            if (index == 0) await release.Task.WaitAsync(TimeSpan.FromSeconds(30), aborted);
        };
        var client = new CrmClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, CrmGen.Providers.BuiltInProviders.All,
            new CrmClientOptions { Timeout = TimeSpan.FromSeconds(1) });
        return (release, client);
    }

    [Fact]
    public async Task A_page_body_that_stalls_runs_out_the_calls_timeout()
    {
        await using var kit = await ListKit.StartAsync();
        // The server sends the first record, then nothing more until the test ends.
        var (release, client) = HoldBackAfterFirstRecord(kit);
        using var _ = client;

        var seen = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CrmTimeoutException>(async () =>
        {
            await foreach (var contact in client.Contacts.ListAllAsync(kit.HubSpot)) seen++;
        });
        release.TrySetResult();

        Assert.Equal(1, seen);
        Assert.Equal(("hubspot", "contacts", "list"), (error.Provider, error.Resource, error.Operation));
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_time_the_caller_spends_on_a_record_does_not_count_against_the_page()
    {
        await using var kit = await ListKit.StartAsync();
        // The rest of the page is sent only once the caller has spent longer than the timeout on
        // the first record, so reading it needs the budget the pause kept.
        var (consumerDone, client) = HoldBackAfterFirstRecord(kit);
        using var _ = client;

        var ids = new List<string?>();
        await foreach (var contact in client.Contacts.ListAllAsync(kit.HubSpot))
        {
            ids.Add(contact.Id);
            if (ids.Count == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                consumerDone.SetResult();
            }
        }

        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_it()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedHubSpot(4);
        using var cancel = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var contact in kit.Client.Contacts.ListAllAsync(kit.HubSpot, pageSize: 2).WithCancellation(cancel.Token))
            {
                seen++;
                cancel.Cancel();
            }
        });

        Assert.Equal(1, seen);
        Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
    }
}
