using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmGen;

/// <summary>
/// What one operation of a provider does with the unified fields (wire names): which it writes
/// into the provider request, which it reads from the provider response, and which a caller must
/// set. <see cref="Supported"/> is the union of <see cref="Written"/> and <see cref="Read"/>: the
/// fields the operation maps in either direction.
/// </summary>
public sealed class OperationCapabilities
{
    /// <summary>Creates the description; every list is copied, de-duplicated and sorted (ordinal).</summary>
    /// <param name="name">The operation name, e.g. <c>create</c> or <c>link_accounts_contacts</c>.</param>
    /// <param name="required">The fields a caller must set.</param>
    /// <param name="written">The fields the request mapping writes.</param>
    /// <param name="read">The fields the response mapping reads.</param>
    public OperationCapabilities(string name, IEnumerable<string> required, IEnumerable<string> written, IEnumerable<string> read)
        : this(name, [], required, written, read)
    {
    }

    // Supported is written ∪ read, plus any field a description read back from JSON lists as
    // supported without saying in which direction.
    internal OperationCapabilities(string name, IEnumerable<string> supported, IEnumerable<string> required, IEnumerable<string> written, IEnumerable<string> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Required = Sorted(required, nameof(required));
        Written = Sorted(written, nameof(written));
        Read = Sorted(read, nameof(read));
        Supported = Sorted(Written.Concat(Read).Concat(supported), nameof(supported));
    }

    /// <summary>The operation name.</summary>
    public string Name { get; }

    /// <summary>Every field the operation maps: <see cref="Written"/> ∪ <see cref="Read"/>.</summary>
    public IReadOnlyList<string> Supported { get; }

    /// <summary>The fields a caller must set; a call without one fails before any HTTP request.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The fields written into the provider request.</summary>
    public IReadOnlyList<string> Written { get; }

    /// <summary>The fields read from the provider response.</summary>
    public IReadOnlyList<string> Read { get; }

    /// <summary>Describes a provider operation from its generated field lists.</summary>
    public static OperationCapabilities From(CrmOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return new OperationCapabilities(operation.Name, operation.RequiredFields, operation.WrittenFields, operation.ReadFields);
    }

    private static string[] Sorted(IEnumerable<string> fields, string parameter)
    {
        ArgumentNullException.ThrowIfNull(fields, parameter);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (string.IsNullOrEmpty(field)) throw new ArgumentException("A field name is null or empty.", parameter);
            result.Add(field);
        }
        return result.ToArray();
    }
}
