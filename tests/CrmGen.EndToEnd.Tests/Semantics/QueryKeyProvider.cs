using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>
/// A hand-written adapter shaped like the generated ones for an <c>api_key_query</c> provider with
/// a context value: base <c>https://crm.query.invalid/v1</c>, the key as <c>?api_token=</c> on every
/// request, a fixed <c>Version</c> header, and contacts operations that carry the account's
/// <c>location_id</c> (query and body; the read puts it into <c>description</c>), with every HTTP method.
/// </summary>
internal sealed class QueryKeyProvider : ICrmProvider
{
    public const string BaseAddress = "https://crm.query.invalid/v1";

    public static QueryKeyProvider Instance { get; } = new();

    private QueryKeyProvider()
    {
        Operations =
        [
            new Create(),
            new Get(),
            new Update(),
            new Delete(),
            new Patch(),
        ];
    }

    public string Name => "querykey";

    public string DisplayName => "Query-key CRM";

    public IReadOnlyList<CrmOperation> Operations { get; }

    public IReadOnlyList<string> CredentialNames { get; } = ["api_token"];

    public IReadOnlyList<CrmContextValue> ContextValues { get; } = [new("location_id", IsRequired: false)];

    public CrmOperation? FindOperation(string resource, string operation)
        => Operations.FirstOrDefault(o => o.Resource == resource && o.Name == operation);

    public void PrepareRequest(CrmRequestBuilder request, IntegratedAccount account)
    {
        request.SetBaseAddress(BaseAddress);
        request.AddQuery("api_token", account.GetCredential("api_token"));
        request.SetHeader("Version", "2021-07-28");
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

    private static Contact Read(ReadOnlySpan<byte> utf8Json, CrmReadOptions options)
    {
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        var record = document.RootElement.GetProperty("contact");
        return new Contact
        {
            Id = record.GetProperty("id").GetString(),
            FirstName = record.TryGetProperty("firstName", out var first) ? first.GetString() : null,
            // What a mapping reading context.location_id sees.
            Description = options.Account?.GetContext("location_id"),
            RemoteData = options.IgnoreRemoteData ? null : RawJson.Copy(utf8Json),
        };
    }

    private abstract class ContactOperation<TInput, TOutput> : CrmOperation<TInput, TOutput>
        where TInput : class
        where TOutput : class
    {
        public override string Provider => "querykey";
        public override string Resource => "contacts";
        public override IReadOnlyList<string> RequiredFields { get; } = [];
        public override IReadOnlyList<string> WrittenFields { get; } = ["first_name"];
        public override IReadOnlyList<string> ReadFields { get; } = ["id", "first_name"];

        public override void Validate(TInput input)
        {
        }
    }

    /// <summary><c>POST /contacts/?locationId=</c> with <c>{"firstName", "locationId"}</c>; the location is required.</summary>
    private sealed class Create : ContactOperation<Contact, Contact>
    {
        public override string Name => "create";
        public override CrmOperationKind Kind => CrmOperationKind.Create;
        public override HttpMethod Method => HttpMethod.Post;
        public override bool HasBody => true;

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, Contact input)
        {
            request.AppendPath("/contacts/");
            request.AddQuery("locationId", account.GetRequiredContext("location_id"));
        }

        public override void WriteBody(Utf8JsonWriter writer, IntegratedAccount account, Contact input)
        {
            writer.WriteStartObject();
            if (input.FirstName is not null) writer.WriteString("firstName", input.FirstName);
            writer.WriteString("locationId", account.GetRequiredContext("location_id"));
            writer.WriteEndObject();
        }

        public override Contact ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => Read(utf8Json, options);
    }

    /// <summary><c>GET /contacts/{id}</c>.</summary>
    private sealed class Get : ContactOperation<CrmNoInput, Contact>
    {
        public override string Name => "get";
        public override CrmOperationKind Kind => CrmOperationKind.Get;
        public override HttpMethod Method => HttpMethod.Get;
        public override bool HasBody => false;

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, CrmNoInput input)
        {
            request.AppendPath("/contacts/");
            request.AppendPathParameter("id", id);
        }

        public override Contact ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => Read(utf8Json, options);
    }

    /// <summary><c>PUT /contacts/{id}</c> with <c>{"firstName"}</c>.</summary>
    private sealed class Update : ContactOperation<Contact, Contact>
    {
        public override string Name => "update";
        public override CrmOperationKind Kind => CrmOperationKind.Update;
        public override HttpMethod Method => HttpMethod.Put;
        public override bool HasBody => true;

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, Contact input)
        {
            request.AppendPath("/contacts/");
            request.AppendPathParameter("id", id);
        }

        public override void WriteBody(Utf8JsonWriter writer, IntegratedAccount account, Contact input)
        {
            writer.WriteStartObject();
            writer.WriteString("firstName", input.FirstName);
            writer.WriteEndObject();
        }

        public override Contact ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => Read(utf8Json, options);
    }

    /// <summary><c>PATCH /contacts/{id}</c> with <c>{"firstName"}</c> (not idempotent).</summary>
    private sealed class Patch : ContactOperation<Contact, Contact>
    {
        public override string Name => "patch";
        public override CrmOperationKind Kind => CrmOperationKind.Action;
        public override HttpMethod Method => HttpMethod.Patch;
        public override bool HasBody => true;

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, Contact input)
        {
            request.AppendPath("/contacts/");
            request.AppendPathParameter("id", input.Id);
        }

        public override void WriteBody(Utf8JsonWriter writer, IntegratedAccount account, Contact input)
        {
            writer.WriteStartObject();
            writer.WriteString("firstName", input.FirstName);
            writer.WriteEndObject();
        }

        public override Contact ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => Read(utf8Json, options);
    }

    /// <summary><c>DELETE /contacts/{id}</c>.</summary>
    private sealed class Delete : ContactOperation<CrmNoInput, CrmNoInput>
    {
        public override string Name => "delete";
        public override CrmOperationKind Kind => CrmOperationKind.Delete;
        public override HttpMethod Method => HttpMethod.Delete;
        public override bool HasBody => false;

        public override void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, CrmNoInput input)
        {
            request.AppendPath("/contacts/");
            request.AppendPathParameter("id", id);
        }

        public override CrmNoInput ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options) => CrmNoInput.Instance;
    }
}
