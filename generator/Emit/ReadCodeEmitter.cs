using System.Collections.Generic;
using System.Linq;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Writes the one-pass parse code of a read plan: a walk over the JSON with
/// <c>Utf8JsonReader</c> that matches property names against UTF-8 literals, stores each needed
/// value into its slot as it passes, builds projection elements in place, collects custom
/// fields, and skips everything else. The reader starts on a value's first token and ends on its
/// last one.
/// </summary>
internal sealed class ReadCodeEmitter
{
    public const string Reader = "global::CrmGen.Mapping.CrmJsonReader";
    public const string Token = "global::System.Text.Json.JsonTokenType";

    private readonly CodeWriter _writer;
    private readonly ExpressionEmitter _expressions;
    private readonly bool _lenient;
    private readonly ReadNames _names;

    /// <param name="writer">Where the code goes.</param>
    /// <param name="expressions">Emits projection elements (given each element's scope).</param>
    /// <param name="lenient">
    /// Error bodies: a value of the wrong form reads as null instead of throwing (strict code calls
    /// the operation's <c>Unexpected(utf8Json, ref reader, expected)</c>).
    /// </param>
    public ReadCodeEmitter(CodeWriter writer, ExpressionEmitter expressions, bool lenient)
    {
        _writer = writer;
        _expressions = expressions;
        _lenient = lenient;
        _names = expressions.Context.Names;
    }

    public void DeclareSlots(ReadScope scope)
    {
        foreach (var slot in scope.Slots)
        {
            _writer.Line(slot.TypeName + " " + slot.Name + " = " + slot.InitialValue + ";");
        }
    }

    /// <summary>Parses the value the reader is on according to <paramref name="node"/>.</summary>
    public void Value(ReadNode node)
    {
        var record = node.Requirements.OfType<RecordRequirement>().FirstOrDefault();
        if (record is not null)
        {
            Record(record);
            return;
        }

        foreach (var scalar in node.Requirements.OfType<ScalarRequirement>())
        {
            var (method, expected) = ReadPlanBuilder.ReaderOf(scalar.Kind);
            var call = Reader + "." + method + "(ref reader, out " + scalar.Slot.Name + ")";
            if (_lenient)
            {
                _writer.Line(call + ";");
            }
            else
            {
                _writer.Open("if (!" + call + ")");
                _writer.Line("throw Unexpected(utf8Json, ref reader, " + CSharpText.String(expected) + ");");
                _writer.Close();
            }
        }
        foreach (var exists in node.Requirements.OfType<ExistsRequirement>())
        {
            _writer.Line(exists.Slot.Name + " = reader.TokenType != " + Token + ".Null;");
        }

        var needsObject = node.HasObjectNeeds;
        var needsArray = node.HasArrayNeeds;
        var scalarsChecked = !_lenient && node.HasScalarReads;
        if (!needsObject && !needsArray)
        {
            if (!scalarsChecked) _writer.Line("reader.Skip();");
            return;
        }

        var first = true;
        if (needsObject)
        {
            _writer.Open("if (reader.TokenType == " + Token + ".StartObject)");
            ObjectLoop(node);
            _writer.Close();
            first = false;
        }
        if (needsArray)
        {
            _writer.Open((first ? "if" : "else if") + " (reader.TokenType == " + Token + ".StartArray)");
            ArrayLoop(node);
            _writer.Close();
        }
        if (_lenient || scalarsChecked)
        {
            if (_lenient)
            {
                _writer.Open("else");
                _writer.Line("reader.Skip();");
                _writer.Close();
            }
            return;
        }
        _writer.Open("else if (reader.TokenType != " + Token + ".Null)");
        var expectedShape = needsObject && needsArray ? "an object or an array" : needsObject ? "an object" : "an array";
        _writer.Line("throw Unexpected(utf8Json, ref reader, " + CSharpText.String(expectedShape) + ");");
        _writer.Close();
    }

    private void Record(RecordRequirement record)
    {
        var slot = record.Slot.Name;
        if (!record.IsList)
        {
            _writer.Open("if (reader.TokenType != " + Token + ".Null)");
            _writer.Line(slot + " = ReadRecord(ref reader, utf8Json, options);");
            _writer.Close();
            return;
        }
        _writer.Open("if (reader.TokenType == " + Token + ".StartArray)");
        _writer.Line(slot + " = new global::System.Collections.Generic.List<" + record.ModelType + ">();");
        _writer.Open("while (true)");
        _writer.Line("reader.Read();");
        _writer.Line("if (reader.TokenType == " + Token + ".EndArray) break;");
        _writer.Open("if (reader.TokenType != " + Token + ".Null)");
        _writer.Line(slot + ".Add(ReadRecord(ref reader, utf8Json, options));");
        _writer.Close();
        _writer.Close();
        _writer.Close();
        _writer.Open("else if (reader.TokenType != " + Token + ".Null)");
        _writer.Line("throw Unexpected(utf8Json, ref reader, \"an array of records\");");
        _writer.Close();
    }

