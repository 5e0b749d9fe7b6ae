using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// The seed's contacts create matrix (<c>contacts-create-matrix.json</c>), read from the seeds
/// folder beside the repository (the folder holding <c>CrmGen.sln</c>): which unified fields a
/// provider supports and requires, in the request and in the response.
/// </summary>
internal sealed class ContactsCreateMatrix
{
    private readonly JsonElement _root;

    private ContactsCreateMatrix(JsonElement root) => _root = root;

    public static ContactsCreateMatrix Load()
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "seeds", "contacts-create-matrix.json");
        Assert.True(File.Exists(path), "The seed matrix is missing: " + Path.GetFullPath(path));
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new ContactsCreateMatrix(document.RootElement.Clone());
    }

    /// <summary>The request fields the provider supports, sorted.</summary>
    public IReadOnlyList<string> RequestSupported(string provider) => Fields("request_body", "supported", provider);

    /// <summary>The request fields the provider requires, sorted.</summary>
    public IReadOnlyList<string> RequestRequired(string provider) => Fields("request_body", "required", provider);

    /// <summary>The response fields the provider supports, sorted.</summary>
    public IReadOnlyList<string> ResponseSupported(string provider) => Fields("response_body", "supported", provider);

    private IReadOnlyList<string> Fields(string section, string kind, string provider)
    {
        Assert.Contains(provider, _root.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        var fields = new List<string>();
        foreach (var field in _root.GetProperty(section).EnumerateObject())
        {
            if (field.Value.TryGetProperty(kind, out var providers) && providers.EnumerateArray().Any(p => p.GetString() == provider))
            {
                fields.Add(field.Name);
            }
        }
        fields.Sort(StringComparer.Ordinal);
        return fields;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmGen.sln"))) return directory.FullName;
        }
        throw new Xunit.Sdk.XunitException("CrmGen.sln was not found above " + AppContext.BaseDirectory);
    }
}
