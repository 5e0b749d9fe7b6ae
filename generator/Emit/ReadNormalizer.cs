using System.Linq;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Rewrites read expressions into the few shapes the read plan knows, before planning and
/// emitting (both walk the same rewritten tree): a list read becomes a projection of element
/// reads, a conversion of <c>a ?? b</c> or of a condition is pushed into its branches, a
/// conversion or <c>exists</c> of a typed read works on the path itself, and a bare provider
/// path is read as text.
/// </summary>
internal static class ReadNormalizer
{
    private static readonly BoundProviderPath Current = new(EquatableArray<JsonPathStep>.Empty);

    public static BoundExpression Normalize(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundJsonRead read when read.Type.Kind == CrmTypeKind.List && read.Type.Element is { } element && CrmTypes.IsScalar(element):
                return new BoundProjection(read.Path, new BoundJsonRead(Current, element), read.Type);
            case BoundProviderPath path:
                return new BoundJsonRead(path, CrmType.String);
            case BoundConversion conversion when conversion.Direction == ConversionDirection.ToUnified:
                return NormalizeConversion(conversion);
            case BoundConversion conversion:
                return conversion with { Operand = Normalize(conversion.Operand) };
            case BoundBuiltinCall { Function: BuiltinFunction.Exists } call when call.Arguments.Count == 1:
                var argument = call.Arguments[0] switch
                {
                    BoundProviderPath p => p,
                    BoundJsonRead r => r.Path,
                    var other => Normalize(other),
                };
                return call with { Arguments = EquatableArray.Create(argument) };
            case BoundBuiltinCall call:
                return call with { Arguments = Map(call.Arguments) };
            case BoundProjection projection:
                var source = projection.Source switch
                {
                    BoundProviderPath p => p,
                    BoundJsonRead r => r.Path,
                    var other => Normalize(other),
                };
                return projection with { Source = source, Element = Normalize(projection.Element) };
            case BoundObjectConstruction construction:
                return construction with
                {
                    Fields = construction.Fields.Select(f => f with { Value = Normalize(f.Value) }).ToEquatableArray(),
                };
            case BoundBinary binary:
                return binary with { Left = Normalize(binary.Left), Right = Normalize(binary.Right) };
            case BoundNot not:
                return not with { Operand = Normalize(not.Operand) };
            case BoundConditional conditional:
                return conditional with
                {
                    Condition = Normalize(conditional.Condition),
                    WhenTrue = Normalize(conditional.WhenTrue),
                    WhenFalse = conditional.WhenFalse is null ? null : Normalize(conditional.WhenFalse),
                };
            case BoundHookCall hook:
                return hook with { Arguments = Map(hook.Arguments) };
            case BoundArray array:
                return array with { Elements = Map(array.Elements) };
            case BoundInterpolation interpolation:
                return interpolation with { Parts = Map(interpolation.Parts) };
            case BoundEnumLookup lookup:
                return lookup with { Operand = Normalize(lookup.Operand) };
            case BoundJsonObject json:
                return json with
                {
                    Members = json.Members.Select(m => m switch
                    {
                        BoundJsonProperty property => property with { Value = Normalize(property.Value) },
                        BoundJsonSpread spread => (BoundJsonMember)(spread with { Value = Normalize(spread.Value) }),
                        _ => m,
                    }).ToEquatableArray(),
                };
            default:
                return expression;
        }
    }

    private static BoundExpression NormalizeConversion(BoundConversion conversion)
    {
        switch (conversion.Operand)
        {
            case BoundProviderPath:
                return conversion;
            case BoundJsonRead read:
                return conversion with { Operand = read.Path };
            case BoundBinary { Operator: Syntax.BinaryOperator.Coalesce } coalesce when coalesce.Type.Kind is CrmTypeKind.Json or CrmTypeKind.Error:
                return new BoundBinary(
                    Syntax.BinaryOperator.Coalesce,
                    NormalizeConversion(conversion with { Operand = coalesce.Left }),
                    NormalizeConversion(conversion with { Operand = coalesce.Right }),
                    conversion.Type);
            case BoundConditional conditional when conditional.Type.Kind is CrmTypeKind.Json or CrmTypeKind.Error:
                return new BoundConditional(
                    Normalize(conditional.Condition),
                    NormalizeConversion(conversion with { Operand = conditional.WhenTrue }),
                    conditional.WhenFalse is null ? null : NormalizeConversion(conversion with { Operand = conditional.WhenFalse }),
                    conversion.Type);
            case BoundLiteral { Kind: Syntax.LiteralKind.Null }:
                return new BoundLiteral(Syntax.LiteralKind.Null, "null", CrmType.Null);
            default:
                return conversion with { Operand = Normalize(conversion.Operand) };
        }
    }

    private static EquatableArray<BoundExpression> Map(EquatableArray<BoundExpression> items)
        => items.Select(Normalize).ToEquatableArray();
}
