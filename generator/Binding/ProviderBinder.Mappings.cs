using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Mapping blocks: read rows build a unified object, write rows build a provider JSON object,
/// and two-way <c>map</c> rows are bound as both, the write side by inverting the provider
/// expression.
/// </summary>
internal sealed partial class ProviderBinder
{
    private const string RemoteDataReason = "in a mapping; it is filled with the provider's raw record";

    // ---- read ---------------------------------------------------------------------------

    /// <summary>
    /// Binds read rows into an object of <paramref name="model"/>. With no model (an unknown
    /// resource or model) the sources are still bound, so their own errors show.
    /// </summary>
    private BoundObjectConstruction? BindReadRows(IReadOnlyList<Row> rows, UnifiedModelFacts? model, CrmType type, BindingScope scope, string where, bool topLevel = false)
    {
        var builder = model is null ? null : new ReadObjectBuilder(model, type, atRecord: !scope.InEach);
        foreach (var row in rows)
        {
            var syntax = row.Syntax;
            if (syntax?.Target is null || syntax.Source is null) continue;
            var before = _bag.Count;
            CheckArrow(syntax, row.TwoWay, where);
            BindReadRow(syntax, builder, scope with { TwoWay = row.TwoWay }, where);
            if (topLevel && row.TwoWay && _bag.Count != before) _rowsWithReadErrors.Add(syntax.Span);
        }
        return builder?.Build();
    }

    private void CheckArrow(MappingSyntax row, bool twoWay, string where)
    {
        if (twoWay && row.Arrow == MappingArrow.Assign)
        {
            _bag.Report(D.NotAllowedHere, row.Span, "'<-'", "in map; a map row is two-way ('unified <-> provider'); move one-way rows to read or write");
        }
        else if (!twoWay && row.Arrow == MappingArrow.TwoWay)
        {
            _bag.Report(D.NotAllowedHere, row.Span, "'<->'", "in " + where + "; two-way rows belong in map");
        }
    }

