using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Binding;

/// <summary>
/// A bound, typed expression. Read-scope expressions read provider JSON (<see cref="BoundProviderPath"/>);
/// write-scope expressions read the unified input object (<see cref="BoundUnifiedPath"/>).
/// </summary>
internal abstract record BoundExpression(CrmType Type);

/// <summary>A literal; <see cref="Value"/> as in <see cref="LiteralSyntax"/>.</summary>
internal sealed record BoundLiteral(LiteralKind Kind, string Value, CrmType Type) : BoundExpression(Type);

/// <summary>String interpolation: the parts are concatenated (null parts as empty). Type is string.</summary>
internal sealed record BoundInterpolation(EquatableArray<BoundExpression> Parts) : BoundExpression(CrmType.String);

/// <summary>A step of a JSON path in provider data.</summary>
internal enum JsonPathStepKind
{
    Property,
    Index,
}

/// <summary><c>.name</c> or <c>[index]</c>.</summary>
internal sealed record JsonPathStep(JsonPathStepKind Kind, string Name, int Index);

/// <summary>
/// Read scope: a value at a path in the current provider record (or, inside <c>each</c>, in
/// the current element). Type is <see cref="CrmType.Json"/>; conversions give it a type.
/// An empty path is the current element (<c>$</c>). <see cref="FromRecord"/>: inside <c>each</c>,
/// a path from the record itself (<c>$$.id</c>), not from the element; outside <c>each</c>,
/// <c>$$.id</c> is bound as <c>id</c> and the flag stays false.
/// </summary>
internal sealed record BoundProviderPath(EquatableArray<JsonPathStep> Steps, bool FromRecord = false) : BoundExpression(CrmType.Json);

/// <summary>
/// Read scope: the JSON value at <see cref="Path"/> read as <see cref="BoundExpression.Type"/>
/// (string accepts JSON strings and numbers, written as their source text; integer, decimal and
/// double accept JSON numbers; bool accepts true/false; null or absent gives null). The binder
/// wraps every provider path consumed as a scalar in this node or in a <see cref="BoundConversion"/>,
/// so the emitter knows how to read each value; a bare <see cref="BoundProviderPath"/> appears only
/// as the operand of a conversion, the source of a projection, or the argument of <c>exists</c>.
/// </summary>
internal sealed record BoundJsonRead(BoundProviderPath Path, CrmType Type) : BoundExpression(Type);

/// <summary>
/// Read scope: <c>custom_fields &lt;- properties.*</c>: every key of the object at
/// <see cref="ObjectPath"/> (empty: the record itself) except <see cref="ExcludedKeys"/> (the
/// keys other mappings of the same record read at that level). With <see cref="Pattern"/>
/// (<c>properties.* matching "…"</c>, a .NET regular expression the binder has checked) only the
/// keys it matches. Type is CustomFields.
/// </summary>
internal sealed record BoundCatchAll(EquatableArray<JsonPathStep> ObjectPath, EquatableArray<string> ExcludedKeys, CrmType Type, string? Pattern = null)
    : BoundExpression(Type);

/// <summary>A step of a member chain over unified objects.</summary>
internal enum UnifiedStepKind
{
    Property,
    Index,
}

/// <summary><c>.Property</c> (C# name) or <c>[index]</c>; <see cref="Type"/> is the type after the step.</summary>
internal sealed record UnifiedPathStep(UnifiedStepKind Kind, string PropertyName, int Index, CrmType Type);

/// <summary>
/// Write scope: a member chain over the unified input (or, inside <c>each</c>, the current
/// element). Null-propagating: any null step gives null. Empty steps: the current element.
/// <see cref="FromRecord"/>: inside <c>each</c>, a chain from the unified input (<c>$$.name</c>),
/// not from the element (outside <c>each</c> the flag stays false: the input is the current value).
/// </summary>
internal sealed record BoundUnifiedPath(EquatableArray<UnifiedPathStep> Steps, CrmType Type, bool FromRecord = false) : BoundExpression(Type);

/// <summary><c>credentials.name</c>: a secret of the integrated account (string).</summary>
internal sealed record BoundCredential(string Name) : BoundExpression(CrmType.String);

/// <summary><c>context.name</c>: a declared context value of the integrated account (string).</summary>
internal sealed record BoundContextReference(string Name) : BoundExpression(CrmType.String);

/// <summary>The id argument of a get, update or delete operation (string).</summary>
internal sealed record BoundOperationId() : BoundExpression(CrmType.String);

/// <summary>The fixed conversions of <c>as</c>.</summary>
internal enum ConversionKind
{
    /// <summary><c>as datetime</c>: ISO-8601 text ⇄ DateTimeOffset.</summary>
    IsoDateTime,
    /// <summary><c>as date</c>: ISO-8601 date (yyyy-MM-dd) ⇄ DateTimeOffset at midnight UTC.</summary>
    IsoDate,
    /// <summary><c>as epoch_s</c>: Unix seconds ⇄ DateTimeOffset.</summary>
    EpochSeconds,
    /// <summary><c>as epoch_ms</c>: Unix milliseconds ⇄ DateTimeOffset.</summary>
    EpochMilliseconds,
    /// <summary><c>as decimal</c>: number or numeric text ⇄ decimal.</summary>
    Decimal,
    /// <summary><c>as cents</c>: integer minor units ⇄ decimal amount (÷100 on read, ×100 on write).</summary>
    Cents,
    /// <summary><c>as string</c>: any scalar as text (numbers invariant).</summary>
    String,
    /// <summary><c>as int</c>: number or numeric text ⇄ long.</summary>
    Integer,
    /// <summary><c>as bool</c>: true/false or "true"/"false".</summary>
    Boolean,
}

