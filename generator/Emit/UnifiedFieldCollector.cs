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
            case BoundProjection projection:
                Collect(projection.Source, properties);
                return;
            case BoundJsonObject json:
                foreach (var member in json.Members)
                {
                    if (member is BoundJsonProperty property) Collect(property.Value, properties);
                    else if (member is BoundJsonSpread spread) Collect(spread.Value, properties);
                }
                return;
            case BoundConversion conversion:
                Collect(conversion.Operand, properties);
                return;
            case BoundEnumLookup lookup:
                Collect(lookup.Operand, properties);
                return;
            case BoundBinary binary:
                Collect(binary.Left, properties);
                Collect(binary.Right, properties);
                return;
            case BoundNot not:
                Collect(not.Operand, properties);
                return;
            case BoundConditional conditional:
                Collect(conditional.Condition, properties);
                Collect(conditional.WhenTrue, properties);
                Collect(conditional.WhenFalse, properties);
                return;
            case BoundBuiltinCall call:
                foreach (var argument in call.Arguments) Collect(argument, properties);
                return;
            case BoundHookCall hook:
                foreach (var argument in hook.Arguments) Collect(argument, properties);
                return;
            case BoundArray array:
                foreach (var element in array.Elements) Collect(element, properties);
                return;
            case BoundInterpolation interpolation:
                foreach (var part in interpolation.Parts) Collect(part, properties);
                return;
            case BoundObjectConstruction construction:
                foreach (var field in construction.Fields) Collect(field.Value, properties);
                return;
        }
    }
}
