using System.Linq;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Builds the read plan of normalized read expressions (see <see cref="ReadNormalizer"/>): every
/// provider path they read becomes a trie node with a requirement filling a slot of the scope.
/// A value read with <c>$$</c> inside <c>each</c> is a slot of the record scope, shared with the
/// same value read at the record; a projection of the record whose elements read such values is
/// deferred (see <see cref="ProjectionRequirement.Deferred"/>).
/// </summary>
internal static class ReadPlanBuilder
{
    public static void Collect(BoundExpression expression, ReadScope scope)
    {
        if (RecordKey(expression) is { } atRecord)
        {
            scope.MarkUsesRecord();
            Collect(atRecord, scope.Record);
            return;
        }

        switch (expression)
        {
            case BoundJsonRead read:
                AddScalar(scope, read, read.Path.Steps, ScalarKindOf(read.Type));
                break;
            case BoundConversion { Direction: ConversionDirection.ToUnified, Operand: BoundProviderPath path } conversion:
                AddScalar(scope, conversion, path.Steps, ScalarKindOf(conversion.Conversion));
                break;
            case BoundConversion conversion:
                Collect(conversion.Operand, scope);
                break;
            case BoundBuiltinCall { Function: BuiltinFunction.Exists, Arguments: { Count: 1 } arguments } call when arguments[0] is BoundProviderPath path:
            {
                var slot = scope.GetOrAdd(call, CrmType.Boolean, "bool", "false", out var added);
                if (added) NodeAt(scope.Root, path.Steps).Requirements.Add(new ExistsRequirement(slot));
                break;
            }
            case BoundBuiltinCall call:
                foreach (var argument in call.Arguments) Collect(argument, scope);
                break;
            case BoundCatchAll catchAll:
            {
                var key = CatchAllKey(catchAll);
                var slot = scope.GetOrAdd(key, CrmTypes.CustomFields, CrmTypes.CSharp(CrmTypes.CustomFields) + "?", "null", out var added);
                if (added)
                {
                    NodeAt(scope.Root, catchAll.ObjectPath).Requirements.Add(new CatchAllRequirement(slot, catchAll.ExcludedKeys.ToList(), catchAll.Pattern));
                }
                break;
            }
            case BoundProjection { Source: BoundProviderPath source } projection:
            {
                var elementType = ElementTypeOf(projection);
                var listType = CrmTypes.ListOf(elementType);
                var slot = scope.GetOrAdd(projection, listType, CrmTypes.CSharp(listType) + "?", "null", out var added);
                if (added)
                {
                    var element = new ReadScope(scope);
                    Collect(projection.Element, element);
                    var deferred = scope == scope.Record && element.UsesRecord;
                    NodeAt(scope.Root, source.Steps).Requirements.Add(
                        new ProjectionRequirement(slot, element, projection.Element, elementType, deferred, scope.NextProjectionOrder()));
                }
                break;
            }
            case BoundProjection projection:
                // A projection of an in-memory list: only its source reads the JSON.
                Collect(projection.Source, scope);
                break;
            case BoundObjectConstruction construction:
                foreach (var field in construction.Fields) Collect(field.Value, scope);
                break;
            case BoundBinary binary:
                Collect(binary.Left, scope);
                Collect(binary.Right, scope);
                break;
            case BoundNot not:
                Collect(not.Operand, scope);
                break;
            case BoundConditional conditional:
                Collect(conditional.Condition, scope);
                Collect(conditional.WhenTrue, scope);
                if (conditional.WhenFalse is not null) Collect(conditional.WhenFalse, scope);
                break;
            case BoundHookCall hook:
                foreach (var argument in hook.Arguments) Collect(argument, scope);
                break;
            case BoundArray array:
                foreach (var element in array.Elements) Collect(element, scope);
                break;
            case BoundInterpolation interpolation:
                foreach (var part in interpolation.Parts) Collect(part, scope);
                break;
            case BoundEnumLookup lookup:
                Collect(lookup.Operand, scope);
                break;
        }
    }

    /// <summary>
    /// For a slot key that reads the record with <c>$$</c> (a read, a conversion, <c>exists</c> or
    /// a projection of a <see cref="BoundProviderPath.FromRecord"/> path): the same key reading
    /// the path at the record, which names its slot in the record scope. Null for any other expression.
    /// </summary>
    public static BoundExpression? RecordKey(BoundExpression expression) => expression switch
    {
        BoundJsonRead { Path.FromRecord: true } read => read with { Path = AtRecord(read.Path) },
        BoundConversion { Direction: ConversionDirection.ToUnified, Operand: BoundProviderPath { FromRecord: true } path } conversion
            => conversion with { Operand = AtRecord(path) },
        BoundBuiltinCall { Function: BuiltinFunction.Exists, Arguments: { Count: 1 } arguments } call when arguments[0] is BoundProviderPath { FromRecord: true } path
            => call with { Arguments = EquatableArray.Create<BoundExpression>(AtRecord(path)) },
        BoundProjection { Source: BoundProviderPath { FromRecord: true } path } projection => projection with { Source = AtRecord(path) },
        _ => null,
    };

