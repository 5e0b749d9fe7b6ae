using System;
using System.Threading;

namespace CrmGen;

/// <summary>
/// What is left of a list page's time budget while its body is read record by record: a timer
/// over the time the call has left once the answer's headers are in, paused while the caller
/// holds a record (its own work is not the provider's slowness), linked to the caller's token.
/// </summary>
internal sealed class PageBodyBudget : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenSource? _linked;
    private TimeSpan _left;
    private long _resumed;

    private PageBodyBudget(TimeProvider time, TimeSpan left, CancellationToken cancellationToken)
    {
        _time = time;
        _left = left;
        if (left == Timeout.InfiniteTimeSpan)
        {
            Token = cancellationToken;
            return;
        }
        _timeout = new CancellationTokenSource(left, time);
        _linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token) : null;
        Token = _linked?.Token ?? _timeout.Token;
        _resumed = time.GetTimestamp();
    }

    /// <summary>The token the body is read with: the caller's, and the budget's.</summary>
    public CancellationToken Token { get; }

    /// <summary>True once the budget has run out (not the caller's cancellation).</summary>
    public bool RanOut => _timeout is { IsCancellationRequested: true };

    /// <summary>Starts the budget of <paramref name="call"/>'s page body: its timeout less the time since the call started.</summary>
    public static PageBodyBudget Start(CrmCall call, TimeProvider time, CancellationToken cancellationToken)
    {
        if (call.Timeout == Timeout.InfiniteTimeSpan) return new PageBodyBudget(time, Timeout.InfiniteTimeSpan, cancellationToken);
        var left = call.Timeout - time.GetElapsedTime(call.Started);
        return new PageBodyBudget(time, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Stops the clock: a record is handed to the caller.</summary>
    public void Pause()
    {
        if (_timeout is null || RanOut) return;
        _left -= _time.GetElapsedTime(_resumed);
        _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the clock again with what was left: the caller asked for the next record.</summary>
    public void Resume()
    {
        if (_timeout is null || RanOut) return;
        _resumed = _time.GetTimestamp();
        _timeout.CancelAfter(_left > TimeSpan.Zero ? _left : TimeSpan.Zero);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _linked?.Dispose();
        _timeout?.Dispose();
    }
}
