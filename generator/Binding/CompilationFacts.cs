using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The small, equatable facts the binder needs from the C# compilation: the unified models
/// and the <c>[CrmProvider]</c> classes. Extracted once per compilation; equal facts keep every
/// later step cached.
/// </summary>
internal sealed record CompilationFacts(
    EquatableArray<UnifiedModelFacts> Models,
    EquatableArray<ProviderClassFacts> ProviderClasses);

/// <summary>A class marked <c>[UnifiedModel]</c>; <see cref="Resource"/> is set for resource roots (e.g. <c>contacts</c>).</summary>
internal sealed record UnifiedModelFacts(
    string FullyQualifiedName,
    string Name,
    string? Resource,
    EquatableArray<UnifiedPropertyFacts> Properties);

/// <summary>A settable public property of a unified model; <see cref="WireName"/> comes from <c>[JsonPropertyName]</c>.</summary>
internal sealed record UnifiedPropertyFacts(string WireName, string PropertyName, CrmType Type);

/// <summary>
/// A partial class marked <c>[CrmProvider("name")]</c>. The location is kept as plain values
/// (file, span, line span) for diagnostics such as a class without a .crmmap provider.
/// </summary>
internal sealed record ProviderClassFacts(
    string ProviderName,
    string Namespace,
    string ClassName,
    string FullyQualifiedName,
    bool IsPartial,
    EquatableArray<HookMethodFacts> Hooks,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan)
{
    /// <summary>
    /// Why the adapter cannot create the class's single instance with <c>new C()</c> ("is
    /// static", "is abstract", "has no constructor that takes no arguments"); null when it can.
    /// </summary>
    public string? CannotBeCreated { get; init; }
}

/// <summary>A static method of a provider class, callable from the language as <c>@Name(args)</c>.</summary>
internal sealed record HookMethodFacts(string Name, CrmType ReturnType, EquatableArray<CrmType> Parameters)
{
    /// <summary>Per parameter: a value type without <c>?</c> (it cannot take a value that may be null). Empty means none.</summary>
    public EquatableArray<bool> NonNullableParameters { get; init; } = EquatableArray<bool>.Empty;
}
