using System.Collections.Generic;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Finds the provider paths a read expression reads from the current record (or element): every
/// <see cref="BoundProviderPath"/> outside the element of a projection (those are relative to
/// the element), including the sources of projections and the fields of nested objects. Paths
/// from the record (<c>$$.x</c> inside <c>each</c>) count only when asked for, at the record.
/// </summary>
internal static class BoundPathCollector
{
    /// <summary>
    /// Adds the provider paths of <paramref name="expression"/> relative to its scope to
    /// <paramref name="paths"/>; with <paramref name="atRecord"/> (the scope is the record) also
    /// the <c>$$</c> paths at any depth of the projections' elements.
    /// </summary>
    public static void CollectProviderPaths(BoundExpression? expression, List<EquatableArray<JsonPathStep>> paths, bool atRecord = false)
    {
        switch (expression)
        {
            case null:
                return;
            case BoundProviderPath path:
                if (!path.FromRecord) paths.Add(path.Steps);
                return;
            case BoundJsonRead read:
                if (!read.Path.FromRecord) paths.Add(read.Path.Steps);
                return;
            case BoundCatchAll catchAll:
                paths.Add(catchAll.ObjectPath);
                return;
            default:
                foreach (var child in BoundExpressionChildren.Of(expression)) CollectProviderPaths(child, paths, atRecord);
                if (atRecord && expression is BoundProjection projection) CollectRecordPaths(projection.Element, paths);
                return;
        }
    }

    /// <summary>The <c>$$</c> paths of a projection's element, at any depth.</summary>
    private static void CollectRecordPaths(BoundExpression expression, List<EquatableArray<JsonPathStep>> paths)
    {
        switch (expression)
        {
            case BoundProviderPath { FromRecord: true } path:
                paths.Add(path.Steps);
                return;
            case BoundJsonRead { Path.FromRecord: true } read:
                paths.Add(read.Path.Steps);
                return;
            default:
                foreach (var child in BoundExpressionChildren.Of(expression)) CollectRecordPaths(child, paths);
                if (expression is BoundProjection projection) CollectRecordPaths(projection.Element, paths);
                return;
        }
    }
}
