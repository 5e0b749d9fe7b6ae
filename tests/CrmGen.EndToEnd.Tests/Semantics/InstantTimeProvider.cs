namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>
/// A clock whose waits take no real time: a timer due within <see cref="MaxInstantWait"/> moves the
/// clock forward by its due time and fires at once, and the wait is recorded. Longer timers (a
/// call's timeout) never fire. Both the client and the sandbox may share one, so a wait the
/// client takes is a wait the sandbox sees.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _waits = new();
    private DateTimeOffset _now;

    public InstantTimeProvider(DateTimeOffset start) => _now = start;

    public InstantTimeProvider()
        : this(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero))
    {
    }

    /// <summary>Timers due later than this never fire.</summary>
    public TimeSpan MaxInstantWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The waits taken so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate) return _waits.ToArray();
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _now.UtcTicks;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new InstantTimer();
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > MaxInstantWait) return timer;
        lock (_gate)
        {
            _now += dueTime;
            _waits.Add(dueTime);
        }
        ThreadPool.QueueUserWorkItem(_ =>
        {
            if (!timer.Disposed) callback(state);
        });
        return timer;
    }

    private sealed class InstantTimer : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
