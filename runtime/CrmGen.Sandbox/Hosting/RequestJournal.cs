using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>The thread-safe log of received requests and the queue of canned responses (each used <see cref="CannedResponse.Times"/> times).</summary>
internal sealed class RequestJournal
{
    private readonly List<SandboxRequest> _requests = new();
    private readonly List<(CannedResponse Response, int Remaining)> _canned = new();
    private readonly object _gate = new();

    public void Add(SandboxRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    public SandboxRequest[] Snapshot()
    {
        lock (_gate) return _requests.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _requests.Clear();
    }

    public void Enqueue(CannedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate) _canned.Add((response, response.Times));
    }

    /// <summary>The canned responses not used up yet.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                var count = 0;
                foreach (var entry in _canned) count += entry.Remaining;
                return count;
            }
        }
    }

    public void ClearCanned()
    {
        lock (_gate) _canned.Clear();
    }

    public bool TryTake(string provider, out CannedResponse response)
    {
        lock (_gate)
        {
            for (var i = 0; i < _canned.Count; i++)
            {
                var (candidate, remaining) = _canned[i];
                if (!candidate.Matches(provider)) continue;
                if (remaining <= 1) _canned.RemoveAt(i);
                else _canned[i] = (candidate, remaining - 1);
                response = candidate;
                return true;
            }
        }
        response = null!;
        return false;
    }
}
