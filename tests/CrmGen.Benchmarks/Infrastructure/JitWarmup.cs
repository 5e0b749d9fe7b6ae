using System.Diagnostics;

namespace CrmGen.Benchmarks.Infrastructure;

/// <summary>
/// Runs code until the tiered JIT has had the chance to compile it fully (optimised, with dynamic
/// PGO), before BenchmarkDotNet measures it. Without this, the quick job's short warm-up can time
/// a long method in its first-tier code: a mapper that reads a 100-record page in one call is
/// called only a few dozen times per iteration, and its tier-up lags behind the framework's own
/// precompiled code (System.Text.Json), which would distort the comparison.
/// </summary>
public static class JitWarmup
{
    /// <summary>Calls each action for a while, waits for background compilation, and repeats.</summary>
    /// <param name="actions">The variants of a scenario.</param>
    public static void Run(params Action[] actions) => Run(3, actions);

    /// <summary>Calls each action for a while, waits for background compilation, and repeats <paramref name="rounds"/> times.</summary>
    /// <param name="rounds">How many rounds of calls and waits.</param>
    /// <param name="actions">The variants of a scenario.</param>
    public static void Run(int rounds, params Action[] actions)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var action in actions)
            {
                var clock = Stopwatch.StartNew();
                var calls = 0;
                while (calls < 50 || (clock.ElapsedMilliseconds < 150 && calls < 20_000))
                {
                    action();
                    calls++;
                }
            }
            // The tiered JIT promotes methods in the background after a quiet period (100 ms by default).
            Thread.Sleep(250);
        }
    }
}
