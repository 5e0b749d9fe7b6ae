using System;
using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>Operations: kind, method, path template, requires, path/query/header values, read and write.</summary>
internal sealed partial class ProviderBinder
{
    private static readonly string[] OperationKinds = { "list", "get", "create", "update", "delete", "action" };
    private static readonly string[] OperationMemberKeywords = { "requires", "path", "query", "headers", "header", "read", "write", "map", "next_page" };
    private static readonly string[] HttpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>Rows of read, write and map sections, with whether each is two-way.</summary>
    private readonly struct Row
    {
        public Row(MappingSyntax syntax, bool twoWay)
        {
            Syntax = syntax;
            TwoWay = twoWay;
        }

        public MappingSyntax Syntax { get; }

        public bool TwoWay { get; }
    }

    /// <summary>The spans of two-way rows whose read side had errors: their write side is not bound (no cascades).</summary>
    private readonly HashSet<TextSpan> _rowsWithReadErrors = new();

    private BoundOperation? BindOperation(OperationSyntax syntax, UnifiedModelFacts? model, string resourceName, HashSet<string> names)
    {
        if (IsMissing(syntax.Kind)) return null;
        var kindText = syntax.Kind.Text;
        var known = true;
        OperationKind kind;
        switch (kindText)
        {
            case "list": kind = OperationKind.List; break;
            case "get": kind = OperationKind.Get; break;
            case "create": kind = OperationKind.Create; break;
            case "update": kind = OperationKind.Update; break;
            case "delete": kind = OperationKind.Delete; break;
            case "action": kind = OperationKind.Action; break;
            default:
                _bag.Report(D.UnknownOperation, syntax.Kind.Span, kindText, NameSuggestion.Hint(kindText, OperationKinds));
                kind = OperationKind.Action;
                known = false;
                break;
        }

        var name = kindText;
        var nameSpan = syntax.Kind.Span;
        if (known && kind == OperationKind.Action)
        {
            if (IsMissing(syntax.Name))
            {
                if (!HasSyntaxErrorIn(syntax.Span)) _bag.Report(D.SyntaxError, syntax.Kind.Span, "Expected the action's name after 'action', as in 'action link PUT \"/path\" { … }'");
                known = false;
            }
            else
            {
                name = syntax.Name!.Text;
                nameSpan = syntax.Name.Span;
            }
        }

        if (known && !names.Add(name))
        {
            _bag.Report(D.DuplicateDeclaration, nameSpan, "operation", resourceName + "." + name);
        }

        var method = "";
        if (!IsMissing(syntax.Method))
        {
            method = syntax.Method.Text.ToUpperInvariant();
            if (Array.IndexOf(HttpMethods, method) < 0) _bag.Report(D.InvalidHttpMethod, syntax.Method.Span, syntax.Method.Text);
        }

        var label = resourceName + "." + name;
        var hasInput = kind is OperationKind.Create or OperationKind.Update or OperationKind.Action;
        var hasOutput = kind != OperationKind.Delete;
        var modelType = model is null ? CrmType.Error : new CrmType(CrmTypeKind.Model, model.FullyQualifiedName);
        var writeScope = new BindingScope(
            ScopeKind.Write, "a write mapping", HasInput: hasInput, Current: hasInput ? modelType : null,
            TrackReads: true, OperationKind: kindText, RecordReference: true, Record: hasInput ? modelType : null);
        var readScope = new BindingScope(ScopeKind.Read, "a read mapping", OperationKind: kindText, RecordReference: true);
        _fieldsReadByWrite.Clear();

        // Sort the members out first; bind in a fixed order afterwards.
        var requires = new List<IdentifierSyntax>();
        var pathRows = new List<MappingSyntax>();
        var queryRows = new List<MappingSyntax>();
        var headerRows = new List<MappingSyntax>();
        var headers = new List<HeaderSyntax>();
        var readRows = new List<Row>();
        var writeRows = new List<Row>();
        PathSyntax? recordPath = null;
        var nextPageRows = new List<NextPageSyntax>();

        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case RequiresSyntax requiresSyntax:
                    if (!hasInput)
                    {
                        _bag.Report(D.NotAllowedHere, KeywordSpan(requiresSyntax.Span, "requires"), "'requires'", "in a " + kindText + " operation; it has no unified input");
                        break;
                    }
                    requires.AddRange(requiresSyntax.Fields.Where(f => !IsMissing(f)));
                    break;

                case ParameterBlockSyntax parameters when !IsMissing(parameters.Kind) && parameters.Block is not null:
                    switch (parameters.Kind.Text)
                    {
                        case "path": pathRows.AddRange(parameters.Block.Mappings); break;
                        case "query": queryRows.AddRange(parameters.Block.Mappings); break;
                        case "headers": headerRows.AddRange(parameters.Block.Mappings); break;
                        default: ReportUnknownMember(parameters.Kind); break;
                    }
                    break;

                case OperationHeaderSyntax header when header.Header is not null:
                    headers.Add(header.Header);
                    break;

                case MappingSectionSyntax section when !IsMissing(section.Kind) && section.Block is not null:
                    var sectionKind = section.Kind.Text;
                    if (sectionKind is not ("read" or "write" or "map"))
                    {
                        ReportUnknownMember(section.Kind);
                        break;
                    }
                    if (sectionKind != "write" && !hasOutput)
                    {
                        _bag.Report(D.NotAllowedHere, section.Kind.Span, sectionKind == "read" ? "A read mapping" : "A map block", "in a delete operation; it returns nothing");
                        break;
                    }
                    if (sectionKind == "write")
                    {
                        if (section.From is not null)
                        {
                            _bag.Report(D.NotAllowedHere, section.From.Span, "'from'", "on write; it names where the record is in the response (read and map)");
                        }
                        if (!hasInput)
                        {
                            _bag.Report(D.NotAllowedHere, section.Kind.Span, "A write mapping", "in a " + kindText + " operation; it has no unified input");
                            break;
                        }
                    }
                    else if (section.From is not null)
                    {
                        if (recordPath is null) recordPath = section.From;
                        else if (SyntaxText.Path(recordPath) != SyntaxText.Path(section.From))
                        {
                            _bag.Report(D.NotAllowedHere, section.From.Span, "A second record path", "in one operation; its read and map sections must name the same 'from' path");
                        }
                    }

                    var twoWay = sectionKind == "map";
                    if (section.Record is { } recordKeyword)
                    {
                        // 'read record': the rows of the resource's record mapping, bound here as this operation's.
                        if (_record is null)
                        {
                            _bag.Report(D.MissingRecordMapping, recordKeyword.Span, resourceName);
                            break;
                        }
                        _recordUsed = true;
                        foreach (var row in _record.Block.Mappings)
                        {
                            if (row is not null) readRows.Add(new Row(row, false));
                        }
                    }
                    foreach (var row in section.Block.Mappings)
                    {
                        if (row is null) continue;
                        if (sectionKind != "write") readRows.Add(new Row(row, twoWay));
                        if (sectionKind == "write" || (twoWay && hasInput)) writeRows.Add(new Row(row, twoWay));
                    }
                    break;

                case NextPageSyntax nextPageSyntax when !IsMissing(nextPageSyntax.Keyword):
                    nextPageRows.Add(nextPageSyntax);
                    break;

                case UnknownOperationMemberSyntax unknown when !IsMissing(unknown.Keyword):
                    ReportUnknownMember(unknown.Keyword);
                    break;
            }
        }

        // Read before write, so two-way rows with read errors are known.
        BoundRead? read = null;
        if (hasOutput && (readRows.Count > 0 || recordPath is not null))
        {
            var record = BindReadRows(readRows, model, modelType, readScope, "read", topLevel: true);
            if (record is not null) read = new BoundRead(RecordPathSteps(recordPath), record);
        }

        var pathValues = BindParameterRows(pathRows, writeScope with { Where = "a path value", RecordReference = false }, "path");
        var query = BindParameterRows(queryRows, writeScope with { Where = "a query value", RecordReference = false }, "query");

        var boundHeaders = new List<BoundHeader>();
        var headerNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var headerScope = writeScope with { Where = "a header", AllowCredentials = true, RecordReference = false };
        foreach (var header in headers)
        {
            var bound = BindHeader(header, headerScope, headerNames);
            if (bound is not null) boundHeaders.Add(bound);
        }
        foreach (var parameter in BindParameterRows(headerRows, headerScope, "headers"))
        {
            if (headerNames.Add(parameter.Name)) boundHeaders.Add(new BoundHeader(parameter.Name, parameter.Value));
        }

        BoundWrite? write = null;
        if (hasInput && writeRows.Count > 0)
        {
            write = new BoundWrite(BindWriteRows(writeRows, writeScope, "write"));
        }

        var path = BindPathTemplate(syntax.PathTemplate, kind, known, label, pathValues, pathRows);

        BoundNextPage? nextPage = null;
        for (var i = 0; i < nextPageRows.Count; i++)
        {
            if (!known) break;
            var bound = BindNextPage(nextPageRows[i], kindText, kind == OperationKind.List, hasEarlier: i > 0);
            if (i == 0) nextPage = bound;
        }

        var required = new List<UnifiedPropertyRef>();
        if (model is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in requires)
            {
                var property = FindProperty(model, field.Text);
                if (property is null)
                {
                    ReportUnknownField(field.Span, field.Text, model);
                    continue;
                }
                if (!seen.Add(field.Text))
                {
                    _bag.Report(D.DuplicateDeclaration, field.Span, "required field", field.Text);
                    continue;
                }
                required.Add(new UnifiedPropertyRef(property.WireName, property.PropertyName, property.Type));
                if (!_fieldsReadByWrite.Contains(property.WireName))
                {
                    _bag.Report(D.RequiredFieldNotWritten, field.Span, field.Text, label);
                }
            }
        }

        return new BoundOperation(
            kind,
            name,
            method,
            path.ToEquatableArray(),
            query.ToEquatableArray(),
            boundHeaders.ToEquatableArray(),
            required.ToEquatableArray(),
            write,
            read,
            nextPage);
    }

    private void ReportUnknownMember(IdentifierSyntax keyword)
        => _bag.Report(D.UnknownConstruct, keyword.Span, "operation member", keyword.Text, NameSuggestion.Hint(keyword.Text, OperationMemberKeywords));

    /// <summary>Binds <c>path</c>, <c>query</c> or <c>headers</c> rows: a single name each, a string-typed value.</summary>
    private List<BoundParameter> BindParameterRows(List<MappingSyntax> rows, BindingScope scope, string block)
    {
        var result = new List<BoundParameter>();
        var names = new HashSet<string>(block == "headers" ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row?.Target is null || row.Source is null) continue;
            if (row.Arrow == MappingArrow.TwoWay)
            {
                _bag.Report(D.NotAllowedHere, row.Span, "'<->'", "in " + block + "; write 'name <- value'");
            }

            var name = ParameterName(row.Target, block);
            var what = (block == "headers" ? "Header" : block == "path" ? "Path parameter" : "Query parameter") + " '" + (name ?? SyntaxText.Path(row.Target)) + "'";
            var value = ToParameterValue(BindValue(row.Source, scope, null, what), what, row.Source);
            if (name is null) continue;
            if (!names.Add(name))
            {
                _bag.Report(D.DuplicateMapping, row.Target.Span, name, block);
                continue;
            }
            result.Add(new BoundParameter(name, value));
        }
        return result;
    }

    private string? ParameterName(PathSyntax target, string block)
    {
        if (target.Segments.Count == 0) return null;
        var first = target.Segments[0];
        if (target.Segments.Count == 1 && first.Kind == PathSegmentKind.Name)
        {
            return first.Name.Length == 0 ? null : first.Name;
        }
        if (first.Kind == PathSegmentKind.Name && first.Name.Length == 0) return null;
        _bag.Report(D.NotAllowedHere, target.Span, "'" + SyntaxText.Path(target) + "'", "as a " + (block == "headers" ? "header" : block) + " parameter name; write a single name");
        return null;
    }

    /// <summary>Splits the template and gives every hole its value (CRM0010 when nothing supplies one).</summary>
    private List<BoundPathPart> BindPathTemplate(
        StringLiteralSyntax? template,
        OperationKind kind,
        bool kindKnown,
        string label,
        List<BoundParameter> pathValues,
        List<MappingSyntax> pathRows)
    {
        var parts = new List<BoundPathPart>();
        if (template is null) return parts;

        var value = template.Value ?? "";
        // Offsets in the decoded text match the source when the literal has no escapes.
        var exact = value.Length + 2 == template.Span.Length;
        TextSpan SpanOf(PathTemplatePart part) => exact ? new TextSpan(template.Span.Start + 1 + part.Start, part.Length) : template.Span;

        var errors = new List<PathTemplatePart>();
        var holes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in PathTemplate.Split(value, errors))
        {
            if (part.Hole is null)
            {
                parts.Add(new BoundPathPart(part.Literal, null, null));
                continue;
            }

            var hole = part.Hole;
            holes.Add(hole);
            BoundExpression? holeValue = pathValues.FirstOrDefault(p => p.Name == hole)?.Value;
            if (holeValue is null && hole == "id" && kind is OperationKind.Get or OperationKind.Update or OperationKind.Delete)
            {
                holeValue = new BoundOperationId();
            }
            if (holeValue is null && _contexts.ContainsKey(hole))
            {
                holeValue = new BoundContextReference(hole);
            }
            if (holeValue is null)
            {
                if (kindKnown) _bag.Report(D.PathParameterWithoutValue, SpanOf(part), hole, label);
                holeValue = ErrorExpression;
            }
            parts.Add(new BoundPathPart(null, hole, holeValue));
        }

        foreach (var error in errors)
        {
            var message = error.Hole is { Length: > 0 } text && text[0] == '{'
                ? "Unclosed '{' in the path template; a parameter is written '{name}'"
                : "Invalid path parameter '{" + error.Hole + "}'; a parameter name is an identifier such as 'id' or 'contact_id'";
            _bag.Report(D.SyntaxError, SpanOf(error), message);
        }

        foreach (var row in pathRows)
        {
            if (row?.Target is not { Segments.Count: 1 } target || target.Segments[0].Kind != PathSegmentKind.Name) continue;
            var name = target.Segments[0].Name;
            if (name.Length == 0 || holes.Contains(name)) continue;
            _bag.Report(D.UnknownConstruct, target.Span, "path parameter", name,
                NameSuggestion.Hint(name, holes.OrderBy(h => h, StringComparer.Ordinal)) is { Length: > 0 } hint ? hint : "; the path template has no '{" + name + "}'");
        }
        return parts;
    }

    /// <summary>The steps of <c>read from x</c>: where the record (or, for list, the array) is in the response.</summary>
    private EquatableArray<JsonPathStep> RecordPathSteps(PathSyntax? from)
    {
        if (from is null) return EquatableArray<JsonPathStep>.Empty;
        var steps = new List<JsonPathStep>();
        var index = 0;
        foreach (var segment in from.Segments)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Name when segment.Name.Length > 0:
                    steps.Add(new JsonPathStep(JsonPathStepKind.Property, segment.Name, 0));
                    break;
                case PathSegmentKind.Index:
                    steps.Add(new JsonPathStep(JsonPathStepKind.Index, "", segment.Index));
                    break;
                case PathSegmentKind.Current when index == 0:
                    break;
                case PathSegmentKind.Record:
                    _bag.Report(D.RecordReferenceOutOfPlace, segment.Span, "in 'from'", "; 'from' names where the record (or the array of records) is in the response");
                    break;
                case PathSegmentKind.Wildcard:
                case PathSegmentKind.Current:
                    _bag.Report(D.NotAllowedHere, segment.Span, "'" + (segment.Kind == PathSegmentKind.Wildcard ? "*" : "$") + "'", "in 'from'; it names the record (or the array of records) in the response");
                    break;
            }
            index++;
        }
        return steps.ToEquatableArray();
    }
}
