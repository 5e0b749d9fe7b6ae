using System;
using System.Collections.Generic;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Finds the name a misspelt one was probably meant to be, for "did you mean" hints: the closest
/// candidate by edit distance (insertions, deletions, substitutions and swaps of neighbours, case
/// ignored) when it is at most 2 and smaller than the name, otherwise a candidate one of the
/// names starts with (the closest in length).
/// </summary>
internal static class NameSuggestion
{
    /// <summary>The best candidate for <paramref name="name"/>, or null when none is close.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(name)) return null;

        string? best = null;
        var bestDistance = int.MaxValue;
        string? prefixMatch = null;
        var prefixGap = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrEmpty(candidate) || string.Equals(candidate, name, StringComparison.Ordinal)) continue;

            var distance = Distance(name, candidate);
            if (distance <= 2 && distance < Math.Max(name.Length, candidate.Length) && IsBetter(distance, candidate, bestDistance, best))
            {
                best = candidate;
                bestDistance = distance;
            }

            if (Math.Min(name.Length, candidate.Length) >= 3 && IsPrefixEitherWay(name, candidate))
            {
                var gap = Math.Abs(candidate.Length - name.Length);
                if (IsBetter(gap, candidate, prefixGap, prefixMatch))
                {
                    prefixMatch = candidate;
                    prefixGap = gap;
                }
            }
        }
        return best ?? prefixMatch;
    }

    /// <summary>"; did you mean 'x'?" for the best candidate, or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var suggestion = Find(name, candidates);
        return suggestion is null ? "" : "; did you mean '" + suggestion + "'?";
    }

    private static bool IsBetter(int score, string candidate, int bestScore, string? best)
        => score < bestScore || (score == bestScore && best is not null && string.CompareOrdinal(candidate, best) < 0);

    /// <summary>One name starts with the other (a plural 's' of the typed name ignored: 'emails' → 'email_addresses').</summary>
    private static bool IsPrefixEitherWay(string name, string candidate)
        => name.StartsWith(candidate, StringComparison.OrdinalIgnoreCase)
           || candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)
           || (name.Length > 3 && name[name.Length - 1] == 's' && candidate.StartsWith(name.Substring(0, name.Length - 1), StringComparison.OrdinalIgnoreCase));

    /// <summary>The optimal-string-alignment distance between two names, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        var n = a.Length;
        var m = b.Length;
        if (n == 0) return m;
        if (m == 0) return n;

        // Three rolling rows: two back (for swaps), previous and current.
        var twoBack = new int[m + 1];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var j = 0; j <= m; j++) previous[j] = j;

        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var ca = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= m; j++)
            {
                var cb = char.ToLowerInvariant(b[j - 1]);
                var cost = ca == cb ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == cb)
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }
                current[j] = value;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }
}
