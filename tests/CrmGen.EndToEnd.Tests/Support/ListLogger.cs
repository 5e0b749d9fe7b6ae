using Microsoft.Extensions.Logging;

namespace CrmGen.EndToEnd.Tests.Support;

/// <summary>A logger that keeps every message and its structured values.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _entries = new();

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries) return _entries.ToArray();
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = $"{logLevel} {eventId.Name}: {formatter(state, exception)}";
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            text += " | " + string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"));
        }
        lock (_entries) _entries.Add(text);
    }
}