    private void BindReadRow(MappingSyntax row, ReadObjectBuilder? builder, BindingScope scope, string where)
    {
        var target = row.Target;
        var segments = target.Segments;
        var current = builder;
        if (current is null || segments.Count == 0)
        {
            BindValue(row.Source, scope, CrmType.Error, "");
            return;
        }

        if (IsTooDeep(target))
        {
            BindValue(row.Source, scope, CrmType.Error, "");
            return;
        }

        var targetText = SyntaxText.Path(target);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var model = current.Model;
            if (segment.Kind != PathSegmentKind.Name)
            {
                _bag.Report(D.NotAllowedHere, segment.Span, SegmentDescription(segment), "in a read target; a target is a unified field such as 'first_name' or 'account.id'");
                BindValue(row.Source, scope, CrmType.Error, "");
                return;
            }

            var property = segment.Name.Length == 0 ? null : ResolveField(segment, model);
            if (property is null)
            {
                BindValue(row.Source, scope, CrmType.Error, "");
                return;
            }

            if (i < segments.Count - 1)
            {
                var childModel = _facts.ModelOf(property.Type);
                if (childModel is null)
                {
                    _bag.Report(D.NotAllowedHere, target.Span, "The dotted target '" + targetText + "'", "here; '" + segment.Name + "' is " + property.Type.DisplayName + ", not an object");
                    BindValue(row.Source, scope, CrmType.Error, "");
                    return;
                }
                var child = current.GetOrAddChild(property, childModel);
                if (child is null)
                {
                    _bag.Report(D.DuplicateMapping, target.Span, SyntaxText.Path(target, i + 1), where);
                    BindValue(row.Source, scope, CrmType.Error, "");
                    return;
                }
                current = child;
                continue;
            }

            var value = property.Type.Kind == CrmTypeKind.CustomFields && CatchAllPath(row.Source) is { } catchAll
                ? BindCatchAll(catchAll, row.Source as MatchingSyntax, scope, property.Type)
                : BindValue(row.Source, scope, property.Type, targetText);
            if (!current.TryAdd(property, value))
            {
                _bag.Report(D.DuplicateMapping, target.Span, targetText, where);
            }
        }
    }

    /// <summary>
    /// The field a name segment names on <paramref name="model"/>; reports (and returns null for)
    /// unknown fields, <c>remote_data</c>, and fields of a type no mapping can use.
    /// </summary>
    private UnifiedPropertyFacts? ResolveField(PathSegmentSyntax segment, UnifiedModelFacts model)
    {
        var property = FindProperty(model, segment.Name);
        if (property is null)
        {
            ReportUnknownField(segment.Span, segment.Name, model);
            return null;
        }
        if (property.Type.Kind == CrmTypeKind.RemoteData)
        {
            _bag.Report(D.NotAllowedHere, segment.Span, "'" + property.WireName + "'", RemoteDataReason);
            return null;
        }
        if (property.Type.Kind == CrmTypeKind.Error)
        {
            _bag.Report(D.UnsupportedFieldType, segment.Span, property.WireName, model.Name, property.Type.DisplayName);
            return null;
        }
        return property;
    }

    private static UnifiedPropertyFacts? FindProperty(UnifiedModelFacts model, string wireName)
    {
        foreach (var property in model.Properties)
        {
            if (property.WireName == wireName) return property;
        }
        return null;
    }

    private void ReportUnknownField(TextSpan span, string name, UnifiedModelFacts model)
        => _bag.Report(D.UnknownUnifiedField, span, name, model.Name,
            NameSuggestion.Hint(name, model.Properties.Where(p => p.Type.Kind != CrmTypeKind.RemoteData).Select(p => p.WireName)));

    /// <summary>The most levels a target may nest: each level is an object in the bound model.</summary>
    private const int MaxTargetDepth = 64;

    /// <summary>Reports (CRM0001) a target path nested deeper than <see cref="MaxTargetDepth"/>.</summary>
    private bool IsTooDeep(PathSyntax target)
    {
        if (target.Segments.Count <= MaxTargetDepth) return false;
        _bag.Report(D.SyntaxError, target.Span, "The target is nested too deeply (more than " + Count(MaxTargetDepth) + " levels)");
        return true;
    }

    private static bool EndsWithWildcard(PathSyntax path)
        => path.Segments.Count > 0 && path.Segments[path.Segments.Count - 1].Kind == PathSegmentKind.Wildcard;

    /// <summary>The path of a catch-all source (<c>properties.*</c>, <c>* matching "…"</c>), or null.</summary>
    private static PathSyntax? CatchAllPath(ExpressionSyntax? source) => source switch
    {
        PathSyntax path when EndsWithWildcard(path) => path,
        MatchingSyntax { Operand: PathSyntax path } when EndsWithWildcard(path) => path,
        _ => null,
    };

    /// <summary>
    /// <c>custom_fields &lt;- properties.*</c>: every key of the object not read by another row;
    /// with <paramref name="matching"/> (<c>properties.* matching "…"</c>) only the keys its
    /// pattern matches.
    /// </summary>
    private BoundExpression BindCatchAll(PathSyntax path, MatchingSyntax? matching, BindingScope scope, CrmType type)
    {
        if (scope.Kind != ScopeKind.Read) return BindValue((ExpressionSyntax?)matching ?? path, scope, type, SyntaxText.Path(path));
        string? pattern = null;
        if (matching is not null)
        {
            pattern = CheckKeyPattern(matching.Pattern);
            if (pattern is null) return ErrorExpression;
        }
        var steps = new List<JsonPathStep>();
        var segments = path.Segments;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case PathSegmentKind.Current when i == 0:
                    if (!scope.InEach)
                    {
                        _bag.Report(D.NotAllowedHere, segment.Span, "'$'", "outside 'each'; it is the current element of a projection");
                        return ErrorExpression;
                    }
                    break;
                case PathSegmentKind.Record when i == 0:
                    _bag.Report(D.RecordReferenceOutOfPlace, segment.Span, "in a catch-all", "; a catch-all collects the keys of the record or element it is in");
                    return ErrorExpression;
                case PathSegmentKind.Name when i == 0 && !SyntaxText.IsQuoted(segment) && segment.Name is "context" or "credentials":
                    _bag.Report(D.NotAllowedHere, path.Span, "'" + SyntaxText.Path(path) + "'", "as a catch-all; '" + segment.Name + "' names account values, not provider data (a provider field of that name is written \"" + segment.Name + "\")");
                    return ErrorExpression;
                case PathSegmentKind.Name:
                    if (segment.Name.Length == 0) return ErrorExpression;
                    steps.Add(new JsonPathStep(JsonPathStepKind.Property, segment.Name, 0));
                    break;
                case PathSegmentKind.Index:
                    steps.Add(new JsonPathStep(JsonPathStepKind.Index, "", segment.Index));
                    break;
                default:
                    _bag.Report(D.NotAllowedHere, segment.Span, SegmentDescription(segment), "inside a catch-all path; '*' ends it, as in 'properties.*'");
                    return ErrorExpression;
            }
        }
        return new BoundCatchAll(steps.ToEquatableArray(), EquatableArray<string>.Empty, type, pattern);
    }

    /// <summary>
    /// The pattern of <c>matching</c> when it can filter keys; null (reported as CRM0030 when it
    /// is invalid; the parser reported a missing one) otherwise.
    /// </summary>
    private string? CheckKeyPattern(StringLiteralSyntax? pattern)
    {
        if (pattern is null) return null;
        var problem = KeyPattern.Problem(pattern.Value);
        if (problem is null) return pattern.Value;
        _bag.Report(D.InvalidKeyPattern, pattern.Span, pattern.Value, problem);
        return null;
    }

    /// <summary>
    /// <c>x matching "…"</c> anywhere but as the source of a custom-field field. The pattern is
    /// still checked, and the operand bound for its own errors; on anything but a catch-all,
    /// 'matching' is CRM0029 and the value an error (no type mismatch follows), while a catch-all
    /// in the wrong place reports its own '*' error.
    /// </summary>
    private BoundExpression BindMisplacedMatching(MatchingSyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        CheckKeyPattern(syntax.Pattern);
        var operand = syntax.Operand is null ? ErrorExpression : BindCore(syntax.Operand, scope, expected, what);
        if (syntax.Operand is not PathSyntax path || !EndsWithWildcard(path))
        {
            var end = syntax.Pattern?.Span.End ?? syntax.Keyword.Span.End;
            var hint = syntax.Operand is PathSyntax { Segments.Count: > 0 } other && scope.Kind == ScopeKind.Read
                       && !(other.Segments[0].Kind == PathSegmentKind.Name && !SyntaxText.IsQuoted(other.Segments[0]) && other.Segments[0].Name is "context" or "credentials")
                ? "; to collect the keys of '" + SyntaxText.Path(other) + "', write '" + SyntaxText.Path(other) + ".* matching …' as the source of custom_fields"
                : "";
            _bag.Report(D.KeyPatternWithoutCatchAll, TextSpan.FromBounds(syntax.Keyword.Span.Start, end), "'" + Describe(syntax.Operand!) + "'", hint);
            return ErrorExpression;
        }
        return operand;
    }

    // ---- write --------------------------------------------------------------------------

    /// <summary>Binds write rows (and the write side of two-way rows) into one provider JSON object.</summary>
    private BoundJsonObject BindWriteRows(IReadOnlyList<Row> rows, BindingScope scope, string where)
    {
        var builder = new JsonObjectBuilder();
        foreach (var row in rows)
        {
            var syntax = row.Syntax;
            if (syntax?.Target is null || syntax.Source is null) continue;
            if (row.TwoWay)
            {
                BindTwoWayWrite(syntax, builder, scope);
                continue;
            }

            CheckArrow(syntax, false, where);
            var keys = ProviderTargetKeys(syntax.Target, out var spread);
            var targetText = SyntaxText.Path(syntax.Target);
            var value = BindValue(syntax.Source, scope, null, targetText);
            if (keys is null) continue;
            AddWriteMember(builder, keys, spread, value, syntax.Target, syntax.Source, where);
        }
        return builder.Build();
    }

    private void AddWriteMember(JsonObjectBuilder builder, List<string> keys, bool spread, BoundExpression value, PathSyntax target, ExpressionSyntax source, string where)
    {
        var targetText = SyntaxText.Path(target);
        if (spread)
        {
            if (value.Type.Kind is not (CrmTypeKind.CustomFields or CrmTypeKind.Error or CrmTypeKind.Null))
            {
                _bag.Report(D.TypeMismatch, source.Span, targetText, "Dictionary<string, object?>", value.Type.DisplayName,
                    "; a spread writes the entries of the custom-field dictionary, as in 'properties.* <- custom_fields'");
            }
            if (!builder.TryAddSpread(keys, value)) _bag.Report(D.DuplicateMapping, target.Span, targetText, where);
            return;
        }

        value = CheckWritable(value, targetText, source);
        if (!builder.TryAdd(keys, value)) _bag.Report(D.DuplicateMapping, target.Span, targetText, where);
    }

    /// <summary>
    /// The keys of a write target (<c>properties.email</c> → properties, email); a trailing
    /// <c>*</c> makes it a spread. Null (reported) for indexes, <c>$</c> or a <c>*</c> elsewhere.
    /// </summary>
    private List<string>? ProviderTargetKeys(PathSyntax target, out bool spread)
    {
        spread = false;
        if (IsTooDeep(target)) return null;
        var keys = new List<string>();
        var segments = target.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case PathSegmentKind.Name:
                    if (segment.Name.Length == 0) return null;
                    keys.Add(segment.Name);
                    break;
                case PathSegmentKind.Wildcard when i == segments.Count - 1:
                    spread = true;
                    break;
                default:
                    _bag.Report(D.NotAllowedHere, segment.Span, SegmentDescription(segment), "in a write target; a target names provider keys such as 'properties.email' (or 'properties.*' for custom fields)");
                    return null;
            }
        }
        return keys.Count == 0 && !spread ? null : keys;
    }

    /// <summary>Reports a value a JSON body cannot hold as it is (a model, a list of models, the custom-field dictionary).</summary>
    private BoundExpression CheckWritable(BoundExpression value, string targetText, ExpressionSyntax source)
    {
        var type = value.Type;
        string? hint = type.Kind switch
        {
            CrmTypeKind.Model => "; write its fields with an object '{ … }'",
            CrmTypeKind.List when type.Element is { Kind: CrmTypeKind.Model or CrmTypeKind.List or CrmTypeKind.CustomFields } => "; write its elements with '" + SyntaxText.Short(source) + " each { … }'",
            CrmTypeKind.CustomFields => "; spread it with '" + targetText + ".* <- " + SyntaxText.Short(source) + "'",
            CrmTypeKind.RemoteData => "",
            _ => null,
        };
        if (hint is not null) _bag.Report(D.TypeMismatch, source.Span, targetText, "a JSON value", type.DisplayName, hint);
        return value;
    }

    // ---- two-way ------------------------------------------------------------------------

    /// <summary>
    /// The write side of <c>unified &lt;-&gt; provider</c>: the provider expression must be
    /// invertible (a path, <c>path as conversion</c>, <c>path via table</c>,
    /// <c>path each { two-way rows }</c>, <c>path each $</c> or <c>path.*</c>); the unified
    /// field is written to that path, converted, looked up backwards, or projected.
    /// </summary>
    private void BindTwoWayWrite(MappingSyntax row, JsonObjectBuilder builder, BindingScope scope)
    {
        if (_depth >= MaxDepth) return; // the read side of the row reported the depth
        _depth++;
        try
        {
            BindTwoWayWriteCore(row, builder, scope);
        }
        finally
        {
            _depth--;
        }
    }

    private void BindTwoWayWriteCore(MappingSyntax row, JsonObjectBuilder builder, BindingScope scope)
    {
        var unifiedSyntax = row.Target;
        var providerSyntax = row.Source;
        if (providerSyntax is MissingExpressionSyntax || unifiedSyntax.Segments.Count == 0) return;

        if (_rowsWithReadErrors.Contains(row.Span))
        {
            // Already wrong on the read side; still count the field as written for 'requires'.
            if (scope.TrackReads && unifiedSyntax.Segments[0] is { Kind: PathSegmentKind.Name } first) _fieldsReadByWrite.Add(first.Name);
            return;
        }

        // A key pattern filters what is read; on the write side every entry is written (the read
        // side reports 'matching' on anything but a catch-all).
        if (providerSyntax is MatchingSyntax matching)
        {
            if (CatchAllPath(matching) is not { } catchAllPath) return;
            providerSyntax = catchAllPath;
        }

        // '$$' on either side of a two-way row: the read side reported it (CRM0035).
        if (StartsWithRecord(unifiedSyntax) || StartsWithRecord(OperandPath(providerSyntax))) return;

        var providerPath = providerSyntax switch
        {
            PathSyntax path => path,
            ConversionSyntax { Operand: PathSyntax path } => path,
            EnumLookupSyntax { Operand: PathSyntax path } => path,
            ProjectionSyntax { Source: PathSyntax path } => path,
            _ => null,
        };
        if (providerPath is null || !IsInvertibleTarget(providerPath))
        {
            _bag.Report(D.NotAllowedHere, providerSyntax.Span, "The computed provider side '" + Describe(providerSyntax) + "'",
                "in map; a two-way row needs a path, 'path as conversion', 'path via table', 'path each { … }' or 'path.*' (use separate read and write rows)");
            return;
        }

        var unified = BindValue(unifiedSyntax, scope, null, SyntaxText.Path(unifiedSyntax));
        if (unified.Type.Kind == CrmTypeKind.Error) return;

        BoundExpression value;
        switch (providerSyntax)
        {
            case ConversionSyntax conversion:
                if (IsMissing(conversion.Conversion) || !TryGetConversion(conversion.Conversion.Text, out var kind)) return;
                value = BindWriteConversion(unified, kind, conversion.Conversion.Text, unifiedSyntax);
                break;

            case EnumLookupSyntax lookup:
                if (IsMissing(lookup.Table) || !_enums.TryGetValue(lookup.Table.Text, out var table)) return;
                if (!table.IsInvertible)
                {
                    _bag.Report(D.EnumTableNotInvertible, lookup.Table.Span, table.Name, RepeatedTarget(table) ?? "");
                }
                value = new BoundEnumLookup(unified, table.Name, Inverse: true);
                break;

            case ProjectionSyntax projection:
                if (unified.Type.Kind != CrmTypeKind.List) return;
                var elementType = unified.Type.Element ?? CrmType.Error;
                var elementScope = scope with { InEach = true, Current = elementType, TrackReads = false };
                BoundExpression element;
                if (projection.Element is ObjectSyntax { Block: not null } elementObject)
                {
                    var rows = elementObject.Block.Mappings.Where(m => m is not null).Select(m => new Row(m, twoWay: true)).ToList();
                    element = BindWriteRows(rows, elementScope, "write");
                }
                else if (projection.Element is PathSyntax { Segments.Count: 1 } current && current.Segments[0].Kind == PathSegmentKind.Current)
                {
                    element = new BoundUnifiedPath(EquatableArray<UnifiedPathStep>.Empty, elementType);
                }
                else
                {
                    if (projection.Element is not (null or MissingExpressionSyntax))
                    {
                        _bag.Report(D.NotAllowedHere, projection.Element.Span, "The computed element '" + Describe(projection.Element) + "'",
                            "in map; a two-way 'each' projects '{ two-way rows }' or '$'");
                    }
                    return;
                }
                value = new BoundProjection(unified, element, IsScalar(element.Type) ? ListOf(element.Type) : CrmType.Json);
                break;

            default:
                value = unified;
                break;
        }

        var keys = ProviderTargetKeys(providerPath, out var spread);
        if (keys is null) return;
        if (spread && unified.Type.Kind != CrmTypeKind.CustomFields) return; // the read side reports it
        AddWriteMember(builder, keys, spread, value, providerPath, unifiedSyntax, "write");
    }

    private static bool StartsWithRecord(PathSyntax? path) => path is { Segments.Count: > 0 } && path.Segments[0].Kind == PathSegmentKind.Record;

    /// <summary>The path a two-way provider side is built on (<c>path</c>, <c>path as x</c>, <c>path via t</c>, <c>path each …</c>), or null.</summary>
    private static PathSyntax? OperandPath(ExpressionSyntax? syntax) => syntax switch
    {
        PathSyntax path => path,
        ConversionSyntax { Operand: PathSyntax path } => path,
        EnumLookupSyntax { Operand: PathSyntax path } => path,
        ProjectionSyntax { Source: PathSyntax path } => path,
        _ => null,
    };

    /// <summary>A provider path that can be written to: names only (a trailing '*' spreads), not the account's context or credentials.</summary>
    private static bool IsInvertibleTarget(PathSyntax path)
    {
        var segments = path.Segments;
        if (segments.Count == 0) return false;
        var first = segments[0];
        if (first.Kind == PathSegmentKind.Name && !SyntaxText.IsQuoted(first) && first.Name is "context" or "credentials") return false;
        for (var i = 0; i < segments.Count; i++)
        {
            var kind = segments[i].Kind;
            if (kind == PathSegmentKind.Name) continue;
            if (kind == PathSegmentKind.Wildcard && i == segments.Count - 1) continue;
            return false;
        }
        return true;
    }

    private static string SegmentDescription(PathSegmentSyntax segment) => segment.Kind switch
    {
        PathSegmentKind.Index => "An index ('[" + segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]')",
        PathSegmentKind.Wildcard => "'*'",
        PathSegmentKind.Current => "'$'",
        PathSegmentKind.Record => "'$$'",
        _ => "'" + segment.Name + "'",
    };

    /// <summary>A short description of an expression for messages (deep operands are elided).</summary>
    private static string Describe(ExpressionSyntax expression, int depth = 0) => depth > 3 ? "…" : expression switch
    {
        PathSyntax path => SyntaxText.Path(path),
        LiteralSyntax { Kind: LiteralKind.String } literal => "\"" + literal.Value + "\"",
        LiteralSyntax literal => literal.Value,
        InterpolatedStringSyntax => "\"…\"",
        CallSyntax { IsHook: true } call => "@" + call.Name?.Text + "(…)",
        CallSyntax call => call.Name?.Text + "(…)",
        BinarySyntax binary => Describe(binary.Left, depth + 1) + " " + OperatorText(binary.Operator) + " " + Describe(binary.Right, depth + 1),
        ConversionSyntax conversion => Describe(conversion.Operand, depth + 1) + " as " + conversion.Conversion?.Text,
        EnumLookupSyntax lookup => Describe(lookup.Operand, depth + 1) + " via " + lookup.Table?.Text,
        MatchingSyntax matching => Describe(matching.Operand, depth + 1) + " matching \"" + matching.Pattern?.Value + "\"",
        ProjectionSyntax projection => Describe(projection.Source, depth + 1) + " each …",
        ConditionalSyntax => "if …",
        NotSyntax not => "!" + Describe(not.Operand, depth + 1),
        ArraySyntax => "[ … ]",
        ObjectSyntax => "{ … }",
        _ => "…",
    };

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Coalesce => "??",
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        _ => "!=",
    };
}
