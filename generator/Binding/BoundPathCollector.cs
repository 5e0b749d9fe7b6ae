using System.Collections.Generic;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Finds the provider paths a read expression reads from the current record: every
/// <see cref="BoundProviderPath"/> outside the element of a projection (those are relative to
/// the element), including the sources of projections and the fields of nested objects.
/// </summary>
internal static class BoundPathCollector
{
    /// <summary>Adds the record-relative provider paths of <paramref name="expression"/> to <paramref name="paths"/>.</summary>
    public static void CollectProviderPaths(BoundExpression? expression, List<EquatableArray<JsonPathStep>> paths)
    {
        switch (expression)
        {
            case null:
                return;
            case BoundProviderPath path:
                paths.Add(path.Steps);
                return;
            case BoundJsonRead read:
                paths.Add(read.Path.Steps);
                return;
            case BoundCatchAll catchAll:
                paths.Add(catchAll.ObjectPath);
                return;
            case BoundInterpolation interpolation:
                foreach (var part in interpolation.Parts) CollectProviderPaths(part, paths);
                return;
            case BoundConversion conversion:
                CollectProviderPaths(conversion.Operand, paths);
                return;
            case BoundEnumLookup lookup:
                CollectProviderPaths(lookup.Operand, paths);
                return;
            case BoundBinary binary:
                CollectProviderPaths(binary.Left, paths);
                CollectProviderPaths(binary.Right, paths);
                return;
            case BoundNot not:
                CollectProviderPaths(not.Operand, paths);
                return;
            case BoundConditional conditional:
                CollectProviderPaths(conditional.Condition, paths);
                CollectProviderPaths(conditional.WhenTrue, paths);
                CollectProviderPaths(conditional.WhenFalse, paths);
                return;
            case BoundBuiltinCall call:
                foreach (var argument in call.Arguments) CollectProviderPaths(argument, paths);
                return;
            case BoundHookCall hook:
                foreach (var argument in hook.Arguments) CollectProviderPaths(argument, paths);
                return;
            case BoundArray array:
                foreach (var element in array.Elements) CollectProviderPaths(element, paths);
                return;
            case BoundProjection projection:
                CollectProviderPaths(projection.Source, paths);
                return;
            case BoundObjectConstruction construction:
                foreach (var field in construction.Fields) CollectProviderPaths(field.Value, paths);
                return;
        }
    }
}
