using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Writes the statements of <c>WriteBody</c>: the request body streamed with
/// <c>Utf8JsonWriter</c>, members in mapping order, a null value left out with its name, nested
/// objects and arrays written in place, projections as loops, custom fields spread.
/// </summary>
internal sealed class WriteBodyEmitter
{
    private const string JsonWriter = "global::CrmGen.Mapping.CrmJsonWriter";

    private readonly CodeWriter _writer;
    private readonly ReadNames _names;
    private readonly List<string> _staticFields = new();

    public WriteBodyEmitter(CodeWriter writer, ReadNames names)
    {
        _writer = writer;
        _names = names;
    }

    /// <summary>Declarations of static fields the body uses (names the mapping writes beside a spread).</summary>
    public IReadOnlyList<string> StaticFields => _staticFields;

    public void Body(BoundJsonObject body, ExpressionEmitter expressions) => Write(body, null, expressions);

    private void Write(BoundExpression value, string? name, ExpressionEmitter expressions)
    {
        switch (value)
        {
            case BoundJsonObject json:
                _writer.Line(name is null ? "writer.WriteStartObject();" : "writer.WriteStartObject(" + name + ");");
                Members(json, expressions);
                _writer.Line("writer.WriteEndObject();");
                return;
            case BoundArray array:
                _writer.Line(name is null ? "writer.WriteStartArray();" : "writer.WriteStartArray(" + name + ");");
                foreach (var element in array.Elements) Write(element, null, expressions);
                _writer.Line("writer.WriteEndArray();");
                return;
            case BoundProjection projection:
                Projection(projection, name, expressions);
                return;
            case BoundConditional conditional when IsStructural(conditional.WhenTrue) || (conditional.WhenFalse is { } f && IsStructural(f)):
                _writer.Open("if (" + expressions.Condition(expressions.Emit(conditional.Condition)) + ")");
                Write(conditional.WhenTrue, name, expressions);
                _writer.Close();
                if (conditional.WhenFalse is { } whenFalse && whenFalse is not BoundLiteral { Kind: LiteralKind.Null })
                {
                    _writer.Open("else");
                    Write(whenFalse, name, expressions);
                    _writer.Close();
                }
                return;
            case BoundBinary { Operator: BinaryOperator.Coalesce } coalesce when IsStructural(coalesce.Left):
                if (coalesce.Left is BoundConditional { WhenFalse: null or BoundLiteral { Kind: LiteralKind.Null } } partial)
                {
                    Write(partial with { WhenFalse = coalesce.Right }, name, expressions);
                }
                else
                {
                    Write(coalesce.Left, name, expressions);
                }
                return;
            case BoundLiteral { Kind: LiteralKind.Null }:
                return;
            case BoundConversion { Direction: ConversionDirection.ToProvider, Conversion: ConversionKind.IsoDateTime } conversion:
                var operand = expressions.Emit(conversion.Operand);
                if (operand.Type.Kind == CrmTypeKind.DateTime)
                {
                    Scalar(operand, name);
                    return;
                }
                break;
        }
        Scalar(expressions.Emit(value), name);
    }

    private static bool IsStructural(BoundExpression value) => value switch
    {
        BoundJsonObject or BoundArray or BoundProjection => true,
        BoundConditional c => IsStructural(c.WhenTrue) || (c.WhenFalse is { } f && IsStructural(f)),
        BoundBinary { Operator: BinaryOperator.Coalesce } b => IsStructural(b.Left),
        _ => false,
    };

