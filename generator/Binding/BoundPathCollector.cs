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
            default:
                foreach (var child in BoundExpressionChildren.Of(expression)) CollectProviderPaths(child, paths);
                return;
        }
    }
}
