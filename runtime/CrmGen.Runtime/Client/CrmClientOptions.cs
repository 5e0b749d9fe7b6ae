using System;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;

namespace CrmGen;

/// <summary>Settings of a <see cref="CrmClient"/>: retries, the default timeout, the clock and normalization.</summary>
public sealed class CrmClientOptions
{
    /// <summary>How transient failures are retried (3 attempts by default).</summary>
    public CrmRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The default time budget of a call (every attempt, the waits between them, reading the
    /// response): 100 seconds, like <see cref="System.Net.Http.HttpClient.Timeout"/>.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off. A request can set its
    /// own (<see cref="CrmRequestOptions.Timeout"/>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The clock of timeouts, retry waits and HTTP dates (tests pass a fake one). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How <see cref="CrmResponseFormat.Normalized"/> canonicalises values.</summary>
    public CrmNormalizationOptions Normalization { get; set; } = new();

    /// <summary>
    /// Metadata for unified record types beyond the built-in ones (a custom provider's own models),
    /// e.g. a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> of them; used
    /// for <see cref="CrmRequestOptions.ExcludeFields"/> and normalization. The built-in models come
    /// from <see cref="UnifiedJsonContext"/>.
    /// </summary>
    public IJsonTypeInfoResolver? TypeInfoResolver { get; set; }

    /// <summary>Throws for settings out of range.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Normalization, nameof(Normalization));
        Retry.Validate();
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"CrmClientOptions {{ Timeout = {Timeout:c}, Retry = {Retry}, Normalization = {Normalization} }}");
}
