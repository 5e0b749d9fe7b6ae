using System.Collections.Generic;
using System.Linq;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Writes the one-pass parse code of a read plan: a walk over the JSON with
/// <c>Utf8JsonReader</c> that matches property names against UTF-8 literals, stores each needed
/// value into its slot as it passes, builds projection elements in place, collects custom
/// fields, and skips everything else. The reader starts on a value's first token and ends on its
/// last one. A deferred projection (one whose elements read the record with <c>$$</c>) saves a
/// copy of the reader at its array and skips it; after the record's object loop, when every
/// record slot is filled, the array is parsed from that copy (the body is one span, so a copy of
/// the reader is a checkpoint it can go back to).
/// </summary>
internal sealed class ReadCodeEmitter
{
    public const string Reader = "global::CrmGen.Mapping.CrmJsonReader";
    public const string Token = "global::System.Text.Json.JsonTokenType";

    private readonly CodeWriter _writer;
    private readonly ExpressionEmitter _expressions;
    private readonly bool _lenient;
    private readonly ReadNames _names;

    // The deferred projections of the record: the saved reader of each trie node that has some.
    private readonly Dictionary<ProjectionRequirement, string> _savedReaderOf = new();
    private readonly List<(string SavedReader, List<ProjectionRequirement> Projections)> _deferred = new();
    private bool _parsingDeferred;

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

        if (!_parsingDeferred && node.DeferredProjections() is { Count: > 0 } deferred)
        {
            _writer.Line(_savedReaderOf[deferred[0]] + " = reader;");
            node = node.Without(deferred);
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

    /// <summary>
    /// The members loop of an object: the reader is on <c>{</c> and ends on <c>}</c>. For the
    /// record's root, the deferred projections are declared before and parsed after the loop.
    /// </summary>
    public void ObjectLoop(ReadNode node)
    {
        var atRecord = !_parsingDeferred && _expressions.Read is { } scope && node == scope.Record.Root;
        if (atRecord) DeclareDeferred(node);
        ObjectLoopCore(node);
        if (atRecord) ParseDeferred();
    }

    /// <summary>Declares a saved reader per record trie node with deferred projections (not inside elements: those are never deferred).</summary>
    private void DeclareDeferred(ReadNode node)
    {
        var projections = node.DeferredProjections();
        if (projections.Count > 0 && !_savedReaderOf.ContainsKey(projections[0]))
        {
            var saved = _names.Next("saved");
            _writer.Line("var " + saved + " = default(global::System.Text.Json.Utf8JsonReader);");
            foreach (var projection in projections) _savedReaderOf[projection] = saved;
            _deferred.Add((saved, projections));
        }
        foreach (var property in node.Properties) DeclareDeferred(property.Value);
        foreach (var index in node.Indices) DeclareDeferred(index.Value);
    }

    /// <summary>
    /// After the record's object loop: parses each deferred array from its saved reader (in the
    /// order the projections were planned, so one that reads another's list comes after it) and
    /// puts the reader back at the record's end.
    /// </summary>
    private void ParseDeferred()
    {
        _parsingDeferred = true;
        foreach (var (saved, projections) in _deferred.OrderBy(d => d.Projections.Min(p => p.Order)))
        {
            var node = new ReadNode();
            node.Requirements.AddRange(projections);
            var end = _names.Next("end");
            _writer.Open("if (" + saved + ".TokenType != " + Token + ".None)");
            _writer.Line("var " + end + " = reader;");
            _writer.Line("reader = " + saved + ";");
            Value(node);
            _writer.Line("reader = " + end + ";");
            _writer.Close();
        }
        _parsingDeferred = false;
    }

    /// <summary>
    /// From this many member names on, an object loop finds the member by the name's byte length
    /// first and compares bytes only with the names of that length (<see cref="DispatchedLoop"/>);
    /// fewer names are tested one by one with <c>ValueTextEquals</c>.
    /// </summary>
    public const int LengthDispatchThreshold = 4;

    private void ObjectLoopCore(ReadNode node)
    {
        // The members taken by name: each property the mapping reads, then each key every
        // catch-all leaves out (skipped by name); everything else goes to the fallback.
        var members = new List<(string Name, ReadNode? Node)>();
        foreach (var property in node.Properties) members.Add((property.Key, property.Value));

        var catchAlls = CatchAlls(node);
        HashSet<string>? handled = null;
        if (catchAlls.Count > 0)
        {
            handled = new HashSet<string>(node.Properties.Select(p => p.Key));
            // Keys every catch-all leaves out are skipped by name; a key only some leave out is
            // tested per catch-all.
            var skipped = catchAlls[0].ExcludedKeys.Where(k => !handled.Contains(k) && catchAlls.All(c => c.ExcludedKeys.Contains(k))).Distinct().ToList();
            handled.UnionWith(skipped);
            foreach (var key in skipped) members.Add((key, null));
        }

        _writer.Open("while (true)");
        _writer.Line("reader.Read();");
        _writer.Line("if (reader.TokenType == " + Token + ".EndObject) break;");
        if (members.Count >= LengthDispatchThreshold) DispatchedLoop(members, catchAlls, handled);
        else ChainedLoop(members, catchAlls, handled);
        _writer.Close();
    }

    /// <summary>The body of an object loop that tests the member names one after another.</summary>
    private void ChainedLoop(List<(string Name, ReadNode? Node)> members, List<CatchAllRequirement> catchAlls, HashSet<string>? handled)
    {
        var first = true;
        var properties = members.Where(m => m.Node is not null).ToList();
        var skipped = members.Where(m => m.Node is null).Select(m => m.Name).ToList();
        foreach (var property in properties)
        {
            _writer.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + CSharpText.Utf8(property.Name) + "))");
            MemberBody(property.Node);
            _writer.Close();
            first = false;
        }
        if (skipped.Count > 0)
        {
            for (var i = 0; i < skipped.Count; i++)
            {
                var test = "reader.ValueTextEquals(" + CSharpText.Utf8(skipped[i]) + ")";
                var prefix = i == 0 ? (first ? "if (" : "else if (") : "    || ";
                var suffix = i == skipped.Count - 1 ? ")" : "";
                _writer.Line(prefix + test + suffix);
            }
            _writer.Open();
            MemberBody(null);
            _writer.Close();
            first = false;
        }
        if (!first) _writer.Open("else");
        Fallback(catchAlls, handled);
        if (!first) _writer.Close();
    }

