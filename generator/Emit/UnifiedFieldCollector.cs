using System.Collections.Generic;
using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Finds the unified fields (C# property names) a write-scope expression reads from the
/// operation's input: the first step of every path in the input's scope (paths inside a
/// projection's element are relative to the element and not counted).
/// </summary>
internal static class UnifiedFieldCollector
{
    public static void Collect(BoundExpression? expression, ISet<string> properties)
    {
        switch (expression)
        {
            case null:
                return;
            case BoundUnifiedPath path:
                if (path.Steps.Count > 0 && path.Steps[0].Kind == UnifiedStepKind.Property) properties.Add(path.Steps[0].PropertyName);
                return;
            default:
                foreach (var child in BoundExpressionChildren.Of(expression)) Collect(child, properties);
                return;
        }
    }
}
