using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.OptionsGrid;

/// <summary>What a unified call answered, whatever the record type.</summary>
internal sealed record GridResult(string? Id, RawJson? RemoteData, IReadOnlyList<string?>? Emails, IReadOnlyList<DateTimeOffset?> Timestamps);

/// <summary>One prepared call of a case: the sandbox is seeded and its journal cleared.</summary>
internal sealed class GridCall
{
    public required Func<CrmRequestOptions?, Task<GridResult>> Unified { get; init; }

    /// <summary>The raw responses: one, or one per link for associations.</summary>
    public required Func<CrmRequestOptions?, Task<IReadOnlyList<CrmRawResponse>>> Raw { get; init; }

    /// <summary>The stream format, or null where the operation has none (associations).</summary>
    public Func<CrmRequestOptions?, Task<CrmStreamResponse>>? Stream { get; init; }
}

/// <summary>
/// One seed operation of one provider: a valid sample input, the seeding it needs, and where the
/// provider legitimately differs (no body, no id, an idempotent method).
/// </summary>
internal sealed class GridCase
{
    public required string Name { get; init; }

    public required string Provider { get; init; }

    /// <summary>The provider answers with a JSON body (false: an empty 204, e.g. Salesforce PATCH links).</summary>
    public bool ResponseHasBody { get; init; } = true;

    /// <summary>The unified result carries the provider's id.</summary>
    public bool ReturnsId { get; init; } = true;

    /// <summary>The unified id is read from the provider's answer (an association's entity id is the caller's, not the provider's).</summary>
    public bool IdFromAnswer { get; init; } = true;

    /// <summary>The provider echoes the e-mail addresses back (contacts; Salesforce answers with the id only).</summary>
    public bool EchoesEmail { get; init; }

    /// <summary>The provider request has a JSON body (HubSpot's v4 default association PUT has none).</summary>
    public bool HasRequestBody { get; init; } = true;

    /// <summary>A 500 is retried without an idempotency key (the request's method is PUT).</summary>
    public bool IdempotentMethod { get; init; }

    /// <summary>The Idempotency-Key sent for the key "grid-key": an association's links each append "-{n}" (one link here: "-1").</summary>
    public string SentIdempotencyKey { get; init; } = "grid-key";

    /// <summary>The unified field ExcludeFields leaves out, and how to read it from the result.</summary>
    public string ExcludedField { get; init; } = "id";

    /// <summary>A top-level key merged through remote_data, and its JSON object.</summary>
    public string RemoteDataKey { get; init; } = "crmgen_extra";

    public string RemoteDataJson => $$"""{"{{RemoteDataKey}}":"crmgen"}""";

    public required Func<GridKit, Task<GridCall>> Prepare { get; init; }

    public override string ToString() => Name;

    /// <summary>The e-mail of the sample contact: padded and mixed-case, or only mixed-case where the provider refuses the padding (400/422).</summary>
    public string InputEmail { get; init; } = " Ada@Example.COM ";

