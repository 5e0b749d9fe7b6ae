using System.Diagnostics;
using System.Globalization;

namespace CrmGen.Benchmarks.Infrastructure;

/// <summary>
/// A cross-check of the end-to-end ratio that drift cannot bias: the baseline and the variant run
/// in alternating blocks of calls against the same server, and the ratio is that of the two
/// medians of the per-block means. BenchmarkDotNet measures the two benchmarks one after the
/// other, so on a shared machine a change of load between them shows up as a difference between
/// the variants; alternating blocks see the same load.
/// </summary>
public static class PairedRun
{
    /// <summary>The medians of the per-call times (µs) and their ratio (variant / baseline).</summary>
    /// <param name="Baseline">The baseline's median per-call time, in microseconds.</param>
    /// <param name="Variant">The variant's median per-call time, in microseconds.</param>
    /// <param name="Ratio">Variant over baseline.</param>
    /// <param name="BlockRatios">The ratio of each pair of blocks, in order.</param>
    public sealed record Result(double Baseline, double Variant, double Ratio, IReadOnlyList<double> BlockRatios);

    /// <summary>Runs <paramref name="rounds"/> pairs of blocks of <paramref name="calls"/> calls each.</summary>
    public static Result Run(Action baseline, Action variant, int rounds = 30, int calls = 500)
    {
        var baselineTimes = new List<double>(rounds);
        var variantTimes = new List<double>(rounds);
        var ratios = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first, so that neither always follows the other.
            var first = round % 2 == 0;
            var a = Block(first ? baseline : variant, calls);
            var b = Block(first ? variant : baseline, calls);
            var (baselineTime, variantTime) = first ? (a, b) : (b, a);
            baselineTimes.Add(baselineTime);
            variantTimes.Add(variantTime);
            ratios.Add(variantTime / baselineTime);
        }
        var baselineMedian = Median(baselineTimes);
        var variantMedian = Median(variantTimes);
        return new Result(baselineMedian, variantMedian, variantMedian / baselineMedian, ratios);
    }

    /// <summary>The result as one line.</summary>
    public static string Describe(string scenario, Result result)
    {
        var sorted = result.BlockRatios.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: baseline {result.Baseline:F2} us, variant {result.Variant:F2} us, ratio of medians {result.Ratio:F3} (block ratios: median {Median(sorted):F3}, middle half {sorted[sorted.Count / 4]:F3}-{sorted[3 * sorted.Count / 4]:F3})");
    }

    private static double Block(Action action, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) action();
        return clock.Elapsed.TotalMicroseconds / calls;
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
