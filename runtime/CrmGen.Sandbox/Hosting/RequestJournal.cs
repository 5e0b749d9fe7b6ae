using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>The thread-safe log of received requests and the queue of canned responses.</summary>
internal sealed class RequestJournal
{
    private readonly List<SandboxRequest> _requests = new();
    private readonly List<CannedResponse> _canned = new();
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
        lock (_gate) _canned.Add(response);
    }

    public bool TryTake(string provider, out CannedResponse response)
    {
        lock (_gate)
        {
            for (var i = 0; i < _canned.Count; i++)
            {
                if (_canned[i].Matches(provider))
                {
                    response = _canned[i];
                    _canned.RemoveAt(i);
                    return true;
                }
            }
        }
        response = null!;
        return false;
    }
}
