using System.Net;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;

namespace CrmGen.EndToEnd.Tests.Associations;

/// <summary>
/// The unified association create carried out as one link per linked record, against
/// hand-written providers and an in-process handler that records every request.
/// </summary>
public class AssociationFanOutTests
{
    private const string Token = "tok_links_2f9c41d7e0b8";

    private static IntegratedAccount Account(string provider) => new(provider, CrmCredentials.AccessToken(Token)) { Id = "acme-links" };

    // Answers each request with {"id":"link_N","n":N}, N counting from 1.
    private static (CrmClient Client, RecordingHandler Handler) NewClient(Func<int, HttpResponseMessage>? respond = null)
    {
        var count = 0;
        var handler = new RecordingHandler((_, _) =>
        {
            var n = Interlocked.Increment(ref count);
            return Task.FromResult(respond?.Invoke(n) ?? RecordingHandler.Json(HttpStatusCode.OK, $$"""{"id":"link_{{n}}","n":{{n}}}"""));
        });
        var client = new CrmClient(new HttpClient(handler), [LinkTestProvider.ActionsOnly, LinkTestProvider.GenericAndAction]);
        return (client, handler);
    }

    private static Association AccountWith(string[]? contacts = null, string[]? opportunities = null, string[]? leads = null, string[]? accounts = null) => new()
    {
        Entity = "accounts",
        EntityId = "acc_1",
        Associations = new AssociationLinks
        {
            Accounts = accounts?.Select(id => new RecordReference { Id = id }).ToList(),
            Contacts = contacts?.Select(id => new RecordReference { Id = id }).ToList(),
            Leads = leads?.Select(id => new RecordReference { Id = id }).ToList(),
            Opportunities = opportunities?.Select(id => new RecordReference { Id = id }).ToList(),
        },
    };

    [Fact]
    public async Task Each_linked_record_becomes_one_request_in_order_through_the_pairs_action()
    {
        var (client, handler) = NewClient();

        await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2"], opportunities: ["o_1"]));

        var requests = handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(
            [
                "PUT https://links.test.invalid/api/accounts/acc_1/contacts/c_1",
                "PUT https://links.test.invalid/api/accounts/acc_1/contacts/c_2",
                "POST https://links.test.invalid/api/links",
            ],
            requests.Select(r => $"{r.Method} {r.Uri}"));
        Assert.Null(requests[0].Body);
        Assert.Null(requests[1].Body);
        Assert.Equal("""{"from":"acc_1","to":"o_1","type":"account_opportunity"}""", requests[2].Body);
        Assert.All(requests, r => Assert.Equal("Bearer " + Token, r.Header("Authorization")));
    }

    [Fact]
    public async Task The_result_echoes_the_association_with_the_raw_responses_as_a_json_array()
    {
        var (client, _) = NewClient();
        var request = AccountWith(contacts: ["c_1", "c_2"], opportunities: ["o_1"]);

        var result = await client.Associations.CreateAsync(Account("actions"), request);

        Assert.Equal("accounts", result.Entity);
        Assert.Equal("acc_1", result.EntityId);
        Assert.Equal(["c_1", "c_2"], result.Associations!.Contacts!.Select(r => r.Id));
        Assert.Equal(["o_1"], result.Associations.Opportunities!.Select(r => r.Id));
        Assert.Null(result.Associations.Accounts);
        Assert.Null(result.Associations.Leads);
        Assert.NotSame(request.Associations!.Contacts, result.Associations.Contacts);
        Assert.Equal("""[{"id":"link_1","n":1},{"id":"link_2","n":2},{"id":"link_3","n":3}]""", result.RemoteData!.ToString());

        var json = JsonSerializer.Serialize(result);
        Assert.Equal(
            """{"entity_id":"acc_1","entity":"accounts","associations":{"accounts":null,"contacts":[{"id":"c_1"},{"id":"c_2"}],"leads":null,"opportunities":[{"id":"o_1"}]},"remote_data":[{"id":"link_1","n":1},{"id":"link_2","n":2},{"id":"link_3","n":3}]}""",
            json);
    }

