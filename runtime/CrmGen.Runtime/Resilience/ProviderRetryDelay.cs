using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace CrmGen;

/// <summary>
/// Reads how long a provider asks a client to wait from its response headers. The sources, in
/// order of precedence:
/// <list type="number">
/// <item><description><c>Retry-After</c>: delay-seconds (fractions accepted) or an HTTP date (RFC 9110 §10.2.3).</description></item>
/// <item><description>The IETF <c>RateLimit</c> header: the older <c>limit=…, remaining=…, reset=…</c> form (Close) and the
/// structured <c>"policy";r=0;t=30</c> form; then <c>RateLimit-Reset</c> (seconds).</description></item>
/// <item><description><c>X-RateLimit-Reset</c>: seconds to wait (Pipedrive), or a Unix time in seconds or milliseconds, or an HTTP date.</description></item>
/// <item><description>An exhausted rolling window: <c>{prefix}RateLimit-Remaining: 0</c> with
/// <c>{prefix}RateLimit-Interval-Milliseconds</c> (HubSpot's <c>X-HubSpot-</c> and HighLevel's <c>X-</c> prefix) waits one
/// interval; <c>{prefix}RateLimit-Secondly-Remaining: 0</c> waits one second.</description></item>
/// </list>
/// </summary>
internal static class ProviderRetryDelay
{
    private const string IntervalSuffix = "RateLimit-Interval-Milliseconds";

    /// <summary>The wait the headers ask for (never negative), or null when they ask for none.</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (TryFirst(headers, "Retry-After", out var retryAfter) && TryParseSecondsOrDate(retryAfter, now, out var delay)) return delay;
        if (TryFirst(headers, "RateLimit", out var rateLimit) && TryParseRateLimit(rateLimit, out delay)) return delay;
        if (TryFirst(headers, "RateLimit-Reset", out var reset) && TryParseSeconds(reset, out delay)) return delay;
        if (TryFirst(headers, "X-RateLimit-Reset", out var xReset) && TryParseReset(xReset, now, out delay)) return delay;
        if (TryExhaustedWindow(headers, out delay)) return delay;
        return null;
    }

    /// <summary>Parses delay-seconds or an HTTP date.</summary>
    internal static bool TryParseSecondsOrDate(string value, DateTimeOffset now, out TimeSpan delay)
    {
        if (TryParseSeconds(value, out delay)) return true;
        return TryParseDate(value, now, out delay);
    }

    /// <summary>
    /// Parses an IETF <c>RateLimit</c> field value: <c>reset=N</c> in the list form, or the
    /// largest <c>t=N</c> among the policies with <c>r=0</c> (any policy when none is exhausted)
    /// in the structured form.
    /// </summary>
    internal static bool TryParseRateLimit(string value, out TimeSpan delay)
    {
        delay = default;
        double? reset = null;
        double? exhaustedWait = null;
        double? anyWait = null;
        foreach (var member in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            double? t = null;
            var exhausted = false;
            foreach (var parameter in member.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = parameter.IndexOf('=');
                if (equals <= 0) continue;
                var key = parameter.AsSpan(0, equals).Trim();
                var text = parameter.AsSpan(equals + 1).Trim().Trim('"');
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || double.IsInfinity(number)) continue;
                if (key.Equals("reset", StringComparison.OrdinalIgnoreCase)) reset = number;
                else if (key.Equals("t", StringComparison.OrdinalIgnoreCase)) t = number;
                else if (key.Equals("r", StringComparison.OrdinalIgnoreCase)) exhausted = number <= 0;
            }
            if (t is { } wait)
            {
                anyWait = Math.Max(anyWait ?? 0, wait);
                if (exhausted) exhaustedWait = Math.Max(exhaustedWait ?? 0, wait);
            }
        }
        var seconds = reset ?? exhaustedWait ?? anyWait;
        if (seconds is null) return false;
        delay = FromSeconds(seconds.Value);
        return true;
    }

    /// <summary>
    /// Parses <c>X-RateLimit-Reset</c>: a number below 10⁹ is seconds to wait; from 10⁹ a Unix
    /// time in seconds, from 10¹² in milliseconds; otherwise an HTTP date.
    /// </summary>
    internal static bool TryParseReset(string value, DateTimeOffset now, out TimeSpan delay)
    {
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            if (number >= 1e12)
            {
                delay = Until(DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Min(number, 253402300799999d)), now);
                return true;
            }
            if (number >= 1e9)
            {
                delay = Until(DateTimeOffset.UnixEpoch.AddSeconds(Math.Min(number, 253402300799d)), now);
                return true;
            }
            delay = FromSeconds(number);
            return true;
        }
        return TryParseDate(value, now, out delay);
    }

    private static bool TryExhaustedWindow(HttpResponseHeaders headers, out TimeSpan delay)
    {
        delay = default;
        var found = false;
        foreach (var header in headers.NonValidated)
        {
            var name = header.Key;
            if (!name.EndsWith(IntervalSuffix, StringComparison.OrdinalIgnoreCase)) continue;
            var prefix = name[..^"Interval-Milliseconds".Length];
            if (IsZero(headers, prefix + "Remaining")
                && long.TryParse(header.Value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var interval) && interval > 0)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(interval, (long)TimeSpan.FromDays(1).TotalMilliseconds));
                if (!found || wait > delay) delay = wait;
                found = true;
            }
            else if (IsZero(headers, prefix + "Secondly-Remaining"))
            {
                var wait = TimeSpan.FromSeconds(1);
                if (!found || wait > delay) delay = wait;
                found = true;
            }
        }
        return found;
    }

    private static bool IsZero(HttpResponseHeaders headers, string name)
        => TryFirst(headers, name, out var value)
            && long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            && number <= 0;

    private static bool TryParseSeconds(string value, out TimeSpan delay)
    {
        delay = default;
        var text = value.Trim();
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] == '.')) return false;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return false;
        delay = FromSeconds(seconds);
        return true;
    }

    private static bool TryParseDate(string value, DateTimeOffset now, out TimeSpan delay)
    {
        delay = default;
        var text = value.Trim();
        if (!DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return false;
        }
        delay = Until(date, now);
        return true;
    }

    private static TimeSpan Until(DateTimeOffset when, DateTimeOffset now) => when <= now ? TimeSpan.Zero : when - now;

    private static TimeSpan FromSeconds(double seconds)
    {
        if (seconds <= 0) return TimeSpan.Zero;
        // A day is far beyond any wait a client accepts; clamping keeps TimeSpan in range.
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
    }

    private static bool TryFirst(HttpResponseHeaders headers, string name, out string value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var item in values)
            {
                value = item;
                return true;
            }
        }
        value = "";
        return false;
    }
}
