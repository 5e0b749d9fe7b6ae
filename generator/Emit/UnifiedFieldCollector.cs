using System.Collections.Generic;
using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Finds the unified fields (C# property names) a write-scope expression reads from the
/// operation's input: the first step of every path in the input's scope, and of every
/// <c>$$</c> path at any depth of a projection's element (the element's other paths are
/// relative to the element and not counted).
/// </summary>
internal static class UnifiedFieldCollector
{
    public static void Collect(BoundExpression? expression, ISet<string> properties) => Collect(expression, properties, inElement: false);

    private static void Collect(BoundExpression? expression, ISet<string> properties, bool inElement)
    {
        switch (expression)
        {
            case null:
                return;
            case BoundUnifiedPath path:
                if ((!inElement || path.FromRecord) && path.Steps.Count > 0 && path.Steps[0].Kind == UnifiedStepKind.Property)
                {
                    properties.Add(path.Steps[0].PropertyName);
                }
                return;
            default:
                foreach (var child in BoundExpressionChildren.Of(expression)) Collect(child, properties, inElement);
                if (expression is BoundProjection projection) Collect(projection.Element, properties, inElement: true);
                return;
        }
    }
}
