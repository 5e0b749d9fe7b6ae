using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Turns a bound expression into a C# expression. In read scope, provider values come from the
/// slots of the <see cref="ReadScope"/> the parse code filled (<c>$$</c> values from the record
/// scope's slots); in write scope, unified paths start at the current variable (the input, or the
/// element of a projection), and <c>$$</c> paths at the input.
/// </summary>
internal sealed class ExpressionEmitter
{
    public const string Functions = "global::CrmGen.Mapping.CrmMapFunctions";
    public const string Convert = "global::CrmGen.Mapping.CrmConvert";

    private readonly EmitContext _context;
    private readonly ReadScope? _read;
    private readonly string? _current;
    private readonly string? _record;

    /// <param name="context">The method's context.</param>
    /// <param name="read">Read scope: the scope whose slots hold the provider values.</param>
    /// <param name="current">Write scope: the variable of the unified input, which <c>$$</c> names inside projections too.</param>
    public ExpressionEmitter(EmitContext context, ReadScope? read, string? current)
        : this(context, read, current, current)
    {
    }

    private ExpressionEmitter(EmitContext context, ReadScope? read, string? current, string? record)
    {
        _context = context;
        _read = read;
        _current = current;
        _record = record;
    }

    public EmitContext Context => _context;

    /// <summary>The read scope whose slots provider values come from (null in write scope).</summary>
    public ReadScope? Read => _read;

    public ExpressionEmitter WithRead(ReadScope read) => new(_context, read, _current, _record);

    public ExpressionEmitter WithCurrent(string current) => new(_context, _read, current, _record);

