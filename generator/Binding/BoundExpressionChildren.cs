using System.Collections.Generic;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The sub-expressions of a bound expression that are evaluated in the same scope as the
/// expression itself. The element of a projection is left out: it is evaluated per element,
/// with paths relative to the element.
/// </summary>
internal static class BoundExpressionChildren
{
    /// <summary>The same-scope children of <paramref name="expression"/> (none for leaves).</summary>
    public static IEnumerable<BoundExpression> Of(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundInterpolation interpolation:
                foreach (var part in interpolation.Parts) yield return part;
                break;
            case BoundConversion conversion:
                yield return conversion.Operand;
                break;
            case BoundEnumLookup lookup:
                yield return lookup.Operand;
                break;
            case BoundBinary binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case BoundNot not:
                yield return not.Operand;
                break;
            case BoundConditional conditional:
                yield return conditional.Condition;
                yield return conditional.WhenTrue;
                if (conditional.WhenFalse is { } whenFalse) yield return whenFalse;
                break;
            case BoundBuiltinCall call:
                foreach (var argument in call.Arguments) yield return argument;
                break;
            case BoundHookCall hook:
                foreach (var argument in hook.Arguments) yield return argument;
                break;
            case BoundArray array:
                foreach (var element in array.Elements) yield return element;
                break;
            case BoundProjection projection:
                yield return projection.Source;
                break;
            case BoundObjectConstruction construction:
                foreach (var field in construction.Fields) yield return field.Value;
                break;
            case BoundJsonObject json:
                foreach (var member in json.Members)
                {
                    if (member is BoundJsonProperty property) yield return property.Value;
                    else if (member is BoundJsonSpread spread) yield return spread.Value;
                }
                break;
        }
    }
}
