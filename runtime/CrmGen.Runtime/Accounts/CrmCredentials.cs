using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmGen;

/// <summary>
/// Named secrets of an integrated account (<c>access_token</c>, <c>api_key</c>…). Values never
/// appear in <see cref="ToString"/>, exception messages or logs.
/// </summary>
public sealed class CrmCredentials
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Creates credentials from name/value pairs.</summary>
    public CrmCredentials(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in values) _values[pair.Key] = pair.Value;
    }

    /// <summary>Credentials with one access token (<c>access_token</c>).</summary>
    public static CrmCredentials AccessToken(string token) => new([new("access_token", token)]);

    /// <summary>Credentials with one API key (<c>api_key</c>).</summary>
    public static CrmCredentials ApiKey(string key) => new([new("api_key", key)]);

    /// <summary>The credential names (not values).</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Gets a value by name.</summary>
    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    /// <inheritdoc />
    public override string ToString() => "{ " + string.Join(", ", _values.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => k + " = ***")) + " }";
}