    public CsValue Emit(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteral literal:
                return Literal(literal);
            case BoundInterpolation interpolation:
                return Interpolation(interpolation);
            case BoundJsonRead:
                return FromSlot(expression, expression.Type, mayBeNull: true);
            case BoundCatchAll catchAll:
                return FromSlot(ReadPlanBuilder.CatchAllKey(catchAll), CrmTypes.CustomFields, mayBeNull: true);
            case BoundConversion { Direction: ConversionDirection.ToUnified, Operand: BoundProviderPath } conversion:
                return FromSlot(conversion, conversion.Type, mayBeNull: true);
            case BoundConversion conversion:
                return Conversion(conversion);
            case BoundBuiltinCall { Function: BuiltinFunction.Exists, Arguments: { Count: 1 } arguments } exists when arguments[0] is BoundProviderPath:
                return FromSlot(exists, CrmType.Boolean, mayBeNull: false);
            case BoundProjection { Source: BoundProviderPath } projection:
                return FromSlot(projection, CrmTypes.ListOf(ReadPlanBuilder.ElementTypeOf(projection)), mayBeNull: true);
            case BoundProjection projection:
                return InMemoryProjection(projection);
            case BoundUnifiedPath path:
                return UnifiedPath(path);
            case BoundCredential credential:
                return _context.Account is { } account
                    ? new CsValue(account + ".GetCredential(" + CSharpText.String(credential.Name) + ")", CrmType.String, false)
                    : new CsValue("((string?)null)", CrmType.String, true);
            case BoundContextReference reference:
                return ContextValue(reference.Name);
            case BoundPageParameter page:
                return new CsValue((_current ?? "input") + (page.Name == "cursor" ? ".Cursor" : ".PageSize"), page.Type, true);
            case BoundOperationId:
                return _context.Id is { } id ? new CsValue(id, CrmType.String, true) : new CsValue("((string?)null)", CrmType.String, true);
            case BoundEnumLookup lookup:
                return EnumLookup(lookup);
            case BoundBinary binary:
                return Binary(binary);
            case BoundNot not:
                return new CsValue("!" + Condition(Emit(not.Operand)), CrmType.Boolean, false);
            case BoundConditional conditional:
                return Conditional(conditional);
            case BoundBuiltinCall call:
                return Builtin(call);
            case BoundHookCall hook:
                return Hook(hook);
            case BoundArray array:
                return Array(array);
            case BoundObjectConstruction construction:
                return Construction(construction);
            case BoundProviderPath path:
                return FromSlot(new BoundJsonRead(path, CrmType.String), CrmType.String, mayBeNull: true);
            default:
                throw new EmitException("Cannot emit " + expression.GetType().Name + " as a value here.");
        }
    }

    /// <summary>A C# condition (<c>bool</c>) from a value: null counts as false.</summary>
    public string Condition(CsValue value)
    {
        if (value.Type.Kind == CrmTypeKind.Boolean) return value.MayBeNull ? "(" + value.Code + " == true)" : value.Code;
        if (value.Type.Kind == CrmTypeKind.Null) return "false";
        return value.MayBeNull ? "(" + value.Code + " is not null)" : "true";
    }

    /// <summary>The value as <c>string?</c> (scalars in their invariant text form).</summary>
    public string Text(CsValue value)
    {
        if (value.Type.Kind == CrmTypeKind.String) return value.Code;
        if (value.Type.Kind == CrmTypeKind.Null) return "((string?)null)";
        return Convert + ".ToText(" + value.Code + ")";
    }

    /// <summary>The list of a <c>new { … }</c> initializer: <c>Property = value</c> per field.</summary>
    public IReadOnlyList<string> Assignments(BoundObjectConstruction construction)
        => construction.Fields.Select(f => f.Property.PropertyName + " = " + Emit(f.Value).Code).ToList();

    private CsValue Literal(BoundLiteral literal)
    {
        switch (literal.Kind)
        {
            case LiteralKind.String:
                return new CsValue(CSharpText.String(literal.Value), CrmType.String, false);
            case LiteralKind.Number:
                var wanted = literal.Type.Kind switch
                {
                    CrmTypeKind.Integer => CrmTypes.CSharp(literal.Type),
                    CrmTypeKind.Decimal => "decimal",
                    CrmTypeKind.Double => "double",
                    _ => null,
                };
                var code = CSharpText.Number(literal.Value, wanted, out var actual);
                var type = actual switch
                {
                    "int" => CrmType.Int,
                    "long" => CrmType.Long,
                    "double" => CrmType.Double,
                    _ => CrmType.Decimal,
                };
                return new CsValue(code, type, false);
            case LiteralKind.True:
                return new CsValue("true", CrmType.Boolean, false);
            case LiteralKind.False:
                return new CsValue("false", CrmType.Boolean, false);
            default:
                return CsValue.Null(CrmType.Null);
        }
    }

    private CsValue Interpolation(BoundInterpolation interpolation)
    {
        var parts = interpolation.Parts.Select(p => Text(Emit(p))).ToList();
        return parts.Count switch
        {
            0 => new CsValue("\"\"", CrmType.String, false),
            1 => new CsValue("(" + parts[0] + " ?? \"\")", CrmType.String, false),
            _ => new CsValue("string.Concat(" + string.Join(", ", parts) + ")", CrmType.String, false),
        };
    }

    private CsValue FromSlot(BoundExpression key, CrmType type, bool mayBeNull)
    {
        if (_read is null) throw new EmitException("A provider value is read outside a read mapping.");
        var slot = (ReadPlanBuilder.RecordKey(key) is { } atRecord ? _read.Record.Find(atRecord) : _read.Find(key))
            ?? throw new EmitException("The read plan has no slot for " + key.GetType().Name + ".");
        var code = slot.Name;
        if (CrmTypes.IsValueType(type) && CrmTypes.IsValueType(slot.Type) && !CrmTypes.Same(type, slot.Type))
        {
            code = "((" + CrmTypes.CSharp(type) + "?)" + code + ")";
        }
        else
        {
            type = slot.Type;
        }
        return new CsValue(code, type, mayBeNull);
    }

    private CsValue Conversion(BoundConversion conversion)
    {
        var operand = Emit(conversion.Operand);
        if (operand.Type.Kind == CrmTypeKind.Null) return CsValue.Null(conversion.Type);
        var numeric = operand.Type.Kind is CrmTypeKind.Integer or CrmTypeKind.Decimal;
        var asNumberOrText = numeric || operand.Type.Kind == CrmTypeKind.String ? operand.Code : Text(operand);
        if (conversion.Direction == ConversionDirection.ToUnified)
        {
            var dateText = operand.Type.Kind == CrmTypeKind.DateTime ? null : Text(operand);
            return conversion.Conversion switch
            {
                ConversionKind.IsoDateTime => dateText is null ? operand with { Type = CrmType.DateTime } : Call("ParseIsoDateTime", dateText, CrmType.DateTime),
                ConversionKind.IsoDate => Call("ParseIsoDate", Text(operand), CrmType.DateTime),
                ConversionKind.EpochSeconds => Call("FromEpochSeconds", asNumberOrText, CrmType.DateTime),
                ConversionKind.EpochMilliseconds => Call("FromEpochMilliseconds", asNumberOrText, CrmType.DateTime),
                ConversionKind.Decimal => Call("ToDecimal", asNumberOrText, CrmType.Decimal),
                ConversionKind.Cents => Call("FromCents", asNumberOrText, CrmType.Decimal),
                ConversionKind.Integer => CastInteger(Call("ToInt64", asNumberOrText, CrmType.Long), conversion.Type),
                ConversionKind.Boolean => Call("ToBoolean", operand.Type.Kind == CrmTypeKind.Boolean ? operand.Code : Text(operand), CrmType.Boolean),
                _ => new CsValue(Text(operand), CrmType.String, operand.MayBeNull),
            };
        }

        var date = operand.Type.Kind == CrmTypeKind.DateTime ? operand.Code : Convert + ".ParseIsoDateTime(" + Text(operand) + ")";
        return conversion.Conversion switch
        {
            ConversionKind.IsoDateTime => Call("ToIsoDateTime", date, CrmType.String),
            ConversionKind.IsoDate => Call("ToIsoDate", date, CrmType.String),
            ConversionKind.EpochSeconds => Call("ToEpochSeconds", date, CrmType.Long),
            ConversionKind.EpochMilliseconds => Call("ToEpochMilliseconds", date, CrmType.Long),
            ConversionKind.Decimal => Call("ToDecimal", asNumberOrText, CrmType.Decimal),
            ConversionKind.Cents => Call("ToCents", operand.Type.Kind == CrmTypeKind.Decimal ? operand.Code : Convert + ".ToDecimal(" + asNumberOrText + ")", CrmType.Long),
            ConversionKind.Integer => Call("ToInt64", asNumberOrText, CrmType.Long),
            ConversionKind.Boolean => Call("ToBoolean", operand.Type.Kind == CrmTypeKind.Boolean ? operand.Code : Text(operand), CrmType.Boolean),
            _ => new CsValue(Text(operand), CrmType.String, operand.MayBeNull),
        };
    }

    private static CsValue Call(string method, string argument, CrmType type) => new(Convert + "." + method + "(" + argument + ")", type, true);

    private static CsValue CastInteger(CsValue value, CrmType wanted)
        => CrmTypes.CSharp(wanted) == "int" ? new CsValue("((int?)" + value.Code + ")", CrmType.Int, true) : value;

    private CsValue UnifiedPath(BoundUnifiedPath path)
    {
        var current = (path.FromRecord ? _record : _current) ?? throw new EmitException("A unified path is used outside a write mapping.");
        var code = current;
        var mayBeNull = false;
        var chained = false;
        var type = path.Type;
        foreach (var step in path.Steps)
        {
            if (step.Kind == UnifiedStepKind.Index)
            {
                var element = step.Type;
                var method = CrmTypes.IsValueType(element) ? "ValueAt" : "ElementAt";
                code = Functions + "." + method + "(" + code + ", " + CSharpText.Int(step.Index) + ")";
                chained = false;
            }
            else
            {
                code = code + (mayBeNull ? "?." : ".") + step.PropertyName;
                chained = chained || mayBeNull;
            }
            mayBeNull = true;
            type = step.Type;
        }
        if (path.Steps.Count > 0 && CrmTypes.IsValueType(type) && !chained)
        {
            // A value-typed property read directly: make it nullable whatever its declaration.
            code = "((" + CrmTypes.CSharp(type) + "?)" + code + ")";
        }
        return new CsValue(code, path.Steps.Count == 0 ? path.Type : type, mayBeNull);
    }

    private CsValue ContextValue(string name)
    {
        if (_context.Account is not { } account) return new CsValue("((string?)null)", CrmType.String, true);
        if (_context.AccountMayBeNull) return new CsValue(account + "?.GetContext(" + CSharpText.String(name) + ")", CrmType.String, true);
        var required = _context.ContextValues.TryGetValue(name, out var isRequired) && isRequired;
        return required
            ? new CsValue(account + ".GetRequiredContext(" + CSharpText.String(name) + ")", CrmType.String, false)
            : new CsValue(account + ".GetContext(" + CSharpText.String(name) + ")", CrmType.String, true);
    }

    private CsValue EnumLookup(BoundEnumLookup lookup)
    {
        var table = lookup.Inverse ? _context.InverseEnumMethods : _context.EnumMethods;
        if (!table.TryGetValue(lookup.Table, out var method)) throw new EmitException("Unknown enum table '" + lookup.Table + "'.");
        return new CsValue(method + "(" + Text(Emit(lookup.Operand)) + ")", CrmType.String, true);
    }

    private CsValue Binary(BoundBinary binary)
    {
        var left = Emit(binary.Left);
        var right = Emit(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.Coalesce:
                if (left.Type.Kind == CrmTypeKind.Null) return right;
                if (!left.MayBeNull || right.Type.Kind == CrmTypeKind.Null) return left;
                if (!CrmTypes.Same(left.Type, right.Type) && !(CrmTypes.IsValueType(left.Type) && CrmTypes.IsValueType(right.Type)))
                {
                    // Mixed types (e.g. text and a number): coalesce their text.
                    return new CsValue("(" + Text(left) + " ?? " + Text(right) + ")", CrmType.String, right.MayBeNull);
                }
                return new CsValue("(" + left.Code + " ?? " + right.Code + ")", Wider(left.Type, right.Type), right.MayBeNull);
            case BinaryOperator.Or:
                return new CsValue("(" + Condition(left) + " || " + Condition(right) + ")", CrmType.Boolean, false);
            case BinaryOperator.And:
                return new CsValue("(" + Condition(left) + " && " + Condition(right) + ")", CrmType.Boolean, false);
            default:
                var equal = binary.Operator == BinaryOperator.Equal;
                if (left.Type.Kind == CrmTypeKind.Null || right.Type.Kind == CrmTypeKind.Null)
                {
                    var other = left.Type.Kind == CrmTypeKind.Null ? right : left;
                    if (other.Type.Kind == CrmTypeKind.Null) return new CsValue(equal ? "true" : "false", CrmType.Boolean, false);
                    if (!other.MayBeNull) return new CsValue(equal ? "false" : "true", CrmType.Boolean, false);
                    return new CsValue("(" + other.Code + (equal ? " is null)" : " is not null)"), CrmType.Boolean, false);
                }
                if (left.Type.Kind == CrmTypeKind.String && right.Type.Kind == CrmTypeKind.String || CrmTypes.Same(left.Type, right.Type)
                    || (CrmTypes.IsValueType(left.Type) && CrmTypes.IsValueType(right.Type) && left.Type.Kind != CrmTypeKind.Boolean && right.Type.Kind != CrmTypeKind.Boolean
                        && left.Type.Kind != CrmTypeKind.DateTime && right.Type.Kind != CrmTypeKind.DateTime))
                {
                    return new CsValue("(" + left.Code + (equal ? " == " : " != ") + right.Code + ")", CrmType.Boolean, false);
                }
                // Different kinds: compare their text forms.
                return new CsValue("(" + Text(left) + (equal ? " == " : " != ") + Text(right) + ")", CrmType.Boolean, false);
        }
    }

    private static CrmType Wider(CrmType a, CrmType b)
    {
        if (CrmTypes.Same(a, b)) return a;
        if (a.Kind == CrmTypeKind.Double || b.Kind == CrmTypeKind.Double) return CrmType.Double;
        if (a.Kind == CrmTypeKind.Decimal || b.Kind == CrmTypeKind.Decimal) return CrmType.Decimal;
        if (a.Kind == CrmTypeKind.Integer && b.Kind == CrmTypeKind.Integer) return CrmType.Long;
        return a;
    }

    private CsValue Conditional(BoundConditional conditional)
    {
        var condition = Condition(Emit(conditional.Condition));
        var whenTrue = Emit(conditional.WhenTrue);
        var whenFalse = conditional.WhenFalse is null ? CsValue.Null(CrmType.Null) : Emit(conditional.WhenFalse);
        var type = whenTrue.Type.Kind == CrmTypeKind.Null ? whenFalse.Type : whenTrue.Type;
        if (type.Kind == CrmTypeKind.Null) return CsValue.Null(CrmType.Null);
        if (whenTrue.Type.Kind != CrmTypeKind.Null && whenFalse.Type.Kind != CrmTypeKind.Null && !CrmTypes.Same(whenTrue.Type, whenFalse.Type))
        {
            if (CrmTypes.IsValueType(whenTrue.Type) && CrmTypes.IsValueType(whenFalse.Type))
            {
                type = Wider(whenTrue.Type, whenFalse.Type);
            }
            else
            {
                // Mixed kinds: both as text.
                return new CsValue("(" + condition + " ? " + Text(whenTrue) + " : " + Text(whenFalse) + ")", CrmType.String, true);
            }
        }
        var typeName = CrmTypes.CSharp(type) + "?";
        var t = Typed(whenTrue, type, typeName);
        var f = Typed(whenFalse, type, typeName);
        return new CsValue("(" + condition + " ? " + t + " : " + f + ")", type, whenTrue.MayBeNull || whenFalse.MayBeNull);
    }

    private static string Typed(CsValue value, CrmType type, string nullableTypeName)
    {
        if (value.Type.Kind == CrmTypeKind.Null) return "(" + nullableTypeName + ")null";
        if (CrmTypes.IsValueType(type) && !CrmTypes.Same(value.Type, type)) return "(" + nullableTypeName + ")" + value.Code;
        return value.Code;
    }

    private CsValue Builtin(BoundBuiltinCall call)
    {
        var args = call.Arguments.Select(Emit).ToList();
        string Arg(int i) => i < args.Count ? args[i].Code : "null";
        switch (call.Function)
        {
            case BuiltinFunction.Split:
                return new CsValue(Functions + ".Split(" + Text(args[0]) + ", " + (args.Count > 1 ? Text(args[1]) : "null") + ")", CrmTypes.ListOf(CrmType.String), true);
            case BuiltinFunction.Join:
                return new CsValue(Functions + ".Join(" + Arg(0) + ", " + (args.Count > 1 ? Text(args[1]) : "null") + ")", CrmType.String, true);
            case BuiltinFunction.Lower:
                return new CsValue(Functions + ".Lower(" + Text(args[0]) + ")", CrmType.String, true);
            case BuiltinFunction.Upper:
                return new CsValue(Functions + ".Upper(" + Text(args[0]) + ")", CrmType.String, true);
            case BuiltinFunction.Trim:
                return new CsValue(Functions + ".Trim(" + Text(args[0]) + ")", CrmType.String, true);
            case BuiltinFunction.Exists:
                var value = args[0];
                if (value.Type.Kind == CrmTypeKind.Null) return new CsValue("false", CrmType.Boolean, false);
                return new CsValue(value.MayBeNull ? "(" + value.Code + " is not null)" : "true", CrmType.Boolean, false);
            case BuiltinFunction.Min:
            case BuiltinFunction.Max:
                var nullableLong = CrmTypes.CSharp(CrmType.Long) + "?";
                return new CsValue(Functions + "." + call.Function + "(" + Typed(args[0], CrmType.Long, nullableLong) + ", " + Typed(args[1], CrmType.Long, nullableLong) + ")", CrmType.Long, true);
            case BuiltinFunction.First:
                var list = args[0];
                var element = list.Type.Element ?? call.Type;
                var method = CrmTypes.IsValueType(element) ? "FirstValue" : "First";
                return new CsValue(Functions + "." + method + "(" + list.Code + ")", element, true);
            default:
                throw new EmitException("Unknown built-in function " + call.Function + ".");
        }
    }

    private CsValue Hook(BoundHookCall hook)
    {
        var args = hook.Arguments.Select(a => Emit(a).Code);
        var code = _context.ProviderClass + "." + hook.MethodName + "(" + string.Join(", ", args) + ")";
        if (CrmTypes.IsValueType(hook.Type)) code = "((" + CrmTypes.CSharp(hook.Type) + "?)" + code + ")";
        return new CsValue(code, hook.Type, true);
    }

    private CsValue Array(BoundArray array)
    {
        var elementType = array.Type.Kind == CrmTypeKind.List && array.Type.Element is { Kind: not CrmTypeKind.Json } element
            ? element
            : array.Elements.Select(e => e.Type).FirstOrDefault(t => t.Kind is not (CrmTypeKind.Null or CrmTypeKind.Json)) ?? CrmType.String;
        var listType = CrmTypes.ListOf(elementType);
        var elementName = CrmTypes.CSharp(elementType);
        var items = array.Elements.Select(e => Typed(Emit(e), elementType, elementName + "?")).ToList();
        if (items.Count == 0) return new CsValue("new " + CrmTypes.CSharp(listType) + "()", listType, false);
        var method = CrmTypes.IsValueType(elementType) ? "ArrayOfValues" : "ArrayOf";
        return new CsValue(Functions + "." + method + "<" + elementName + ">(" + string.Join(", ", items) + ")", listType, false);
    }

    private CsValue Construction(BoundObjectConstruction construction)
    {
        var type = CSharpText.Global(construction.Model.FullyQualifiedName);
        var modelType = construction.Type.Kind == CrmTypeKind.Model ? construction.Type : new CrmType(CrmTypeKind.Model, type);
        if (construction.Fields.Count == 0) return new CsValue("new " + type + "()", modelType, false);
        return new CsValue("new " + type + " { " + string.Join(", ", Assignments(construction)) + " }", modelType, false);
    }

    private CsValue InMemoryProjection(BoundProjection projection)
    {
        if (_read is not null) throw new EmitException("A read mapping projects something other than a provider array.");
        var source = Emit(projection.Source);
        var variable = _context.Names.Next("e");
        var element = WithCurrent(variable).Emit(projection.Element);
        var elementType = ReadPlanBuilder.ElementTypeOf(projection);
        var listType = CrmTypes.ListOf(elementType);
        var method = CrmTypes.IsValueType(elementType) ? "ProjectValues" : "Project";
        var sourceElement = source.Type.Element is { } s ? CrmTypes.CSharp(s) : "object";
        var code = Functions + "." + method + "<" + sourceElement + ", " + CrmTypes.CSharp(elementType) + ">(" + source.Code + ", " + variable + " => " + element.Code + ")";
        return new CsValue(code, listType, true);
    }
}
