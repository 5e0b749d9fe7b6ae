using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>The kinds of value the binder tracks.</summary>
internal enum CrmTypeKind
{
    /// <summary>A value from provider JSON whose shape is not known statically.</summary>
    Json,
    String,
    /// <summary><c>int</c> or <c>long</c> (see <see cref="CrmType.CSharpName"/>).</summary>
    Integer,
    Decimal,
    Double,
    Boolean,
    /// <summary><c>System.DateTimeOffset</c>.</summary>
    DateTime,
    /// <summary>A class marked <c>[UnifiedModel]</c>.</summary>
    Model,
    /// <summary><c>List&lt;T&gt;</c>; <see cref="CrmType.Element"/> is T.</summary>
    List,
    /// <summary><c>Dictionary&lt;string, object?&gt;</c>: the custom-field bag.</summary>
    CustomFields,
    /// <summary><c>CrmGen.RawJson</c>: the provider's raw record (remote_data); never mapped.</summary>
    RemoteData,
    /// <summary>The type of the <c>null</c> literal.</summary>
    Null,
    /// <summary>A type the binder cannot use, or the type of an erroneous expression (no cascading errors).</summary>
    Error,
}

/// <summary>
/// A type in the mapping language. <see cref="CSharpName"/> is the fully qualified C# type
/// (e.g. <c>global::System.DateTimeOffset</c>, <c>global::System.Collections.Generic.List&lt;global::CrmGen.EmailAddress&gt;</c>),
/// without nullable annotation; every unified value is nullable in mappings.
/// </summary>
internal sealed record CrmType(CrmTypeKind Kind, string CSharpName, CrmType? Element = null)
{
    public static readonly CrmType Json = new(CrmTypeKind.Json, "json");
    public static readonly CrmType String = new(CrmTypeKind.String, "string");
    public static readonly CrmType Long = new(CrmTypeKind.Integer, "long");
    public static readonly CrmType Int = new(CrmTypeKind.Integer, "int");
    public static readonly CrmType Decimal = new(CrmTypeKind.Decimal, "decimal");
    public static readonly CrmType Double = new(CrmTypeKind.Double, "double");
    public static readonly CrmType Boolean = new(CrmTypeKind.Boolean, "bool");
    public static readonly CrmType DateTime = new(CrmTypeKind.DateTime, "global::System.DateTimeOffset");
    public static readonly CrmType Null = new(CrmTypeKind.Null, "null");
    public static readonly CrmType Error = new(CrmTypeKind.Error, "?");

    /// <summary>The name to show in a diagnostic: <c>string</c>, <c>DateTimeOffset</c>, <c>List&lt;EmailAddress&gt;</c>, <c>provider JSON value</c>.</summary>
    public string DisplayName => Kind switch
    {
        CrmTypeKind.Json => "provider JSON value",
        CrmTypeKind.List => "List<" + (Element?.DisplayName ?? "?") + ">",
        _ => ShortName(CSharpName),
    };

    private static string ShortName(string name)
    {
        var lt = name.IndexOf('<');
        var head = lt < 0 ? name : name.Substring(0, lt);
        var dot = head.LastIndexOf('.');
        var shortHead = dot < 0 ? head.Replace("global::", "") : head.Substring(dot + 1);
        return lt < 0 ? shortHead : shortHead + name.Substring(lt).Replace("global::System.", "").Replace("global::CrmGen.", "");
    }
}
