using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CrmGen.Benchmarks.EndToEnd;
using CrmGen.Benchmarks.Generator;
using CrmGen.Benchmarks.Infrastructure;
using CrmGen.Benchmarks.Read;
using CrmGen.Benchmarks.Write;
using Perfolizer.Horology;

namespace CrmGen.Benchmarks;

/// <summary>
/// Entry point. <c>--verify</c>: only the output checks (exit code 1 on a mismatch).
/// <c>--paired</c>: the end-to-end scenarios in alternating blocks (<see cref="PairedRun"/>).
/// <c>--quick</c>: every scenario with few iterations (a couple of minutes). No option: the full
/// run (BenchmarkDotNet's default job, in process). <c>--filter PATTERN</c> narrows the
/// benchmarks as BenchmarkDotNet's own filter does. Every run prints the ratio table and writes
/// <c>BenchmarkDotNet.Artifacts/results.json</c> under the working directory.
/// </summary>
public static class Program
{
    private static readonly Type[] Scenarios =
    [
        typeof(ReadHubSpotBenchmarks),
        typeof(ReadSalesforceBenchmarks),
        typeof(WriteHubSpotBenchmarks),
        typeof(WriteSalesforceBenchmarks),
        typeof(GeneratorBenchmarks),
        typeof(EndToEndBenchmarks),
        typeof(ClientOverheadBenchmarks),
    ];

    /// <summary>Runs the benchmarks.</summary>
    /// <param name="args">Command-line options.</param>
    /// <returns>0 on success; 1 when a variant's output differs (or a run failed).</returns>
    public static int Main(string[] args)
    {
        if (args.Contains("--verify")) return Verify();
        if (args.Contains("--paired")) return Paired();
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a is not "--quick").ToArray();

        var job = quick
            ? Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1).WithIterationTime(TimeInterval.FromMilliseconds(150)).WithId("Quick")
            : Job.Default.WithId("Full");
        var config = ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));

        var summaries = BenchmarkSwitcher.FromTypes(Scenarios).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config).ToList();
        var results = Results.From(summaries);
        Console.WriteLine();
        Console.WriteLine(Results.Table(results));
        var path = Path.Combine(summaries.FirstOrDefault()?.ResultsDirectoryPath is { } dir ? Path.GetDirectoryName(dir)! : Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts"), "results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(results, ResultsJsonContext.Default.BenchmarkResults));
        Console.WriteLine($"Results: {path}");
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// The end-to-end scenarios measured in alternating blocks (<see cref="PairedRun"/>), a
    /// cross-check of BenchmarkDotNet's ratio that a change of machine load cannot bias.
    /// </summary>
    private static int Paired()
    {
        var e2e = new EndToEndBenchmarks();
        e2e.Setup();
        try
        {
            var result = PairedRun.Run(() => e2e.BareHttpClient().GetAwaiter().GetResult(), () => e2e.CrmGenClient().GetAwaiter().GetResult());
            Console.WriteLine(PairedRun.Describe(EndToEndBenchmarks.Scenario, result));
        }
        finally
        {
            e2e.Cleanup();
        }
        var overhead = new ClientOverheadBenchmarks();
        overhead.Setup();
        try
        {
            var result = PairedRun.Run(() => overhead.BareHttpClient().GetAwaiter().GetResult(), () => overhead.CrmGenClient().GetAwaiter().GetResult(), calls: 5000);
            Console.WriteLine(PairedRun.Describe(ClientOverheadBenchmarks.Scenario, result));
        }
        finally
        {
            overhead.Cleanup();
        }
        return 0;
    }

    private static int Verify()
    {
        var failures = 0;
        void Check(string scenario, Action verify)
        {
            try
            {
                verify();
                Console.WriteLine($"ok    {scenario}");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"FAIL  {scenario}: {e.Message}");
            }
        }
        Check("read-hubspot", () => new ReadHubSpotBenchmarks().Verify());
        Check("read-salesforce", () => new ReadSalesforceBenchmarks().Verify());
        Check("write-hubspot", () => new WriteHubSpotBenchmarks().Verify());
        Check("write-salesforce", () => new WriteSalesforceBenchmarks().Verify());
        Check(GeneratorBenchmarks.Scenario, () => new GeneratorBenchmarks().Verify());
        Check(EndToEndBenchmarks.Scenario, () => new EndToEndBenchmarks().Verify());
        Check(ClientOverheadBenchmarks.Scenario, () => new ClientOverheadBenchmarks().Verify());
        Console.WriteLine(failures == 0 ? "All variants agree." : $"{failures} scenario(s) disagree.");
        return failures == 0 ? 0 : 1;
    }
}
