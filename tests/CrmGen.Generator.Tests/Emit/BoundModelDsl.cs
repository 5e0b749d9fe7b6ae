using System.Reflection;
using System.Text.Json.Serialization;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Tests.Emit;

/// <summary>
/// Terse constructors of bound models for emitter tests, typed against the real unified models
/// of CrmGen.Runtime (read by reflection, as the binder reads them from the compilation).
/// </summary>
internal static class BoundModelDsl
{
    public static JsonPathStep[] Steps(params object[] steps)
        => steps.Select(s => s is int i ? new JsonPathStep(JsonPathStepKind.Index, "", i) : new JsonPathStep(JsonPathStepKind.Property, (string)s, 0)).ToArray();

    public static BoundProviderPath Path(params object[] steps) => new(Steps(steps).ToEquatableArray());

    public static BoundJsonRead Str(params object[] steps) => new(Path(steps), CrmType.String);

    public static BoundJsonRead Read(CrmType type, params object[] steps) => new(Path(steps), type);

    public static BoundLiteral Lit(string value) => new(LiteralKind.String, value, CrmType.String);

    public static BoundLiteral Num(string value, CrmType type) => new(LiteralKind.Number, value, type);

    public static readonly BoundLiteral True = new(LiteralKind.True, "true", CrmType.Boolean);

    public static readonly BoundLiteral Null = new(LiteralKind.Null, "null", CrmType.Null);

    public static BoundConversion To(ConversionKind kind, CrmType type, BoundExpression operand) => new(operand, kind, ConversionDirection.ToUnified, type);

    public static BoundConversion ToProvider(ConversionKind kind, BoundExpression operand) => new(operand, kind, ConversionDirection.ToProvider, CrmType.Json);

    public static BoundBinary Coalesce(BoundExpression left, BoundExpression right) => new(BinaryOperator.Coalesce, left, right, left.Type.Kind == CrmTypeKind.Json ? right.Type : left.Type);

    public static BoundBinary Binary(BinaryOperator op, BoundExpression left, BoundExpression right) => new(op, left, right, CrmType.Boolean);

    public static BoundBuiltinCall Exists(BoundExpression argument) => new(BuiltinFunction.Exists, EquatableArray.Create(argument), CrmType.Boolean);

    public static BoundBuiltinCall Call(BuiltinFunction function, CrmType type, params BoundExpression[] arguments) => new(function, arguments.ToEquatableArray(), type);

    public static BoundHookCall Hook(string name, CrmType type, params BoundExpression[] arguments)
        => new(name, arguments.ToEquatableArray(), arguments.Select(a => a.Type).ToEquatableArray(), type);

    public static BoundConditional If(BoundExpression condition, BoundExpression whenTrue, BoundExpression? whenFalse = null)
        => new(condition, whenTrue, whenFalse, whenTrue.Type.Kind == CrmTypeKind.Null && whenFalse is not null ? whenFalse.Type : whenTrue.Type);

    public static BoundInterpolation Concat(params BoundExpression[] parts) => new(parts.ToEquatableArray());

    public static BoundProjection Each(BoundExpression source, BoundExpression element, CrmType elementType) => new(source, element, ListOf(elementType));

    public static BoundArray Array(CrmType elementType, params BoundExpression[] elements) => new(elements.ToEquatableArray(), ListOf(elementType));

    public static BoundArray JsonArray(params BoundExpression[] elements) => new(elements.ToEquatableArray(), CrmType.Json);

    public static BoundEnumLookup Via(BoundExpression operand, string table, bool inverse = false) => new(operand, table, inverse);

    public static BoundJsonObject JsonObject(params BoundJsonMember[] members) => new(members.ToEquatableArray());

    public static BoundJsonProperty Member(string name, BoundExpression value) => new(name, value);

    public static BoundJsonSpread Spread(BoundExpression value) => new(value);

    public static CrmType ListOf(CrmType element)
        => new(CrmTypeKind.List, "global::System.Collections.Generic.List<" + (element.Kind == CrmTypeKind.Model ? element.CSharpName : element.CSharpName) + ">", element);

    public static CrmType ModelType<T>() => new(CrmTypeKind.Model, "global::" + typeof(T).FullName);

    public static UnifiedModelRef ModelRef<T>()
        => new(typeof(T).Name, "global::" + typeof(T).FullName, typeof(T).GetProperties().FirstOrDefault(p => p.PropertyType == typeof(RawJson))?.Name);

