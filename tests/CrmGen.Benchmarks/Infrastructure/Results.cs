using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Reports;
using CrmGen.Benchmarks.EndToEnd;
using CrmGen.Benchmarks.Generator;
using CrmGen.Benchmarks.Read;
using CrmGen.Benchmarks.Write;

namespace CrmGen.Benchmarks.Infrastructure;

/// <summary>The content of <c>results.json</c>.</summary>
/// <param name="Job">The BenchmarkDotNet job (<c>Quick</c> or <c>Full</c>).</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="Machine">OS, CPU and cores, as BenchmarkDotNet saw them.</param>
/// <param name="Rows">One row per scenario and variant.</param>
public sealed record BenchmarkResults(
    [property: JsonPropertyName("job")] string Job,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("results")] IReadOnlyList<BenchmarkRow> Rows);

/// <summary>One variant of one scenario.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Variant">The variant (benchmark method).</param>
/// <param name="Baseline">True for the scenario's baseline.</param>
/// <param name="MeanNs">Mean time per operation, in nanoseconds.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation.</param>
/// <param name="Ratio">Mean time over the baseline's.</param>
/// <param name="AllocatedRatio">Allocated bytes over the baseline's (null when the baseline allocates nothing).</param>
/// <param name="Budgets">The budgets this row is held to, and whether it meets them.</param>
public sealed record BenchmarkRow(
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("baseline")] bool Baseline,
    [property: JsonPropertyName("mean_ns")] double MeanNs,
    [property: JsonPropertyName("allocated_bytes")] long AllocatedBytes,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("allocated_ratio")] double? AllocatedRatio,
    [property: JsonPropertyName("budgets")] IReadOnlyList<BudgetCheck> Budgets);

/// <summary>One budget and its outcome.</summary>
/// <param name="Rule">The budget, in words.</param>
/// <param name="Value">The measured quantity the budget is about.</param>
/// <param name="Met">True when it is met.</param>
public sealed record BudgetCheck(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("met")] bool Met);

/// <summary>Serializer metadata for <c>results.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(BenchmarkResults))]
public sealed partial class ResultsJsonContext : JsonSerializerContext
{
}

/// <summary>Turns BenchmarkDotNet summaries into <see cref="BenchmarkResults"/> and a table.</summary>
public static class Results
{
    private static readonly Dictionary<Type, string> ScenarioNames = new()
    {
        [typeof(ReadHubSpotBenchmarks)] = "read-hubspot",
        [typeof(ReadSalesforceBenchmarks)] = "read-salesforce",
        [typeof(WriteHubSpotBenchmarks)] = "write-hubspot",
        [typeof(WriteSalesforceBenchmarks)] = "write-salesforce",
        [typeof(GeneratorBenchmarks)] = GeneratorBenchmarks.Scenario,
        [typeof(EndToEndBenchmarks)] = EndToEndBenchmarks.Scenario,
        [typeof(ClientOverheadBenchmarks)] = ClientOverheadBenchmarks.Scenario,
    };