/// <summary>Which way a conversion runs.</summary>
internal enum ConversionDirection
{
    /// <summary>Provider value → unified type (read).</summary>
    ToUnified,
    /// <summary>Unified value → provider JSON (write); the result type is Json.</summary>
    ToProvider,
}

/// <summary><c>operand as conversion</c>.</summary>
internal sealed record BoundConversion(BoundExpression Operand, ConversionKind Conversion, ConversionDirection Direction, CrmType Type)
    : BoundExpression(Type);

/// <summary><c>operand via table</c>; <see cref="Inverse"/> when a two-way mapping writes through the table backwards. Type is string.</summary>
internal sealed record BoundEnumLookup(BoundExpression Operand, string Table, bool Inverse) : BoundExpression(CrmType.String);

/// <summary><c>??</c>, <c>||</c>, <c>&amp;&amp;</c>, <c>==</c>, <c>!=</c>.</summary>
internal sealed record BoundBinary(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, CrmType Type)
    : BoundExpression(Type);

/// <summary><c>!operand</c> (bool).</summary>
internal sealed record BoundNot(BoundExpression Operand) : BoundExpression(CrmType.Boolean);

/// <summary><c>if c then a else b</c>; a missing else is null.</summary>
internal sealed record BoundConditional(BoundExpression Condition, BoundExpression WhenTrue, BoundExpression? WhenFalse, CrmType Type)
    : BoundExpression(Type);

/// <summary>The built-in functions.</summary>
internal enum BuiltinFunction
{
    /// <summary><c>split(text, separator)</c> → List&lt;string&gt; (entries trimmed, empties dropped).</summary>
    Split,
    /// <summary><c>join(list, separator)</c> → string.</summary>
    Join,
    /// <summary><c>lower(text)</c></summary>
    Lower,
    /// <summary><c>upper(text)</c></summary>
    Upper,
    /// <summary><c>trim(text)</c></summary>
    Trim,
    /// <summary><c>exists(x)</c>: x is present and not null → bool.</summary>
    Exists,
    /// <summary><c>first(list)</c>: the first element or null.</summary>
    First,
    /// <summary><c>min(a, b)</c>: the smaller of two whole numbers → long; null when either is null.</summary>
    Min,
    /// <summary><c>max(a, b)</c>: the larger of two whole numbers → long; null when either is null.</summary>
    Max,
}

/// <summary>A call of a built-in function.</summary>
internal sealed record BoundBuiltinCall(BuiltinFunction Function, EquatableArray<BoundExpression> Arguments, CrmType Type)
    : BoundExpression(Type);

/// <summary>
/// <c>@Method(args)</c>: a call of a static method of the provider class. Arguments are
/// already converted to <see cref="ParameterTypes"/>; the result is <see cref="BoundExpression.Type"/>.
/// </summary>
internal sealed record BoundHookCall(string MethodName, EquatableArray<BoundExpression> Arguments, EquatableArray<CrmType> ParameterTypes, CrmType Type)
    : BoundExpression(Type);

/// <summary><c>[a, b]</c>: null elements are left out.</summary>
internal sealed record BoundArray(EquatableArray<BoundExpression> Elements, CrmType Type) : BoundExpression(Type);

/// <summary>
/// <c>source each element</c>: <see cref="Element"/> is bound in the element scope (paths
/// relative to the element). Read scope: Source is a provider path to an array. Write scope:
/// Source is a unified list. The result is a list (read) or a JSON array (write).
/// </summary>
internal sealed record BoundProjection(BoundExpression Source, BoundExpression Element, CrmType Type) : BoundExpression(Type);

/// <summary>Read scope: a unified object (<c>{ id &lt;- id }</c> or a whole record).</summary>
internal sealed record BoundObjectConstruction(UnifiedModelRef Model, EquatableArray<BoundFieldAssignment> Fields, CrmType Type)
    : BoundExpression(Type);

/// <summary>One unified property set by a read mapping.</summary>
internal sealed record BoundFieldAssignment(UnifiedPropertyRef Property, BoundExpression Value);

/// <summary>
/// Write scope: a provider JSON object. Dotted targets are grouped into nested objects by the
/// binder (<c>properties.email</c> and <c>properties.firstname</c> share one <c>properties</c>).
/// A member whose value is null is left out of the JSON.
/// </summary>
internal sealed record BoundJsonObject(EquatableArray<BoundJsonMember> Members) : BoundExpression(CrmType.Json);

/// <summary>A member of a provider JSON object.</summary>
internal abstract record BoundJsonMember;

/// <summary><c>"name": value</c></summary>
internal sealed record BoundJsonProperty(string Name, BoundExpression Value) : BoundJsonMember;

/// <summary><c>properties.* &lt;- custom_fields</c>: every entry of a CustomFields dictionary as a member.</summary>
internal sealed record BoundJsonSpread(BoundExpression Value) : BoundJsonMember;
