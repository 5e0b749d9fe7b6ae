using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Binding;

/// <summary>How a <see cref="WrittenType"/> is written.</summary>
internal enum WrittenTypeKind
{
    /// <summary>A name, simple or qualified, with type arguments on its last part: <c>List&lt;Contact&gt;</c>, <c>CrmGen.Contact</c>.</summary>
    Named,
    /// <summary>A C# keyword type: <c>string</c>, <c>int</c>, <c>object</c>…; <see cref="WrittenType.Name"/> is the keyword.</summary>
    Keyword,
    /// <summary>Anything else (array, tuple, pointer, <c>ref T</c>, a generic qualifier): never a type a mapping can use.</summary>
    Other,
}

/// <summary>
/// A C# type as it is written, read without binding: <see cref="Name"/> is the dotted name
/// without <c>global::</c> and without type arguments, <see cref="Arguments"/> the type arguments
/// of its last part, <see cref="Nullable"/> a trailing <c>?</c>, <see cref="Text"/> the source
/// text (shown when the type cannot be used).
/// </summary>
internal sealed record WrittenType(WrittenTypeKind Kind, string Name, EquatableArray<WrittenType> Arguments, bool Nullable, string Text);

/// <summary>A <c>using Alias = Target;</c> directive in scope of a declaration.</summary>
internal sealed record WrittenAlias(string Name, WrittenType Target);

/// <summary>Whether nullable annotations are on where a member is declared, as far as the file's <c>#nullable</c> directives say.</summary>
internal enum NullableAnnotations
{
    /// <summary>No directive decides: the project's setting applies.</summary>
    Project,
    Enabled,
    Disabled,
}

/// <summary>A parameter of a hook method as written; <see cref="RefKind"/> is <c>ref</c>, <c>out</c>, <c>in</c>… or empty.</summary>
internal sealed record DeclaredParameter(WrittenType Type, string RefKind);

/// <summary>A static method of a provider class as written (a hook the language can call).</summary>
internal sealed record DeclaredHook(
    string Name,
    WrittenType ReturnType,
    bool ReturnsByRef,
    EquatableArray<DeclaredParameter> Parameters,
    NullableAnnotations Annotations)
{
    /// <summary>The implementing declaration of a partial method (one with a body): the same method as its definition.</summary>
    public bool IsPartialImplementation { get; init; }
}

/// <summary>A public settable property of a unified model as written; <see cref="WireName"/> from <c>[JsonPropertyName]</c>.</summary>
internal sealed record DeclaredProperty(string Name, string? WireName, WrittenType Type);

/// <summary>
/// One declaration of a class, read from syntax alone, as the generator sees it on every edit:
/// a class marked <c>[CrmProvider]</c> or <c>[UnifiedModel]</c>, or another part of a partial
/// class (whose static methods may be hooks of a provider class declared elsewhere). Equal
/// declarations give equal values, so an edit elsewhere leaves every later step cached.
/// </summary>
/// <remarks>
/// Names are resolved later, against the unified models, by <see cref="DeclarationResolver"/>.
/// The analyzer compares the result with what C# binds and reports CRM0036 where they differ.
/// </remarks>
internal sealed record DeclaredClass(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    int Arity,
    bool IsPartial,
    bool ContainersPartial,
    string? ProviderName,
    bool HasProviderAttribute,
    bool HasModelAttribute,
    string? ModelResource,
    WrittenType? BaseType,
    EquatableArray<DeclaredHook> Hooks,
    EquatableArray<DeclaredProperty> Properties,
    EquatableArray<string> Usings,
    EquatableArray<WrittenAlias> Aliases,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan)
{
    /// <summary>The declaration says <c>static</c>.</summary>
    public bool IsStatic { get; init; }

    /// <summary>The class, or a class it is nested in, has type parameters.</summary>
    public bool InGeneric { get; init; }

    /// <summary>The declaration says <c>abstract</c>.</summary>
    public bool IsAbstract { get; init; }

    /// <summary>
    /// The instance constructors this declaration has, as far as creating the class goes: 0 when
    /// it declares none, 1 when one of them takes no arguments (every parameter optional or
    /// <c>params</c>), -1 when it declares only constructors that need arguments.
    /// </summary>
    public int Constructors { get; init; }

    /// <summary>The namespace, containing types and class name, dotted, without <c>global::</c> or type parameters.</summary>
    public string DottedName
    {
        get
        {
            var name = Namespace;
            foreach (var container in ContainingTypes) name = name.Length == 0 ? container : name + "." + container;
            return name.Length == 0 ? ClassName : name + "." + ClassName;
        }
    }

    /// <summary><see cref="DottedName"/> with the class's arity: the key that joins the parts of one class.</summary>
    public string QualifiedName => Arity == 0 ? DottedName : DottedName + "`" + Arity;
}
