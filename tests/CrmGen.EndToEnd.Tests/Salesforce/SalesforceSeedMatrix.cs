using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Salesforce;

/// <summary>
/// The Salesforce column of the seed's contacts create matrix, read from
/// <c>../shared/seeds/contacts-create-matrix.json</c> relative to the repository root (the folder
/// holding <c>CrmGen.sln</c>) each time, so the definition and the seed cannot drift apart.
/// </summary>
internal static class SalesforceSeedMatrix
{
    /// <summary>The provider's name as the matrix spells it.</summary>
    public const string Provider = "Salesforce";

    /// <summary>The request fields the matrix lists as supported for Salesforce, sorted.</summary>
    public static IReadOnlyList<string> RequestSupported() => Fields("request_body", "supported");

    /// <summary>The request fields the matrix lists as required for Salesforce, sorted.</summary>
    public static IReadOnlyList<string> RequestRequired() => Fields("request_body", "required");

    /// <summary>The response fields the matrix lists as supported for Salesforce, sorted.</summary>
    public static IReadOnlyList<string> ResponseSupported() => Fields("response_body", "supported");

    /// <summary>The required request fields, as xunit theory data.</summary>
    public static TheoryData<string> RequiredFieldData()
    {
        var data = new TheoryData<string>();
        foreach (var field in RequestRequired()) data.Add(field);
        return data;
    }

    public static string FilePath()
        => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "seeds", "contacts-create-matrix.json"));

    private static IReadOnlyList<string> Fields(string section, string kind)
    {
        var path = FilePath();
        Assert.True(File.Exists(path), "The seed matrix is missing: " + path);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        Assert.Contains(Provider, root.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        var fields = new List<string>();
        foreach (var field in root.GetProperty(section).EnumerateObject())
        {
            if (field.Value.TryGetProperty(kind, out var providers) && providers.EnumerateArray().Any(p => p.GetString() == Provider))
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