    /// <summary>
    /// The body of an object loop with many member names: the name's bytes (unescaped first in
    /// the rare case the JSON escapes them) are looked up by their length and then compared byte
    /// for byte with the names of that length only, in mapping order. A member found is handled
    /// and the loop goes on to the next name; a name no member takes falls through to the
    /// fallback.
    /// </summary>
    private void DispatchedLoop(List<(string Name, ReadNode? Node)> members, List<CatchAllRequirement> catchAlls, HashSet<string>? handled)
    {
        var name = _names.Next("name");
        var unescaped = _names.Next("unescaped");
        _writer.Line("global::System.ReadOnlySpan<byte> " + name + " = reader.ValueSpan;");
        _writer.Open("if (reader.ValueIsEscaped)");
        _writer.Line("var " + unescaped + " = new byte[" + name + ".Length];");
        _writer.Line(name + " = new global::System.ReadOnlySpan<byte>(" + unescaped + ", 0, reader.CopyString(" + unescaped + "));");
        _writer.Close();
        _writer.Open("switch (" + name + ".Length)");
        var byLength = members
            .Select(m => (m.Name, m.Node, Length: System.Text.Encoding.UTF8.GetByteCount(m.Name)))
            .GroupBy(m => m.Length)
            .OrderBy(g => g.Key);
        foreach (var group in byLength)
        {
            _writer.Line("case " + CSharpText.Int(group.Key) + ":");
            _writer.Push();
            foreach (var (memberName, node, _) in group)
            {
                _writer.Open("if (global::System.MemoryExtensions.SequenceEqual(" + name + ", " + CSharpText.Utf8(memberName) + "))");
                MemberBody(node);
                _writer.Line("continue;");
                _writer.Close();
            }
            _writer.Line("break;");
            _writer.Pop();
        }
        _writer.Close();
        Fallback(catchAlls, handled);
    }

    /// <summary>The reader is on a member's name: reads its value, or skips it for a key left out (<paramref name="node"/> null).</summary>
    private void MemberBody(ReadNode? node)
    {
        _writer.Line("reader.Read();");
        if (node is null) _writer.Line("reader.Skip();");
        else Value(node);
    }

    /// <summary>The reader is on a name no member takes: the catch-alls collect it, or it is skipped.</summary>
    private void Fallback(List<CatchAllRequirement> catchAlls, HashSet<string>? handled)
    {
        if (catchAlls.Count > 0 && handled is not null)
        {
            CollectKey(catchAlls, handled);
        }
        else
        {
            _writer.Line("reader.Read();");
            _writer.Line("reader.Skip();");
        }
    }