    private static BoundProviderPath AtRecord(BoundProviderPath path) => path with { FromRecord = false };

    /// <summary>Catch-alls of one object with the same key pattern (or none) share one dictionary.</summary>
    public static BoundExpression CatchAllKey(BoundCatchAll catchAll)
        => new BoundCatchAll(catchAll.ObjectPath, EquatableArray<string>.Empty, CrmTypes.CustomFields, catchAll.Pattern);

    /// <summary>The element type of a projection's list.</summary>
    public static CrmType ElementTypeOf(BoundProjection projection)
        => projection.Type.Kind == CrmTypeKind.List && projection.Type.Element is { } element ? element : projection.Element.Type;

    public static ReadNode NodeAt(ReadNode root, EquatableArray<JsonPathStep> steps)
    {
        var node = root;
        foreach (var step in steps)
        {
            node = step.Kind == JsonPathStepKind.Index ? node.Index(step.Index) : node.Property(step.Name);
        }
        return node;
    }

    private static void AddScalar(ReadScope scope, BoundExpression key, EquatableArray<JsonPathStep> steps, ScalarReadKind kind)
    {
        var type = SlotTypeOf(kind);
        var slot = scope.GetOrAdd(key, type, CrmTypes.CSharp(type) + "?", "null", out var added);
        if (added) NodeAt(scope.Root, steps).Requirements.Add(new ScalarRequirement(slot, kind));
    }

    public static ScalarReadKind ScalarKindOf(CrmType type) => type.Kind switch
    {
        CrmTypeKind.Integer => CrmTypes.CSharp(type) == "int" ? ScalarReadKind.Int32 : ScalarReadKind.Int64,
        CrmTypeKind.Decimal => ScalarReadKind.Decimal,
        CrmTypeKind.Double => ScalarReadKind.Double,
        CrmTypeKind.Boolean => ScalarReadKind.Boolean,
        CrmTypeKind.DateTime => ScalarReadKind.IsoDateTime,
        _ => ScalarReadKind.String,
    };

    public static ScalarReadKind ScalarKindOf(ConversionKind conversion) => conversion switch
    {
        ConversionKind.IsoDateTime => ScalarReadKind.IsoDateTime,
        ConversionKind.IsoDate => ScalarReadKind.IsoDate,
        ConversionKind.EpochSeconds => ScalarReadKind.EpochSeconds,
        ConversionKind.EpochMilliseconds => ScalarReadKind.EpochMilliseconds,
        ConversionKind.Decimal => ScalarReadKind.NumericDecimal,
        ConversionKind.Cents => ScalarReadKind.Cents,
        ConversionKind.Integer => ScalarReadKind.NumericInt64,
        ConversionKind.Boolean => ScalarReadKind.LenientBoolean,
        _ => ScalarReadKind.Text,
    };

    public static CrmType SlotTypeOf(ScalarReadKind kind) => kind switch
    {
        ScalarReadKind.Int64 or ScalarReadKind.NumericInt64 => CrmType.Long,
        ScalarReadKind.Int32 => CrmType.Int,
        ScalarReadKind.Decimal or ScalarReadKind.NumericDecimal or ScalarReadKind.Cents => CrmType.Decimal,
        ScalarReadKind.Double => CrmType.Double,
        ScalarReadKind.Boolean or ScalarReadKind.LenientBoolean => CrmType.Boolean,
        ScalarReadKind.IsoDateTime or ScalarReadKind.IsoDate or ScalarReadKind.EpochSeconds or ScalarReadKind.EpochMilliseconds => CrmType.DateTime,
        _ => CrmType.String,
    };

    /// <summary>The reader method and what the error message says was expected.</summary>
    public static (string Method, string Expected) ReaderOf(ScalarReadKind kind) => kind switch
    {
        ScalarReadKind.String => ("TryReadString", "a string or a number"),
        ScalarReadKind.Text => ("TryReadText", "a string, a number or a boolean"),
        ScalarReadKind.Int64 => ("TryReadInt64", "an integer"),
        ScalarReadKind.Int32 => ("TryReadInt32", "an integer"),
        ScalarReadKind.Decimal => ("TryReadDecimal", "a number"),
        ScalarReadKind.Double => ("TryReadDouble", "a number"),
        ScalarReadKind.Boolean => ("TryReadBoolean", "true or false"),
        ScalarReadKind.IsoDateTime => ("TryReadIsoDateTime", "an ISO-8601 date-time"),
        ScalarReadKind.IsoDate => ("TryReadIsoDate", "an ISO-8601 date"),
        ScalarReadKind.EpochSeconds => ("TryReadEpochSeconds", "Unix seconds"),
        ScalarReadKind.EpochMilliseconds => ("TryReadEpochMilliseconds", "Unix milliseconds"),
        ScalarReadKind.NumericDecimal => ("TryReadNumericDecimal", "a number or numeric text"),
        ScalarReadKind.Cents => ("TryReadCents", "an amount in cents"),
        ScalarReadKind.NumericInt64 => ("TryReadNumericInt64", "an integer or integer text"),
        _ => ("TryReadLenientBoolean", "true, false, \"true\" or \"false\""),
    };
}