    private void Members(BoundJsonObject json, ExpressionEmitter expressions)
    {
        var names = json.Members.OfType<BoundJsonProperty>().Select(p => p.Name).Distinct().ToList();
        foreach (var member in json.Members)
        {
            switch (member)
            {
                case BoundJsonProperty property:
                    Write(property.Value, CSharpText.Utf8(property.Name), expressions);
                    break;
                case BoundJsonSpread spread:
                    var fields = expressions.Emit(spread.Value);
                    string mapped;
                    if (names.Count == 0)
                    {
                        mapped = "global::System.ReadOnlySpan<string>.Empty";
                    }
                    else
                    {
                        mapped = "s_mapped" + CSharpText.Int(_staticFields.Count);
                        _staticFields.Add("private static readonly string[] " + mapped + " = new string[] { " + string.Join(", ", names.Select(CSharpText.String)) + " };");
                    }
                    _writer.Line(JsonWriter + ".WriteCustomFields(writer, " + fields.Code + ", " + mapped + ");");
                    break;
            }
        }
    }

    private void Projection(BoundProjection projection, string? name, ExpressionEmitter expressions)
    {
        var source = expressions.Emit(projection.Source);
        var list = _names.Next("list");
        var element = _names.Next("e");
        _writer.Open("if (" + source.Code + " is { } " + list + ")");
        _writer.Line(name is null ? "writer.WriteStartArray();" : "writer.WriteStartArray(" + name + ");");
        _writer.Open("foreach (var " + element + " in " + list + ")");
        if (source.Type.Element is not { } sourceElement || !CrmTypes.IsValueType(sourceElement))
        {
            _writer.Line("if (" + element + " is null) continue;");
        }
        Write(projection.Element, null, expressions.WithCurrent(element));
        _writer.Close();
        _writer.Line("writer.WriteEndArray();");
        _writer.Close();
    }

    private void Scalar(CsValue value, string? name)
    {
        if (value.Type.Kind == CrmTypeKind.Null) return;
        var v = value.Code;
        var open = false;
        if (value.MayBeNull)
        {
            v = _names.Next("v");
            _writer.Open("if (" + value.Code + " is { } " + v + ")");
            open = true;
        }
        switch (value.Type.Kind)
        {
            case CrmTypeKind.String:
                _writer.Line(name is null ? "writer.WriteStringValue(" + v + ");" : "writer.WriteString(" + name + ", " + v + ");");
                break;
            case CrmTypeKind.Integer:
            case CrmTypeKind.Decimal:
            case CrmTypeKind.Double:
                _writer.Line(name is null ? "writer.WriteNumberValue(" + v + ");" : "writer.WriteNumber(" + name + ", " + v + ");");
                break;
            case CrmTypeKind.Boolean:
                _writer.Line(name is null ? "writer.WriteBooleanValue(" + v + ");" : "writer.WriteBoolean(" + name + ", " + v + ");");
                break;
            case CrmTypeKind.DateTime:
                _writer.Line(name is null
                    ? JsonWriter + ".WriteIsoDateTimeValue(writer, " + v + ");"
                    : JsonWriter + ".WriteIsoDateTime(writer, " + name + ", " + v + ");");
                break;
            case CrmTypeKind.CustomFields:
                if (name is null)
                {
                    _writer.Line("writer.WriteStartObject();");
                    _writer.Line(JsonWriter + ".WriteCustomFields(writer, " + v + ", global::System.ReadOnlySpan<string>.Empty);");
                    _writer.Line("writer.WriteEndObject();");
                }
                else
                {
                    _writer.Line(JsonWriter + ".WriteCustomFieldsObject(writer, " + name + ", " + v + ");");
                }
                break;
            case CrmTypeKind.List when value.Type.Element is { } element && (CrmTypes.IsScalar(element) || element.Kind == CrmTypeKind.CustomFields):
                _writer.Line(name is null ? "writer.WriteStartArray();" : "writer.WriteStartArray(" + name + ");");
                var item = _names.Next("e");
                _writer.Open("foreach (var " + item + " in " + v + ")");
                Scalar(new CsValue(item, element, !CrmTypes.IsValueType(element)), null);
                _writer.Close();
                _writer.Line("writer.WriteEndArray();");
                break;
            default:
                throw new EmitException("A value of type " + value.Type.DisplayName + " cannot be written as provider JSON without 'each'.");
        }
        if (open) _writer.Close();
    }
}