    /// <summary>The members loop of an object: the reader is on <c>{</c> and ends on <c>}</c>.</summary>
    public void ObjectLoop(ReadNode node)
    {
        _writer.Open("while (true)");
        _writer.Line("reader.Read();");
        _writer.Line("if (reader.TokenType == " + Token + ".EndObject) break;");
        var first = true;
        foreach (var property in node.Properties)
        {
            _writer.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + CSharpText.Utf8(property.Key) + "))");
            _writer.Line("reader.Read();");
            Value(property.Value);
            _writer.Close();
            first = false;
        }

        var catchAll = node.Requirements.OfType<CatchAllRequirement>().FirstOrDefault();
        if (catchAll is not null)
        {
            var read = new HashSet<string>(node.Properties.Select(p => p.Key));
            var excluded = catchAll.ExcludedKeys.Where(k => read.Add(k)).ToList();
            if (excluded.Count > 0)
            {
                for (var i = 0; i < excluded.Count; i++)
                {
                    var test = "reader.ValueTextEquals(" + CSharpText.Utf8(excluded[i]) + ")";
                    var prefix = i == 0 ? (first ? "if (" : "else if (") : "    || ";
                    var suffix = i == excluded.Count - 1 ? ")" : "";
                    _writer.Line(prefix + test + suffix);
                }
                _writer.Open();
                _writer.Line("reader.Read();");
                _writer.Line("reader.Skip();");
                _writer.Close();
                first = false;
            }
            var key = _names.Next("key");
            if (!first) _writer.Open("else");
            _writer.Line("var " + key + " = reader.GetString()!;");
            _writer.Line("reader.Read();");
            _writer.Line("(" + catchAll.Slot.Name + " ??= new " + CrmTypes.CSharp(CrmTypes.CustomFields) + "())[" + key + "] = " + Reader + ".ReadCustomFieldValue(ref reader);");
            if (!first) _writer.Close();
        }
        else
        {
            if (!first) _writer.Open("else");
            _writer.Line("reader.Read();");
            _writer.Line("reader.Skip();");
            if (!first) _writer.Close();
        }
        _writer.Close();
    }

    /// <summary>The elements loop of an array: the reader is on <c>[</c> and ends on <c>]</c>.</summary>
    private void ArrayLoop(ReadNode node)
    {
        var projections = node.Requirements.OfType<ProjectionRequirement>().ToList();
        foreach (var projection in projections)
        {
            _writer.Line(projection.Slot.Name + " = new " + CrmTypes.CSharp(CrmTypes.ListOf(projection.ElementType)) + "();");
        }
        var index = node.Indices.Count > 0 ? _names.Next("i") : null;
        if (index is not null) _writer.Line("var " + index + " = 0;");
        _writer.Open("while (true)");
        _writer.Line("reader.Read();");
        _writer.Line("if (reader.TokenType == " + Token + ".EndArray) break;");
        foreach (var projection in projections)
        {
            DeclareSlots(projection.Element);
        }
        var elementNodes = projections.Select(p => p.Element.Root).ToList();
        if (index is not null)
        {
            var first = true;
            foreach (var pair in node.Indices)
            {
                _writer.Open((first ? "if" : "else if") + " (" + index + " == " + CSharpText.Int(pair.Key) + ")");
                Value(ReadNode.Merge(elementNodes.Concat(new[] { pair.Value }).ToList()));
                _writer.Close();
                first = false;
            }
            _writer.Open("else");
            if (elementNodes.Count > 0) Value(ReadNode.Merge(elementNodes));
            else _writer.Line("reader.Skip();");
            _writer.Close();
        }
        else
        {
            Value(ReadNode.Merge(elementNodes));
        }

        if (projections.Count > 0)
        {
            _writer.Open("if (reader.TokenType != " + Token + ".Null)");
            foreach (var projection in projections)
            {
                var value = _expressions.WithRead(projection.Element).Emit(projection.ElementExpression);
                if (value.MayBeNull)
                {
                    var item = _names.Next("item");
                    _writer.Line("if (" + value.Code + " is { } " + item + ") " + projection.Slot.Name + ".Add(" + item + ");");
                }
                else
                {
                    _writer.Line(projection.Slot.Name + ".Add(" + value.Code + ");");
                }
            }
            _writer.Close();
        }
        if (index is not null) _writer.Line(index + "++;");
        _writer.Close();
    }
}
