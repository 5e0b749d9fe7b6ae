using System.Diagnostics;
using System.Text;

namespace CrmGen.Build.Tests;

/// <summary>
/// A throw-away consumer project, laid out the way a user writes one: a project reference to the
/// runtime, the generator referenced as an analyzer, .crmmap files as AdditionalFiles.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static ConsumerProject Create(IReadOnlyDictionary<string, string> files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "crmgen-consumer-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var root = RepositoryLayout.Root;
        var runtime = Path.Combine(root, "runtime", "CrmGen.Runtime", "CrmGen.Runtime.csproj");
        var generator = Path.Combine(root, "generator", "CrmGen.Generator.csproj");
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="*.crmmap" />
                <ProjectReference Include="{runtime}" />
                <ProjectReference Include="{generator}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }
        return new ConsumerProject(dir);
    }

    /// <summary>Runs <c>dotnet build</c> on the project (referenced projects already built by the test run).</summary>
    public (int ExitCode, string Output) Build()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "build", "Consumer.csproj", "-c", RepositoryLayout.Configuration, "-nologo", "-v:q", "-clp:NoSummary",
            "-p:BuildProjectReferences=false", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of the consumer project did not finish in 4 minutes:\n" + output);
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
