using System;

namespace CrmGen;

/// <summary>
/// Marks a class as a unified model the mapping binder checks against. Its public settable
/// properties are the unified fields, named on the wire by <c>[JsonPropertyName]</c>. A model
/// with a <see cref="Resource"/> is the record type of that resource (e.g. <c>contacts</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class UnifiedModelAttribute : Attribute
{
    /// <summary>Marks a nested model (an e-mail address, a stage…).</summary>
    public UnifiedModelAttribute()
    {
    }

    /// <summary>Marks the record type of a resource.</summary>
    /// <param name="resource">The resource name used in .crmmap files, e.g. <c>contacts</c>.</param>
    public UnifiedModelAttribute(string resource) => Resource = resource;

    /// <summary>The resource this model is the record of, or null for nested models.</summary>
    public string? Resource { get; }
}
