using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// HighLevel's own OpenAPI description, read from <c>../shared/specs/highlevel/</c> beside the
/// repository (the repository root is the directory holding CrmGen.sln): the contacts,
/// associations and opportunities APIs and the common schemas they share.
/// </summary>
internal static class HighLevelOpenApi
{
    /// <summary>The directory of the description, relative to the repository root.</summary>
    public const string RelativeDirectory = "../shared/specs/highlevel";

    /// <summary>The documents whose operations requests are matched against.</summary>
    public static readonly string[] Apis = ["apps/contacts.json", "apps/associations.json", "apps/opportunities.json"];

    private static readonly Lazy<OpenApiDocumentSet> s_documents = new(() => new OpenApiDocumentSet(Directory()));

    /// <summary>The documents, loaded once for the test run.</summary>
    public static OpenApiDocumentSet Documents => s_documents.Value;

    /// <summary>A validator of requests against the contacts, associations and opportunities APIs.</summary>
    public static OpenApiRequestValidator Validator() => new(Documents, Apis);

    /// <summary>The absolute path of the description's directory.</summary>
    public static string Directory()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), RelativeDirectory));
        if (!System.IO.Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"HighLevel's OpenAPI description is not at {RelativeDirectory} from the repository root ({path}).");
        }
        return path;
    }

    /// <summary>The repository root: the first directory above the test assembly holding CrmGen.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmGen.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("No directory above the test assembly holds CrmGen.sln.");
    }

    /// <summary>
    /// Asserts that every request HighLevel's emulator received follows the description (path and
    /// method, required headers, request body); the message lists every problem with its request.
    /// Returns how many requests were checked.
    /// </summary>
    public static int AssertRequestsFollowTheDescription(CrmSandbox sandbox)
    {
        var validator = Validator();
        var requests = sandbox.RequestsTo("highlevel");
        var problems = requests.SelectMany(r => validator.Validate(r).Select(p => $"{r}: {p}")).ToList();
        Assert.True(problems.Count == 0, "HighLevel requests that do not follow its OpenAPI description:\n" + string.Join("\n", problems));
        return requests.Count;
    }
}
