using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Matrix;

/// <summary>
/// The seeds' table of which provider supports and requires which contact field on
/// <c>POST /unified/crm/contacts</c>, read from <c>../shared/seeds/contacts-create-matrix.json</c>
/// beside the repository (the repository root is the directory holding CrmGen.sln). Read from the
/// file itself, so the definitions and the seed cannot drift apart.
/// </summary>
internal sealed class ContactsCreateMatrix
{
    /// <summary>The path of the matrix relative to the repository root.</summary>
    public const string RelativePath = "../shared/seeds/contacts-create-matrix.json";

    private static readonly Lazy<ContactsCreateMatrix> s_instance = new(Load);

    private readonly Dictionary<string, FieldSupport> _request;
    private readonly Dictionary<string, FieldSupport> _response;
    private readonly Dictionary<string, FieldSupport> _query;

    private ContactsCreateMatrix(string path, string[] providers, Dictionary<string, FieldSupport> request, Dictionary<string, FieldSupport> response, Dictionary<string, FieldSupport> query)
    {
        Path = path;
        Providers = providers;
        _request = request;
        _response = response;
        _query = query;
    }

    /// <summary>The matrix, loaded once.</summary>
    public static ContactsCreateMatrix Instance => s_instance.Value;

    /// <summary>Where the matrix was read from.</summary>
    public string Path { get; }

    /// <summary>The provider columns, as the matrix names them (e.g. <c>HubSpot</c>, <c>Highlevel</c>).</summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>Request fields the matrix lists as supported for a provider.</summary>
    public IReadOnlyList<string> SupportedRequestFields(string provider) => Select(_request, provider, f => f.Supported);

    /// <summary>Request fields the matrix lists as required for a provider.</summary>
    public IReadOnlyList<string> RequiredRequestFields(string provider) => Select(_request, provider, f => f.Required);

    /// <summary>Response fields the matrix lists as supported for a provider.</summary>
    public IReadOnlyList<string> SupportedResponseFields(string provider) => Select(_response, provider, f => f.Supported);

    /// <summary>Query parameters (e.g. <c>workspace</c>) the matrix lists as required for a provider.</summary>
    public IReadOnlyList<string> RequiredQueryParameters(string provider) => Select(_query, provider, f => f.Required);

    /// <summary>The repository root: the first directory above the test assembly holding CrmGen.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CrmGen.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("No directory above the test assembly holds CrmGen.sln.");
    }

    private static string[] Select(Dictionary<string, FieldSupport> fields, string provider, Func<FieldSupport, string[]> column)
        => fields.Where(f => column(f.Value).Contains(provider, StringComparer.Ordinal)).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();

    private static ContactsCreateMatrix Load()
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot(), RelativePath));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The contacts create matrix is not at {RelativePath} from the repository root ({path}); the seeds' shared/ folder must sit beside the repository.", path);
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var providers = root.GetProperty("providers").EnumerateArray().Select(p => p.GetString()!).ToArray();
        return new ContactsCreateMatrix(path, providers, Fields(root, "request_body"), Fields(root, "response_body"), Fields(root, "query"));
    }

    private static Dictionary<string, FieldSupport> Fields(JsonElement root, string section)
    {
        var result = new Dictionary<string, FieldSupport>(StringComparer.Ordinal);
        if (!root.TryGetProperty(section, out var fields)) return result;
        foreach (var field in fields.EnumerateObject())
        {
            result[field.Name] = new FieldSupport(Names(field.Value, "supported"), Names(field.Value, "required"));
        }
        return result;
    }

    private static string[] Names(JsonElement field, string column)
        => field.TryGetProperty(column, out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    private sealed record FieldSupport(string[] Supported, string[] Required);
}
