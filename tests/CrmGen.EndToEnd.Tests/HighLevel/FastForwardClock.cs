using CrmGen.EndToEnd.Tests.Support;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// A client clock over the sandbox's manual clock that never makes anyone wait: a timer moves the
/// manual clock forward by its due time and fires at once. A retry that waits what the provider
/// asked for is then instant, and the sandbox sees exactly that much time pass.
/// </summary>
internal sealed class FastForwardClock : TimeProvider
{
    private readonly ManualTimeProvider _clock;

    public FastForwardClock(ManualTimeProvider clock) => _clock = clock;

    /// <summary>Every wait asked for, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (Waits) Waits.Add(dueTime);
            _clock.Advance(dueTime);
        }
        var due = dueTime == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : TimeSpan.Zero;
        return System.CreateTimer(callback, state, due, Timeout.InfiniteTimeSpan);
    }
}
