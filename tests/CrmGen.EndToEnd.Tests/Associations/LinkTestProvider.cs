using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Associations;

/// <summary>
/// A hand-written provider with <c>association_links</c> operations, for testing the unified
/// association fan-out alone. Base address <c>https://links.test.invalid/api</c>, bearer auth
/// from <c>access_token</c>, errors read from <c>{"message", "code"}</c>.
/// </summary>
internal sealed class LinkTestProvider : ICrmProvider
{
    public const string BaseAddress = "https://links.test.invalid/api";

    public LinkTestProvider(string name, string displayName, params CrmOperation[] operations)
    {
        Name = name;
        DisplayName = displayName;
        Operations = operations;
    }

    /// <summary>
    /// Links accounts to contacts (<c>PUT /accounts/{entity_id}/contacts/{target_id}</c>, no body)
    /// and accounts to opportunities (<c>POST /links</c>); no generic create, so every other pair
    /// is unsupported.
    /// </summary>
    public static LinkTestProvider ActionsOnly { get; } = new("actions", "Actions CRM",
        LinkOperation.PathOnly("link_accounts_contacts", "contacts"),
        LinkOperation.WithBody("link_accounts_opportunities", "account_opportunity"));

    /// <summary>A generic create (<c>POST /links</c>) for every pair, and its own action for contacts → accounts.</summary>
    public static LinkTestProvider GenericAndAction { get; } = new("generic", "Generic CRM",
        LinkOperation.WithBody("create", null),
        LinkOperation.PathOnly("link_contacts_accounts", "accounts"));

    public string Name { get; }

    public string DisplayName { get; }

    public IReadOnlyList<CrmOperation> Operations { get; }

    public IReadOnlyList<string> CredentialNames { get; } = ["access_token"];

    public IReadOnlyList<CrmContextValue> ContextValues { get; } = [];

    public CrmOperation? FindOperation(string resource, string operation)
        => Operations.FirstOrDefault(o => o.Resource == resource && o.Name == operation);

    public void PrepareRequest(CrmRequestBuilder request, IntegratedAccount account)
    {
        request.SetBaseAddress(account.BaseAddressOverride?.AbsoluteUri ?? BaseAddress);
        request.SetBearerToken(account.GetCredential("access_token"));
    }

    public CrmProviderError ReadError(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            var root = document.RootElement;
            return new CrmProviderError(
                root.TryGetProperty("message", out var m) ? m.GetString() : null,
                root.TryGetProperty("code", out var c) ? c.GetString() : null);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>An <c>association_links</c> operation of the test provider.</summary>
    internal sealed class LinkOperation : CrmOperation<AssociationLink, AssociationLink>
    {
        private readonly string _name;
        private readonly string? _pathTarget;
        private readonly string? _linkType;

        private LinkOperation(string name, string? pathTarget, string? linkType)
        {
            _name = name;
            _pathTarget = pathTarget;
            _linkType = linkType;
        }

        /// <summary><c>PUT /{entity}/{entity_id}/{target}/{target_id}</c> without a body.</summary>
        public static LinkOperation PathOnly(string name, string target) => new(name, target, null);

        /// <summary><c>POST /links</c> with <c>{"from", "to", "type"}</c>; a null type writes the unified types instead.</summary>
        public static LinkOperation WithBody(string name, string? linkType) => new(name, null, linkType);

        public override string Provider => "test";
        public override string Resource => AssociationsClient.LinkResource;
        public override string Name => _name;
        public override CrmOperationKind Kind => _name == "create" ? CrmOperationKind.Create : CrmOperationKind.Action;
        public override HttpMethod Method => _pathTarget is null ? HttpMethod.Post : HttpMethod.Put;
        public override IReadOnlyList<string> RequiredFields { get; } = ["entity_id", "target_id"];
        public override IReadOnlyList<string> WrittenFields { get; } = ["entity", "entity_id", "target", "target_id"];
        public override IReadOnlyList<string> ReadFields { get; } = ["id"];
        public override bool HasBody => _pathTarget is null;

        public override void Validate(AssociationLink input)
        {
            if (string.IsNullOrEmpty(input.EntityId)) throw CrmValidationException.MissingField(Provider, Resource, Name, "entity_id");
            if (string.IsNullOrEmpty(input.TargetId)) throw CrmValidationException.MissingField(Provider, Resource, Name, "target_id");
        }

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, AssociationLink input)
        {
            if (_pathTarget is null)
            {
                request.AppendPath("/links");
                return;
            }
            request.AppendPath("/" + input.Entity + "/");
            request.AppendPathParameter("entity_id", input.EntityId);
            request.AppendPath("/" + _pathTarget + "/");
            request.AppendPathParameter("target_id", input.TargetId);
        }

        public override void WriteBody(Utf8JsonWriter writer, IntegratedAccount account, AssociationLink input)
        {
            writer.WriteStartObject();
            writer.WriteString("from", input.EntityId);
            writer.WriteString("to", input.TargetId);
            writer.WriteString("type", _linkType ?? $"{input.Entity}:{input.Target}");
            writer.WriteEndObject();
        }

        public override AssociationLink ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options)
        {
            var reader = new Utf8JsonReader(utf8Json);
            string? id = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "id") id = reader.GetString();
                else reader.Skip();
            }
            return new AssociationLink { Id = id, RemoteData = options.IgnoreRemoteData ? null : RawJson.Copy(utf8Json) };
        }
    }
}
