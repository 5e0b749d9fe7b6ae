using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// The <c>Highlevel</c> column of the seeds' contacts create matrix, read from
/// <c>../shared/seeds/contacts-create-matrix.json</c> beside the repository, so the definition and
/// the seed cannot drift apart.
/// </summary>
internal sealed class HighLevelMatrixColumn
{
    /// <summary>The provider's name in the matrix.</summary>
    public const string Column = "Highlevel";

    /// <summary>The matrix's path relative to the repository root.</summary>
    public const string RelativePath = "../shared/seeds/contacts-create-matrix.json";

    private static readonly Lazy<HighLevelMatrixColumn> s_instance = new(Load);

    private HighLevelMatrixColumn(string[] requestSupported, string[] requestRequired, string[] responseSupported, string[] queryRequired)
    {
        RequestSupported = requestSupported;
        RequestRequired = requestRequired;
        ResponseSupported = responseSupported;
        QueryRequired = queryRequired;
    }

    public static HighLevelMatrixColumn Instance => s_instance.Value;

    /// <summary>Request fields supported for HighLevel, ordinal order.</summary>
    public IReadOnlyList<string> RequestSupported { get; }

    /// <summary>Request fields required for HighLevel, ordinal order.</summary>
    public IReadOnlyList<string> RequestRequired { get; }

    /// <summary>Response fields supported for HighLevel, ordinal order.</summary>
    public IReadOnlyList<string> ResponseSupported { get; }

    /// <summary>Query parameters required for HighLevel (the <c>workspace</c>), ordinal order.</summary>
    public IReadOnlyList<string> QueryRequired { get; }

    private static HighLevelMatrixColumn Load()
    {
        var path = Path.GetFullPath(Path.Combine(HighLevelOpenApi.RepositoryRoot(), RelativePath));
        if (!File.Exists(path)) throw new FileNotFoundException($"The contacts create matrix is not at {RelativePath} from the repository root.", path);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        Assert.Contains(Column, root.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        return new HighLevelMatrixColumn(
            Fields(root, "request_body", "supported"),
            Fields(root, "request_body", "required"),
            Fields(root, "response_body", "supported"),
            Fields(root, "query", "required"));
    }

    private static string[] Fields(JsonElement root, string section, string column)
    {
        if (!root.TryGetProperty(section, out var fields)) return [];
        return fields.EnumerateObject()
            .Where(f => f.Value.TryGetProperty(column, out var names) && names.EnumerateArray().Any(n => n.GetString() == Column))
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