    /// <summary>The catch-alls of a node, one per dictionary.</summary>
    private static List<CatchAllRequirement> CatchAlls(ReadNode node)
    {
        var result = new List<CatchAllRequirement>();
        foreach (var catchAll in node.Requirements.OfType<CatchAllRequirement>())
        {
            if (!result.Any(c => c.Slot == catchAll.Slot)) result.Add(catchAll);
        }
        return result;
    }

    /// <summary>
    /// The reader is on a property name no other branch takes: the value goes into each catch-all
    /// whose key pattern matches the name and which does not leave the name out (names in
    /// <paramref name="handled"/> never reach here). A name no catch-all takes is skipped with
    /// its value unread.
    /// </summary>
    private void CollectKey(List<CatchAllRequirement> catchAlls, HashSet<string> handled)
    {
        var key = _names.Next("key");
        if (catchAlls.Count == 1 && catchAlls[0].Pattern is { } onlyPattern
            && catchAlls[0].ExcludedKeys.All(handled.Contains))
        {
            // The pattern is tested on the name as the reader holds it: a name no catch-all takes
            // is never turned into a string.
            var patterns = _expressions.Context.KeyPatterns ?? throw new EmitException("A key pattern is read where the class has no key-pattern fields.");
            _writer.Open("if (" + patterns.Condition(onlyPattern) + ")");
            _writer.Line("var " + key + " = reader.GetString()!;");
            _writer.Line("reader.Read();");
            _writer.Line("(" + catchAlls[0].Slot.Name + " ??= new " + CrmTypes.CSharp(CrmTypes.CustomFields) + "())[" + key + "] = " + Reader + ".ReadCustomFieldValue(ref reader);");
            _writer.Close();
            _writer.Open("else");
            _writer.Line("reader.Skip();");
            _writer.Close();
            return;
        }

        _writer.Line("var " + key + " = reader.GetString()!;");
        _writer.Line("reader.Read();");
        var conditions = catchAlls.Select(c => KeyCondition(c, key, handled)).ToList();
        var value = Reader + ".ReadCustomFieldValue(ref reader)";
        if (catchAlls.Count == 1)
        {
            var store = "(" + catchAlls[0].Slot.Name + " ??= new " + CrmTypes.CSharp(CrmTypes.CustomFields) + "())[" + key + "] = ";
            if (conditions[0] is null)
            {
                _writer.Line(store + value + ";");
                return;
            }
            _writer.Open("if (" + conditions[0] + ")");
            _writer.Line(store + value + ";");
            _writer.Close();
            _writer.Open("else");
            _writer.Line("reader.Skip();");
            _writer.Close();
            return;
        }

        var takes = new List<string>();
        for (var i = 0; i < catchAlls.Count; i++)
        {
            var take = _names.Next("take");
            takes.Add(take);
            _writer.Line("var " + take + " = " + (conditions[i] ?? "true") + ";");
        }
        _writer.Open("if (" + string.Join(" || ", takes) + ")");
        var read = _names.Next("value");
        _writer.Line("var " + read + " = " + value + ";");
        for (var i = 0; i < catchAlls.Count; i++)
        {
            _writer.Line("if (" + takes[i] + ") (" + catchAlls[i].Slot.Name + " ??= new " + CrmTypes.CSharp(CrmTypes.CustomFields) + "())[" + key + "] = " + read + ";");
        }
        _writer.Close();
        _writer.Open("else");
        _writer.Line("reader.Skip();");
        _writer.Close();
    }

    /// <summary>When a catch-all takes <paramref name="key"/>: its pattern matches and it does not leave the key out; null for always.</summary>
    private string? KeyCondition(CatchAllRequirement catchAll, string key, HashSet<string> handled)
    {
        var tests = new List<string>();
        if (catchAll.Pattern is { } pattern)
        {
            var patterns = _expressions.Context.KeyPatterns ?? throw new EmitException("A key pattern is read where the class has no key-pattern fields.");
            tests.Add(patterns.FieldFor(pattern) + ".IsMatch(" + key + ")");
        }
        foreach (var excluded in catchAll.ExcludedKeys.Distinct())
        {
            if (!handled.Contains(excluded)) tests.Add(key + " != " + CSharpText.String(excluded));
        }
        return tests.Count == 0 ? null : string.Join(" && ", tests);
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