    [Fact]
    public async Task A_response_without_a_record_gives_null_in_remote_data()
    {
        var provider = new LinkTestProvider("empty", "Empty CRM", new NoRemoteDataLink());
        using var emptyClient = new CrmClient(new HttpClient(new RecordingHandler(HttpStatusCode.OK, "{}")), [provider]);

        var result = await emptyClient.Associations.CreateAsync(Account("empty"), AccountWith(contacts: ["c_1", "c_2"]));

        Assert.Equal("[null,null]", result.RemoteData!.ToString());
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out()
    {
        var (client, handler) = NewClient();

        var result = await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"]), new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(result.RemoteData);
        Assert.Equal(["c_1"], result.Associations!.Contacts!.Select(r => r.Id));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_remote_query_goes_to_every_link_request()
    {
        var (client, handler) = NewClient();
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { ["dry"] = "no", ["tag"] = "a b" } };

        await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"], opportunities: ["o_1"]), options);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("?dry=no&tag=a%20b", r.Uri.Query));
    }

    [Fact]
    public async Task Without_a_pair_action_the_generic_create_links_and_an_action_wins_over_it()
    {
        var (client, handler) = NewClient();
        var association = new Association
        {
            Entity = "contacts",
            EntityId = "c_9",
            Associations = new AssociationLinks
            {
                Accounts = [new RecordReference { Id = "acc_7" }],
                Leads = [new RecordReference { Id = "l_1" }],
            },
        };

        await client.Associations.CreateAsync(Account("generic"), association);

        Assert.Equal(
            [
                "PUT https://links.test.invalid/api/contacts/c_9/accounts/acc_7",
                "POST https://links.test.invalid/api/links",
            ],
            handler.Requests.Select(r => $"{r.Method} {r.Uri}"));
        Assert.Equal("""{"from":"c_9","to":"l_1","type":"contacts:leads"}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Ids_are_escaped_as_path_segments()
    {
        var (client, handler) = NewClient();
        var association = AccountWith(contacts: ["../admin", "a/b?c"]);
        association.EntityId = "acc 1";

        await client.Associations.CreateAsync(Account("actions"), association);

        Assert.Equal(
            [
                "/api/accounts/acc%201/contacts/..%2Fadmin",
                "/api/accounts/acc%201/contacts/a%2Fb%3Fc",
            ],
            handler.Requests.Select(r => r.Uri.AbsolutePath));
    }

    [Theory]
    [InlineData("leads")]
    [InlineData("accounts")]
    public async Task An_unsupported_pair_fails_before_any_request_naming_provider_and_pair(string unsupported)
    {
        var (client, handler) = NewClient();
        // The unsupported pair comes after supported ones: still nothing is sent.
        var association = unsupported == "leads"
            ? AccountWith(contacts: ["c_1"], opportunities: ["o_1"], leads: ["l_1"])
            : AccountWith(contacts: ["c_1"], accounts: ["acc_2"]);

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => client.Associations.CreateAsync(Account("actions"), association));

        Assert.StartsWith($"Actions CRM cannot link accounts to {unsupported}", ex.Message);
        Assert.Equal("actions", ex.Provider);
        Assert.Equal("association_links", ex.Resource);
        Assert.Equal($"link_accounts_{unsupported}", ex.Operation);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Every_unsupported_pair_is_named()
    {
        var (client, handler) = NewClient();
        var association = new Association
        {
            Entity = "opportunities",
            EntityId = "o_1",
            Associations = new AssociationLinks { Accounts = [new RecordReference { Id = "a" }], Leads = [new RecordReference { Id = "l" }] },
        };

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => client.Associations.CreateAsync(Account("actions"), association));

        Assert.StartsWith("Actions CRM cannot link opportunities to accounts or leads", ex.Message);
        Assert.Empty(handler.Requests);
    }

    public static TheoryData<string, Association, string> InvalidRequests => new()
    {
        { "entity", new Association { EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }] } }, "needs the 'entity'" },
        { "entity", new Association { Entity = " ", EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }] } }, "needs the 'entity'" },
        { "entity", new Association { Entity = "companies", EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }] } }, "Unknown association entity 'companies'; expected one of accounts, contacts, leads, opportunities" },
        { "entity_id", new Association { Entity = "accounts", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }] } }, "needs the 'entity_id'" },
        { "entity_id", new Association { Entity = "accounts", EntityId = "", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }] } }, "needs the 'entity_id'" },
        { "associations", new Association { Entity = "accounts", EntityId = "acc_1" }, "at least one record to link" },
        { "associations", new Association { Entity = "accounts", EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [], Opportunities = [] } }, "at least one record to link" },
        { "associations.contacts[1].id", new Association { Entity = "accounts", EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }, new RecordReference { Id = "" }] } }, "associations.contacts[1] has no id" },
        { "associations.opportunities[0].id", new Association { Entity = "accounts", EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [new RecordReference { Id = "c" }], Opportunities = [new RecordReference()] } }, "associations.opportunities[0] has no id" },
        { "associations.contacts[0].id", new Association { Entity = "accounts", EntityId = "acc_1", Associations = new AssociationLinks { Contacts = [null!] } }, "associations.contacts[0] has no id" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_invalid_request_names_the_field_and_sends_nothing(string field, Association association, string message)
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Associations.CreateAsync(Account("actions"), association));

        Assert.Equal(field, ex.Field);
        Assert.Equal("actions", ex.Provider);
        Assert.Contains(message, ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_operations_own_checks_run_for_every_link_before_any_request()
    {
        var provider = new LinkTestProvider("picky", "Picky CRM", new PickyLink());
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"id":"x"}""");
        using var client = new CrmClient(new HttpClient(handler), [provider]);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Associations.CreateAsync(Account("picky"), AccountWith(contacts: ["c_1", "c_2", "bad"])));

        Assert.Equal("target_id", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_unregistered_provider_is_a_configuration_error()
    {
        var (client, handler) = NewClient();

        await Assert.ThrowsAsync<CrmConfigurationException>(() => client.Associations.CreateAsync(Account("nowhere"), AccountWith(contacts: ["c_1"])));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_provider_error_stops_the_fan_out_and_says_which_links_were_made()
    {
        var (client, handler) = NewClient(n => n == 3
            ? RecordingHandler.Json(HttpStatusCode.NotFound, """{"message":"No such opportunity","code":"NOT_FOUND"}""")
            : null!);

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() =>
            client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2"], opportunities: ["o_1", "o_2", "o_3"])));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("actions", ex.Provider);
        Assert.Equal([("contacts", "c_1", "link_1"), ("contacts", "c_2", "link_2")], ex.CompletedLinks.Select(l => (l.Target!, l.TargetId!, l.Id!)));
        Assert.All(ex.CompletedLinks, l => Assert.Equal(("accounts", "acc_1"), (l.Entity!, l.EntityId!)));
        Assert.Equal("""{"id":"link_1","n":1}""", ex.CompletedLinks[0].RemoteData!.ToString());
        Assert.Equal(("opportunities", "o_1"), (ex.FailedLink.Target!, ex.FailedLink.TargetId!));
        Assert.Equal(["o_2", "o_3"], ex.NotAttemptedLinks.Select(l => l.TargetId));
        var inner = Assert.IsType<CrmProviderException>(ex.InnerException);
        Assert.Equal(404, inner.StatusCode);
        Assert.Equal("NOT_FOUND", inner.ProviderCode);
        Assert.Equal(
            "Linking accounts acc_1 → opportunities o_1 on provider 'actions' failed; 2 of 5 links were made (accounts acc_1 → contacts c_1, accounts acc_1 → contacts c_2), 2 not attempted: "
            + "Provider 'actions' returned 404 for integrated account 'acme-links' [NOT_FOUND]: No such opportunity",
            ex.Message);
    }

    [Fact]
    public async Task Refused_credentials_on_the_first_link_name_account_and_provider_without_the_secret()
    {
        var (client, handler) = NewClient(_ => RecordingHandler.Json(HttpStatusCode.Unauthorized, """{"message":"bad token"}"""));

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() => client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2"])));

        Assert.Single(handler.Requests);
        Assert.Empty(ex.CompletedLinks);
        Assert.Contains("no link was made", ex.Message);
        Assert.Contains("refused the credentials of integrated account 'acme-links'", ex.Message);
        Assert.Equal(401, Assert.IsType<CrmProviderException>(ex.InnerException).StatusCode);
        Assert.DoesNotContain(Token, ex.ToString());
    }

    [Fact]
    public async Task A_malformed_response_stops_the_fan_out_as_a_mapping_failure()
    {
        var (client, handler) = NewClient(n => n == 2 ? RecordingHandler.Json(HttpStatusCode.OK, """{"id": """) : null!);

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() => client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2", "c_3"])));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(ex.CompletedLinks);
        Assert.IsType<CrmMappingException>(ex.InnerException);
    }

    [Fact]
    public async Task A_connection_failure_stops_the_fan_out()
    {
        var handler = new RecordingHandler((_, _) => throw new HttpRequestException("Connection refused"));
        using var client = new CrmClient(new HttpClient(handler), [LinkTestProvider.ActionsOnly]);

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() => client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2"])));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Single(ex.NotAttemptedLinks);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        var (client, handler) = NewClient();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"]), cancellationToken: cts.Token));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_between_links_stops_before_the_next_one()
    {
        using var cts = new CancellationTokenSource();
        var (client, handler) = NewClient(n =>
        {
            if (n == 1) cts.Cancel();
            return null!;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2", "c_3"]), cancellationToken: cts.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_timeout_is_a_failed_link_not_a_cancellation()
    {
        var handler = new RecordingHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null!;
        });
        using var client = new CrmClient(new HttpClient(handler), [LinkTestProvider.ActionsOnly]);

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() =>
            client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2"]), new CrmRequestOptions { Timeout = TimeSpan.FromMilliseconds(50) }));

        Assert.IsType<CrmTimeoutException>(ex.InnerException);
        Assert.Empty(ex.CompletedLinks);
        Assert.Equal("c_1", ex.FailedLink.TargetId);
        Assert.Equal(["c_2"], ex.NotAttemptedLinks.Select(l => l.TargetId));
        Assert.True(handler.Requests.Count <= 1, "The link after the timed-out one was sent.");
    }

    [Fact]
    public async Task The_body_remote_data_is_merged_into_every_link_body()
    {
        var (client, handler) = NewClient();
        var options = new CrmRequestOptions { RemoteData = new RawJson("""{"type":"custom","note":"q3"}"""u8.ToArray()) };
        var association = new Association
        {
            Entity = "contacts",
            EntityId = "c_9",
            Associations = new AssociationLinks { Leads = [new RecordReference { Id = "l_1" }], Opportunities = [new RecordReference { Id = "o_1" }] },
        };

        await client.Associations.CreateAsync(Account("generic"), association, options);

        Assert.Equal(
            [
                """{"from":"c_9","to":"l_1","type":"custom","note":"q3"}""",
                """{"from":"c_9","to":"o_1","type":"custom","note":"q3"}""",
            ],
            handler.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task Remote_data_for_a_link_without_a_body_is_refused_before_any_request()
    {
        var (client, handler) = NewClient();
        var options = new CrmRequestOptions { RemoteData = new RawJson("""{"note":"q3"}"""u8.ToArray()) };

        // The opportunity link has a body; the contact links (made first) have none.
        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            client.Associations.CreateAsync(Account("actions"), AccountWith(opportunities: ["o_1"], contacts: ["c_1"]), options));

        Assert.Equal("remote_data", ex.Field);
        Assert.Contains("sends no request body", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_idempotency_key_becomes_one_key_per_link()
    {
        var (client, handler) = NewClient();

        await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2"], opportunities: ["o_1"]), new CrmRequestOptions { IdempotencyKey = "assoc-7" });

        Assert.Equal(["assoc-7-1", "assoc-7-2", "assoc-7-3"], handler.Requests.Select(r => r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task An_idempotency_key_too_long_for_the_link_suffix_is_refused_before_any_request()
    {
        var (client, handler) = NewClient();

        // 253 characters leave room for "-1" to "-9", not for "-10".
        var key = new string('k', 253);
        var ten = Enumerable.Range(1, 10).Select(i => "c_" + i).ToArray();

        await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ten[..9]), new CrmRequestOptions { IdempotencyKey = key });
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ten), new CrmRequestOptions { IdempotencyKey = key }));

        Assert.Contains("10 links", ex.Message);
        Assert.Equal(9, handler.Requests.Count);
        Assert.Equal(key + "-9", handler.Requests[8].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Excluded_fields_apply_to_the_association_result()
    {
        var (client, handler) = NewClient();

        var result = await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"], opportunities: ["o_1"]),
            new CrmRequestOptions { ExcludeFields = ["entity_id", "associations.opportunities", "remote_data"] });

        Assert.Null(result.EntityId);
        Assert.Null(result.RemoteData);
        Assert.Null(result.Associations!.Opportunities);
        Assert.Equal(["c_1"], result.Associations.Contacts!.Select(r => r.Id));
        Assert.Equal("accounts", result.Entity);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_excluded_field_the_association_does_not_have_is_refused_before_any_request()
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"]), new CrmRequestOptions { ExcludeFields = ["target_id"] }));

        Assert.Contains("target_id", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_normalized_format_gives_the_same_association()
    {
        var (client, _) = NewClient();

        var result = await client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"]), new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized });

        Assert.Equal(("accounts", "acc_1"), (result.Entity!, result.EntityId!));
        Assert.Equal(["c_1"], result.Associations!.Contacts!.Select(r => r.Id));
        Assert.Equal("""[{"id":"link_1","n":1}]""", result.RemoteData!.ToString());
    }

    [Theory]
    [InlineData(CrmResponseFormat.Raw)]
    [InlineData(CrmResponseFormat.Stream)]
    public async Task CreateAsync_refuses_the_raw_and_stream_formats(CrmResponseFormat format)
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Associations.CreateAsync(Account("actions"), AccountWith(contacts: ["c_1"]), new CrmRequestOptions { ResponseFormat = format }));

        Assert.Contains("CreateRawAsync", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task CreateRawAsync_returns_each_providers_response_untouched()
    {
        var (client, handler) = NewClient();

        var responses = await client.Associations.CreateRawAsync(Account("actions"), AccountWith(contacts: ["c_1"], opportunities: ["o_1"]));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(["""{"id":"link_1","n":1}""", """{"id":"link_2","n":2}"""], responses.Select(r => r.BodyText));
        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task CreateRawAsync_stops_at_a_provider_error_like_CreateAsync()
    {
        var (client, handler) = NewClient(n => n == 2 ? RecordingHandler.Json(HttpStatusCode.BadRequest, """{"message":"no"}""") : null!);

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() => client.Associations.CreateRawAsync(Account("actions"), AccountWith(contacts: ["c_1", "c_2", "c_3"])));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("""{"id":"link_1","n":1}""", Assert.Single(ex.CompletedLinks).RemoteData!.ToString());
        Assert.Equal("c_2", ex.FailedLink.TargetId);
    }

    [Fact]
    public async Task A_link_request_that_cannot_be_built_stops_everything_before_any_request()
    {
        // The third link's path hook refuses its target: the first two are not sent either.
        var provider = new LinkTestProvider("refusing", "Refusing CRM", new RefusingLink());
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"id":"x"}""");
        using var client = new CrmClient(new HttpClient(handler), [provider]);

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => client.Associations.CreateAsync(Account("refusing"), AccountWith(contacts: ["c_1", "c_2", "archived_3"])));

        Assert.Contains("archived_3", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_missing_credential_is_reported_before_any_request()
    {
        var (client, handler) = NewClient();
        var account = new IntegratedAccount("actions", CrmCredentials.ApiKey("wrong kind")) { Id = "acme-links" };

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => client.Associations.CreateAsync(account, AccountWith(contacts: ["c_1"])));

        Assert.Contains("access_token", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Link_operations_are_found_by_pair_then_generic_create()
    {
        Assert.Equal("link_accounts_contacts", AssociationsClient.FindLinkOperation(LinkTestProvider.ActionsOnly, "accounts", "contacts")!.Name);
        Assert.Null(AssociationsClient.FindLinkOperation(LinkTestProvider.ActionsOnly, "contacts", "accounts"));
        Assert.False(AssociationsClient.CanLink(LinkTestProvider.ActionsOnly, "accounts", "leads"));
        Assert.Equal("link_contacts_accounts", AssociationsClient.FindLinkOperation(LinkTestProvider.GenericAndAction, "contacts", "accounts")!.Name);
        Assert.Equal("create", AssociationsClient.FindLinkOperation(LinkTestProvider.GenericAndAction, "leads", "opportunities")!.Name);
        Assert.Equal(["accounts", "contacts", "leads", "opportunities"], AssociationsClient.EntityTypes);
    }

    /// <summary>A generic link whose response carries no record to keep.</summary>
    private sealed class NoRemoteDataLink : CrmOperation<AssociationLink, AssociationLink>
    {
        public override string Provider => "empty";
        public override string Resource => AssociationsClient.LinkResource;
        public override string Name => "create";
        public override CrmOperationKind Kind => CrmOperationKind.Create;
        public override HttpMethod Method => HttpMethod.Post;
        public override IReadOnlyList<string> RequiredFields { get; } = [];
        public override IReadOnlyList<string> WrittenFields { get; } = [];
        public override IReadOnlyList<string> ReadFields { get; } = [];
        public override bool HasBody => false;
        public override void Validate(AssociationLink input) { }
        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, AssociationLink input) => request.AppendPath("/links");
        public override AssociationLink ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => new();
    }

    /// <summary>A generic link whose path building refuses targets whose id starts with <c>archived_</c>.</summary>
    private sealed class RefusingLink : CrmOperation<AssociationLink, AssociationLink>
    {
        public override string Provider => "refusing";
        public override string Resource => AssociationsClient.LinkResource;
        public override string Name => "create";
        public override CrmOperationKind Kind => CrmOperationKind.Create;
        public override HttpMethod Method => HttpMethod.Put;
        public override IReadOnlyList<string> RequiredFields { get; } = [];
        public override IReadOnlyList<string> WrittenFields { get; } = ["target_id"];
        public override IReadOnlyList<string> ReadFields { get; } = ["id"];
        public override bool HasBody => false;
        public override void Validate(AssociationLink input) { }
        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, AssociationLink input)
        {
            if (input.TargetId!.StartsWith("archived_", StringComparison.Ordinal))
            {
                throw new CrmNotSupportedException(Provider, Resource, Name, $"Refusing CRM cannot link the archived record {input.TargetId}.");
            }
            request.AppendPath("/links/");
            request.AppendPathParameter("target", input.TargetId);
        }
        public override AssociationLink ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => new() { Id = "x" };
    }

    /// <summary>A generic link whose own check refuses the target id <c>bad</c>.</summary>
    private sealed class PickyLink : CrmOperation<AssociationLink, AssociationLink>
    {
        public override string Provider => "picky";
        public override string Resource => AssociationsClient.LinkResource;
        public override string Name => "create";
        public override CrmOperationKind Kind => CrmOperationKind.Create;
        public override HttpMethod Method => HttpMethod.Post;
        public override IReadOnlyList<string> RequiredFields { get; } = ["target_id"];
        public override IReadOnlyList<string> WrittenFields { get; } = ["target_id"];
        public override IReadOnlyList<string> ReadFields { get; } = ["id"];
        public override bool HasBody => false;
        public override void Validate(AssociationLink input)
        {
            if (input.TargetId == "bad") throw new CrmValidationException(Provider, "target_id 'bad' is not an id.", "target_id");
        }
        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, AssociationLink input) => request.AppendPath("/links");
        public override AssociationLink ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => new() { Id = "x" };
    }
}
