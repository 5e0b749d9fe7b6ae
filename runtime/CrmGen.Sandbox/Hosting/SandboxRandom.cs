using System;

namespace CrmGen.Sandbox;

/// <summary>A seeded, thread-safe source of ids: the same seed and the same requests give the same ids.</summary>
internal sealed class SandboxRandom
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private readonly Random _random;
    private readonly object _gate = new();

    public SandboxRandom(int seed) => _random = new Random(seed);

    /// <summary><paramref name="prefix"/> followed by <paramref name="length"/> base-62 characters.</summary>
    public string NextId(string prefix, int length = 22)
    {
        Span<char> chars = stackalloc char[length];
        lock (_gate)
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Base62[_random.Next(Base62.Length)];
        }
        return prefix + new string(chars);
    }

    /// <summary>A version-4-shaped GUID from the seeded source.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