    /// <summary>The unified property of <typeparamref name="T"/> with the given wire name.</summary>
    public static UnifiedPropertyRef Prop<T>(string wireName)
    {
        var property = typeof(T).GetProperties().Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == wireName);
        return new UnifiedPropertyRef(wireName, property.Name, TypeOf(property.PropertyType));
    }

    /// <summary><c>{ wire &lt;- value, … }</c> building a <typeparamref name="T"/>.</summary>
    public static BoundObjectConstruction Obj<T>(params (string Wire, BoundExpression Value)[] fields)
        => new(ModelRef<T>(), fields.Select(f => new BoundFieldAssignment(Prop<T>(f.Wire), f.Value)).ToEquatableArray(), ModelType<T>());

    /// <summary>A path over the unified input of type <typeparamref name="T"/>: wire names and indices.</summary>
    public static BoundUnifiedPath U<T>(params object[] steps) => UnifiedFrom(typeof(T), steps);

    /// <summary>The current element (<c>$</c>) of the given type.</summary>
    public static BoundUnifiedPath Current(CrmType type) => new(EquatableArray<UnifiedPathStep>.Empty, type);

    private static BoundUnifiedPath UnifiedFrom(Type type, object[] steps)
    {
        var result = new List<UnifiedPathStep>();
        var current = type;
        CrmType crmType = TypeOf(type);
        foreach (var step in steps)
        {
            if (step is int index)
            {
                current = current.GetGenericArguments()[0];
                crmType = TypeOf(current);
                result.Add(new UnifiedPathStep(UnifiedStepKind.Index, "", index, crmType));
            }
            else
            {
                var property = current.GetProperties().Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == (string)step);
                current = property.PropertyType;
                crmType = TypeOf(current);
                result.Add(new UnifiedPathStep(UnifiedStepKind.Property, property.Name, 0, crmType));
            }
        }
        return new BoundUnifiedPath(result.ToEquatableArray(), crmType);
    }

    /// <summary>The language type of a CLR type of the unified models.</summary>
    public static CrmType TypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return CrmType.String;
        if (type == typeof(long)) return CrmType.Long;
        if (type == typeof(int)) return CrmType.Int;
        if (type == typeof(decimal)) return CrmType.Decimal;
        if (type == typeof(double)) return CrmType.Double;
        if (type == typeof(bool)) return CrmType.Boolean;
        if (type == typeof(DateTimeOffset)) return CrmType.DateTime;
        if (type == typeof(RawJson)) return new CrmType(CrmTypeKind.RemoteData, "global::CrmGen.RawJson");
        if (type == typeof(Dictionary<string, object?>)) return new CrmType(CrmTypeKind.CustomFields, "global::System.Collections.Generic.Dictionary<string, object?>");
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return ListOf(TypeOf(type.GetGenericArguments()[0]));
        return new CrmType(CrmTypeKind.Model, "global::" + type.FullName);
    }

    /// <summary>The unified model facts of CrmGen.Runtime (wire names of every model).</summary>
    public static EquatableArray<UnifiedModelFacts> RuntimeModels()
        => typeof(Contact).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<UnifiedModelAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new UnifiedModelFacts(
                "global::" + t.FullName,
                t.Name,
                t.GetCustomAttribute<UnifiedModelAttribute>()!.Resource,
                t.GetProperties()
                    .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
                    .Select(p => new UnifiedPropertyFacts(p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p.Name, TypeOf(p.PropertyType)))
                    .ToEquatableArray()))
            .ToEquatableArray();

    public static BoundOperation Operation(
        OperationKind kind,
        string method,
        string path,
        BoundWrite? write = null,
        BoundRead? read = null,
        UnifiedPropertyRef[]? requires = null,
        BoundParameter[]? query = null,
        BoundHeader[]? headers = null,
        Dictionary<string, BoundExpression>? holes = null,
        string? name = null)
    {
        var parts = new List<BoundPathPart>();
        var rest = path;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                parts.Add(new BoundPathPart(rest, null, null));
                break;
            }
            if (open > 0) parts.Add(new BoundPathPart(rest.Substring(0, open), null, null));
            var close = rest.IndexOf('}', open);
            var hole = rest.Substring(open + 1, close - open - 1);
            BoundExpression value = holes is not null && holes.TryGetValue(hole, out var v) ? v : hole == "id" ? new BoundOperationId() : new BoundContextReference(hole);
            parts.Add(new BoundPathPart(null, hole, value));
            rest = rest.Substring(close + 1);
        }
        return new BoundOperation(
            kind,
            name ?? kind.ToString().ToLowerInvariant(),
            method,
            parts.ToEquatableArray(),
            (query ?? System.Array.Empty<BoundParameter>()).ToEquatableArray(),
            (headers ?? System.Array.Empty<BoundHeader>()).ToEquatableArray(),
            (requires ?? System.Array.Empty<UnifiedPropertyRef>()).ToEquatableArray(),
            write,
            read);
    }
}
