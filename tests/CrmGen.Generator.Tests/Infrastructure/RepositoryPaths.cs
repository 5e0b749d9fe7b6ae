namespace CrmGen.Generator.Tests.Infrastructure;

/// <summary>Locates the repository (the directory holding CrmGen.sln) from the test assembly.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => s_root.Value;

    /// <summary>The built-in provider definitions (<c>definitions/</c>).</summary>
    public static string Definitions => Path.Combine(Root, "definitions");

    /// <summary>This test project's directory.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "CrmGen.Generator.Tests");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmGen.sln"))) return directory.FullName;
            directory = directory.Parent;
        }
        throw new InvalidOperationException("No directory above the test assembly holds CrmGen.sln.");
    }
}
