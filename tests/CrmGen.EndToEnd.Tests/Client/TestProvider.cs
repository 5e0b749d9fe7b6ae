using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>
/// A hand-written provider adapter for testing the client alone: base address
/// <c>https://crm.test.invalid/api</c>, bearer auth from <c>access_token</c>, a fixed
/// <c>X-Api-Version</c> header, and errors read from <c>{"message", "code"}</c>.
/// </summary>
internal sealed class TestProvider : ICrmProvider
{
    public const string BaseAddress = "https://crm.test.invalid/api";

    public static TestProvider Instance { get; } = new();

    private TestProvider()
    {
        Operations = new CrmOperation[] { new CreateContact(), new GetContact(), new CreatePipelineWithoutBody() };
    }

    public string Name => "test";

    public string DisplayName => "Test CRM";

    public IReadOnlyList<CrmOperation> Operations { get; }

    public IReadOnlyList<string> CredentialNames { get; } = ["access_token"];

    public IReadOnlyList<CrmContextValue> ContextValues { get; } = [];

    public CrmOperation? FindOperation(string resource, string operation)
        => Operations.FirstOrDefault(o => o.Resource == resource && o.Name == operation);

    public void PrepareRequest(CrmRequestBuilder request, IntegratedAccount account)
    {
        request.SetBaseAddress(BaseAddress);
        request.SetBearerToken(account.GetCredential("access_token"));
        request.SetHeader("X-Api-Version", "2");
    }

    public CrmProviderError ReadError(ReadOnlySpan<byte> utf8Json)
    {
        string? message = null, code = null;
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "message" && reader.TokenType == JsonTokenType.String) message = reader.GetString();
                else if (name == "code" && reader.TokenType == JsonTokenType.String) code = reader.GetString();
                else reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return new CrmProviderError(message, code);
    }

    /// <summary><c>POST /contacts</c> with <c>{"first", "last"}</c>; requires <c>first_name</c>.</summary>
    internal sealed class CreateContact : CrmOperation<Contact, Contact>
    {
        public override string Provider => "test";
        public override string Resource => "contacts";
        public override string Name => "create";
        public override CrmOperationKind Kind => CrmOperationKind.Create;
        public override HttpMethod Method => HttpMethod.Post;
        public override IReadOnlyList<string> RequiredFields { get; } = ["first_name"];
        public override IReadOnlyList<string> WrittenFields { get; } = ["first_name", "last_name"];
        public override IReadOnlyList<string> ReadFields { get; } = ["id", "first_name", "last_name", "remote_data"];
        public override bool HasBody => true;

        public override void Validate(Contact input)
        {
            if (string.IsNullOrEmpty(input.FirstName)) throw CrmValidationException.MissingField(Provider, Resource, Name, "first_name");
        }

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, Contact input)
        {
            request.AppendPath("/contacts");
            request.AddQuery("mode", "strict");
        }

        public override void WriteBody(Utf8JsonWriter writer, IntegratedAccount account, Contact input)
        {
            writer.WriteStartObject();
            writer.WriteString("first", input.FirstName);
            if (input.LastName is not null) writer.WriteString("last", input.LastName);
            writer.WriteEndObject();
        }

        public override Contact ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => ReadContact(utf8Json, options);
    }

    /// <summary><c>GET /contacts/{id}</c>.</summary>
    internal sealed class GetContact : CrmOperation<CrmNoInput, Contact>
    {
        public override string Provider => "test";
        public override string Resource => "contacts";
        public override string Name => "get";
        public override CrmOperationKind Kind => CrmOperationKind.Get;
        public override HttpMethod Method => HttpMethod.Get;
        public override IReadOnlyList<string> RequiredFields { get; } = [];
        public override IReadOnlyList<string> WrittenFields { get; } = [];
        public override IReadOnlyList<string> ReadFields { get; } = ["id", "first_name", "last_name", "remote_data"];
        public override bool HasBody => false;

        public override void Validate(CrmNoInput input)
        {
        }

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, CrmNoInput input)
        {
            request.AppendPath("/contacts/");
            request.AppendPathParameter("id", id);
        }

        public override Contact ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => ReadContact(utf8Json, options);
    }

    /// <summary>A broken operation: declares a body but writes none.</summary>
    internal sealed class CreatePipelineWithoutBody : CrmOperation<Pipeline, Pipeline>
    {
        public override string Provider => "test";
        public override string Resource => "pipelines";
        public override string Name => "create";
        public override CrmOperationKind Kind => CrmOperationKind.Create;
        public override HttpMethod Method => HttpMethod.Post;
        public override IReadOnlyList<string> RequiredFields { get; } = [];
        public override IReadOnlyList<string> WrittenFields { get; } = [];
        public override IReadOnlyList<string> ReadFields { get; } = [];
        public override bool HasBody => true;

        public override void Validate(Pipeline input)
        {
        }

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, Pipeline input)
            => request.AppendPath("/pipelines");

        public override Pipeline ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => new();
    }

    private static Contact ReadContact(ReadOnlySpan<byte> utf8Json, CrmReadOptions options)
    {
        var contact = new Contact();
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id": contact.Id = reader.GetString(); break;
                case "first": contact.FirstName = reader.GetString(); break;
                case "last": contact.LastName = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }
        if (!options.IgnoreRemoteData) contact.RemoteData = RawJson.Copy(utf8Json);
        return contact;
    }
}
