namespace CrmGen.Benchmarks.Infrastructure;

/// <summary>Finds the repository (the directory holding <c>CrmGen.sln</c>) from the working directory or the program's.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find();

    /// <summary>The built-in definitions (<c>definitions/</c>).</summary>
    public static string Definitions => Path.Combine(Root, "definitions");

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CrmGen.sln"))) return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository: no CrmGen.sln above the working directory or the program.");
    }
}