    public static Contact SampleContact(GridKit kit, string provider, string email)
    {
        var contact = new Contact
        {
            FirstName = "Ada",
            LastName = "Lovelace",
            Title = "Analyst",
            EmailAddresses = [new EmailAddress { Email = email, Type = "work" }],
        };
        if (provider == "close") contact.Account = new AccountReference { Id = kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd").Id };
        return contact;
    }

    public static Pipeline SamplePipeline(string provider) => provider == "hubspot"
        ? new Pipeline
        {
            Name = "Enterprise",
            Stages = [new Stage { Name = "Discovery" }, new Stage { Name = "Signed", Status = "won" }, new Stage { Name = "Dropped", Status = "lost" }],
        }
        : new Pipeline { Name = "Enterprise" };

    private static GridResult Of(Contact c) => new(c.Id, c.RemoteData, c.EmailAddresses?.Select(e => e.Email).ToList(), [c.CreatedAt, c.UpdatedAt]);

    private static GridResult Of(Pipeline p) => new(p.Id, p.RemoteData, null, [p.CreatedAt, p.UpdatedAt]);

    // Associations have no id of their own: the entity id stands for it.
    private static GridResult Of(Association a) => new(a.EntityId, a.RemoteData, null, []);

    private static GridCase ContactCase(string provider, bool echoesEmail = true, bool padded = true, string remoteDataKey = "crmgen_extra")
    {
        var email = padded ? " Ada@Example.COM " : "Ada@Example.COM";
        return new()
        {
            Name = $"{provider}/contacts/create",
            Provider = provider,
            EchoesEmail = echoesEmail,
            InputEmail = email,
            RemoteDataKey = remoteDataKey,
            Prepare = async kit =>
            {
                await Task.Yield();
                var account = kit.Account(provider);
                var contact = SampleContact(kit, provider, email);
                kit.Sandbox.ClearRequests();
                return new GridCall
                {
                    Unified = async o => Of(await kit.Client.Contacts.CreateAsync(account, contact, o)),
                    Raw = async o => [await kit.Client.Contacts.CreateRawAsync(account, contact, o)],
                    Stream = o => kit.Client.Contacts.CreateStreamAsync(account, contact, o),
                };
            },
        };
    }

    private static GridCase PipelineCase(string provider) => new()
    {
        Name = $"{provider}/pipelines/create",
        Provider = provider,
        Prepare = async kit =>
        {
            await Task.Yield();
            var account = kit.Account(provider);
            var pipeline = SamplePipeline(provider);
            kit.Sandbox.ClearRequests();
            return new GridCall
            {
                Unified = async o => Of(await kit.Client.Pipelines.CreateAsync(account, pipeline, o)),
                Raw = async o => [await kit.Client.Pipelines.CreateRawAsync(account, pipeline, o)],
                Stream = o => kit.Client.Pipelines.CreateStreamAsync(account, pipeline, o),
            };
        },
    };

    private static GridCall AssociationCall(GridKit kit, IntegratedAccount account, Association association) => new()
    {
        Unified = async o => Of(await kit.Client.Associations.CreateAsync(account, association, o)),
        Raw = o => kit.Client.Associations.CreateRawAsync(account, association, o),
        Stream = null,
    };

    private static Association Link(string entity, string id, AssociationLinks links) => new() { Entity = entity, EntityId = id, Associations = links };

    private static List<RecordReference> Ids(params string[] ids) => ids.Select(id => new RecordReference { Id = id }).ToList();

    public static readonly IReadOnlyList<GridCase> All =
    [
        // HubSpot, Salesforce and HighLevel refuse an address with surrounding spaces: only the case is off.
        ContactCase("hubspot", padded: false),
        // Salesforce's create answers {"id","success","errors"}: an id, no e-mail to echo; unknown body keys are INVALID_FIELD.
        ContactCase("salesforce", echoesEmail: false, padded: false, remoteDataKey: "Description"),
        ContactCase("close"),
        ContactCase("highlevel", padded: false),
        ContactCase("pipedrive"),
        PipelineCase("close"),
        PipelineCase("hubspot"),
        PipelineCase("pipedrive"),
        // Salesforce: an opportunity linked to a contact is a POST of an OpportunityContactRole (a JSON answer).
        new GridCase
        {
            Name = "salesforce/associations/create (opportunity-contact role)",
            Provider = "salesforce",
            RemoteDataKey = "Role",
            ExcludedField = "entity_id",
            SentIdempotencyKey = "grid-key-1",
            IdFromAnswer = false,
            Prepare = async kit =>
            {
                await Task.Yield();
                var sobjects = kit.Sandbox.Salesforce.SObjects;
                var ada = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
                var deal = sobjects.Insert("Opportunity", new Dictionary<string, object?> { ["Name"] = "Renewal", ["StageName"] = "Prospecting", ["CloseDate"] = new DateOnly(2025, 6, 30) });
                kit.Sandbox.ClearRequests();
                return AssociationCall(kit, kit.Salesforce, Link("opportunities", deal.Id, new AssociationLinks { Contacts = Ids(ada.Id) }));
            },
        },
        // Salesforce: an account linked to a contact is a PATCH of the contact's lookup, answered 204 with no body.
        new GridCase
        {
            Name = "salesforce/associations/create (account-contact lookup)",
            Provider = "salesforce",
            ExcludedField = "entity_id",
            SentIdempotencyKey = "grid-key-1",
            IdFromAnswer = false,
            ResponseHasBody = false,
            RemoteDataKey = "Description",
            Prepare = async kit =>
            {
                await Task.Yield();
                var sobjects = kit.Sandbox.Salesforce.SObjects;
                var account = sobjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
                var ada = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
                kit.Sandbox.ClearRequests();
                return AssociationCall(kit, kit.Salesforce, Link("accounts", account.Id, new AssociationLinks { Contacts = Ids(ada.Id) }));
            },
        },
        // HubSpot: a v4 default association, PUT with no body (so a 500 is retried).
        new GridCase
        {
            Name = "hubspot/associations/create",
            Provider = "hubspot",
            ExcludedField = "entity_id",
            SentIdempotencyKey = "grid-key-1",
            IdFromAnswer = false,
            HasRequestBody = false,
            IdempotentMethod = true,
            Prepare = async kit =>
            {
                var company = kit.Sandbox.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Acme" });
                var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });
                kit.Sandbox.ClearRequests();
                return AssociationCall(kit, kit.HubSpot, Link("accounts", company.Id, new AssociationLinks { Contacts = Ids(contact.Id!) }));
            },
        },
        // HighLevel: POST /associations/relations through the location's contact-business definition.
        new GridCase
        {
            Name = "highlevel/associations/create",
            Provider = "highlevel",
            ExcludedField = "entity_id",
            SentIdempotencyKey = "grid-key-1",
            IdFromAnswer = false,
            Prepare = async kit =>
            {
                var definition = kit.Sandbox.HighLevel.Associations.Define("contact_business", "contact", "business", "Employee", "Company");
                var account = new IntegratedAccount("highlevel", CrmCredentials.AccessToken(kit.Sandbox.Options.HighLevelAccessToken), new Dictionary<string, string>
                {
                    ["location_id"] = kit.Sandbox.Options.HighLevelLocationId,
                    ["association_id_contacts_accounts"] = definition.Id,
                })
                {
                    Id = "grid-highlevel",
                    BaseAddressOverride = kit.Sandbox.BaseAddressFor("highlevel"),
                };
                var contact = await kit.Client.Contacts.CreateAsync(account, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });
                kit.Sandbox.ClearRequests();
                return AssociationCall(kit, account, Link("contacts", contact.Id!, new AssociationLinks { Accounts = Ids("641c094001436dbc2081e642") }));
            },
        },
    ];

    public static GridCase Named(string name) => All.Single(c => c.Name == name);
}