    /// <summary>The rows of every successful report, with ratios to each scenario's baseline and the budgets checked.</summary>
    public static BenchmarkResults From(IReadOnlyList<Summary> summaries)
    {
        var measured = new List<(string Scenario, string Variant, bool Baseline, double Mean, long Allocated)>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                if (!report.Success || report.ResultStatistics is null) continue;
                var benchmark = report.BenchmarkCase;
                var type = benchmark.Descriptor.Type;
                var scenario = ScenarioNames.TryGetValue(type, out var name) ? name : type.Name;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? 0;
                measured.Add((scenario, benchmark.Descriptor.WorkloadMethod.Name, benchmark.Descriptor.Baseline, report.ResultStatistics.Mean, allocated));
            }
        }

        var rows = new List<BenchmarkRow>();
        foreach (var group in measured.GroupBy(m => m.Scenario))
        {
            var baseline = group.FirstOrDefault(m => m.Baseline);
            foreach (var m in group)
            {
                var ratio = baseline.Mean > 0 ? m.Mean / baseline.Mean : double.NaN;
                double? allocatedRatio = baseline.Allocated > 0 ? (double)m.Allocated / baseline.Allocated : null;
                rows.Add(new BenchmarkRow(m.Scenario, m.Variant, m.Baseline, Math.Round(m.Mean, 1), m.Allocated,
                    Math.Round(ratio, 3), allocatedRatio is { } a ? Math.Round(a, 3) : null, Budgets(m.Scenario, m.Variant, m.Mean, ratio, allocatedRatio, group)));
            }
        }

        var first = summaries.FirstOrDefault();
        var host = first?.HostEnvironmentInfo;
        var machine = host is null ? "" : $"{host.Os.Value}; {host.Cpu.Value?.ProcessorName} ({host.Cpu.Value?.PhysicalCoreCount} cores, {host.Cpu.Value?.LogicalCoreCount} logical)";
        var job = first?.BenchmarksCases.FirstOrDefault()?.Job.Id ?? "";
        return new BenchmarkResults(job, host?.RuntimeVersion ?? "", machine, rows);
    }

    /// <summary>The budgets of the issue, for the variant they are about.</summary>
    private static List<BudgetCheck> Budgets(string scenario, string variant, double mean, double ratio, double? allocatedRatio,
        IEnumerable<(string Scenario, string Variant, bool Baseline, double Mean, long Allocated)> group)
    {
        var checks = new List<BudgetCheck>();
        double MeanOf(string name) => group.FirstOrDefault(g => g.Variant == name).Mean;
        if (scenario.StartsWith("read-", StringComparison.Ordinal) && variant == nameof(ReadBenchmarks.Generated))
        {
            checks.Add(new("time <= 1.25x hand-written", Math.Round(ratio, 3), ratio <= 1.25));
            checks.Add(new("allocated <= 1.1x hand-written", Math.Round(allocatedRatio ?? double.NaN, 3), allocatedRatio <= 1.1));
            var interpretive = MeanOf(nameof(ReadBenchmarks.Interpretive));
            if (interpretive > 0) checks.Add(new(">= 3x faster than interpretive (d)", Math.Round(interpretive / mean, 2), interpretive / mean >= 3));
            var dto = MeanOf(nameof(ReadBenchmarks.StjDto));
            if (dto > 0) checks.Add(new("faster than STJ DTO (c)", Math.Round(dto / mean, 2), mean < dto));
        }
        else if (scenario.StartsWith("write-", StringComparison.Ordinal) && variant == nameof(WriteBenchmarks.Generated))
        {
            checks.Add(new("time <= 1.25x hand-written", Math.Round(ratio, 3), ratio <= 1.25));
        }
        else if (scenario == GeneratorBenchmarks.Scenario && variant == nameof(GeneratorBenchmarks.Incremental))
        {
            checks.Add(new("incremental <= 5% of cold", Math.Round(ratio, 4), ratio <= 0.05));
        }
        else if (scenario == EndToEndBenchmarks.Scenario && variant == nameof(EndToEndBenchmarks.CrmGenClient))
        {
            checks.Add(new("time <= 1.10x bare HttpClient", Math.Round(ratio, 3), ratio <= 1.10));
        }
        return checks;
    }

    /// <summary>The results as a text table.</summary>
    public static string Table(BenchmarkResults results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"Scenario",-20} {"Variant",-16} {"Mean",14} {"Allocated",14} {"Ratio",8} {"Alloc ratio",12}  Budgets");
        foreach (var r in results.Rows)
        {
            var budgets = string.Join("; ", r.Budgets.Select(b => (b.Met ? "MET " : "MISSED ") + b.Rule + " (" + b.Value.ToString(CultureInfo.InvariantCulture) + ")"));
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Scenario,-20} {r.Variant + (r.Baseline ? "*" : ""),-16} {FormatTime(r.MeanNs),14} {r.AllocatedBytes.ToString("N0", CultureInfo.InvariantCulture) + " B",14} {r.Ratio.ToString("0.000", CultureInfo.InvariantCulture),8} {(r.AllocatedRatio?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"),12}  {budgets}");
        }
        sb.Append("* baseline of its scenario");
        return sb.ToString();
    }

    private static string FormatTime(double ns) => ns switch
    {
        >= 1_000_000 => (ns / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1_000 => (ns / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " us",
        _ => ns.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
    };
}
