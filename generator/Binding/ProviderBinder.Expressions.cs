using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Expressions, bound with target typing: the expected type flows down into <c>??</c>,
/// conditions, arrays, projections and objects, so a provider value is read as the type of the
/// field it lands in.
/// </summary>
internal sealed partial class ProviderBinder
{
    private const int MaxDepth = 200;
    private static readonly string[] BuiltinNames = { "split", "join", "lower", "upper", "trim", "exists", "first", "min", "max" };
    private static readonly string[] ConversionNames = { "datetime", "date", "epoch_s", "epoch_ms", "decimal", "cents", "int", "string", "bool" };
    private static readonly CrmType ListOfString = ListOf(CrmType.String);

    private int _depth;

    /// <summary>
    /// Binds <paramref name="syntax"/> as a value of <paramref name="expected"/> (null: of its own
    /// type). Never returns a bare <see cref="BoundProviderPath"/>: a provider value is read as the
    /// expected scalar type (string when nothing is expected). <paramref name="what"/> names the
    /// target in a type-mismatch message.
    /// </summary>
    private BoundExpression BindValue(ExpressionSyntax? syntax, BindingScope scope, CrmType? expected, string what)
    {
        if (syntax is null) return ErrorExpression;
        var bound = BindCore(syntax, scope, expected, what);
        return Coerce(bound, expected, syntax, what);
    }

    /// <summary>Binds an expression; a path in read scope stays a bare <see cref="BoundProviderPath"/>.</summary>
    private BoundExpression BindCore(ExpressionSyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        _ct.ThrowIfCancellationRequested();
        if (_depth >= MaxDepth)
        {
            _bag.Report(D.SyntaxError, syntax.Span, "The expression is nested too deeply; split it up");
            return ErrorExpression;
        }

        _depth++;
        try
        {
            return syntax switch
            {
                LiteralSyntax literal => BindLiteral(literal, expected),
                InterpolatedStringSyntax interpolation => BindInterpolation(interpolation, scope),
                PathSyntax path => BindPath(path, scope),
                BinarySyntax binary => BindBinary(binary, scope, expected, what),
                NotSyntax not => new BoundNot(BindValue(not.Operand, scope, CrmType.Boolean, "The operand of '!'")),
                ConditionalSyntax conditional => BindConditional(conditional, scope, expected, what),
                ConversionSyntax conversion => BindConversion(conversion, scope, expected),
                EnumLookupSyntax lookup => BindEnumLookup(lookup, scope),
                MatchingSyntax matching => BindMisplacedMatching(matching, scope, expected, what),
                ProjectionSyntax projection => BindProjection(projection, scope, expected, what),
                CallSyntax { IsHook: true } hook => BindHook(hook, scope),
                CallSyntax call => BindBuiltin(call, scope, expected),
                ArraySyntax array => BindArray(array, scope, expected, what),
                ObjectSyntax obj => BindObject(obj, scope, expected, what),
                _ => ErrorExpression,
            };
        }
        finally
        {
            _depth--;
        }
    }

    // ---- literals and paths -------------------------------------------------------------

    private static BoundExpression BindLiteral(LiteralSyntax literal, CrmType? expected)
    {
        switch (literal.Kind)
        {
            case LiteralKind.String:
                return new BoundLiteral(LiteralKind.String, literal.Value, CrmType.String);
            case LiteralKind.Number:
                var isInteger = literal.Value.IndexOf('.') < 0;
                var type = expected?.Kind switch
                {
                    CrmTypeKind.Integer when isInteger => expected,
                    CrmTypeKind.Decimal or CrmTypeKind.Double => expected,
                    _ => isInteger ? CrmType.Long : CrmType.Decimal,
                };
                return new BoundLiteral(LiteralKind.Number, literal.Value, type);
            case LiteralKind.True:
            case LiteralKind.False:
                return new BoundLiteral(literal.Kind, literal.Value, CrmType.Boolean);
            default:
                return new BoundLiteral(LiteralKind.Null, literal.Value, CrmType.Null);
        }
    }

    private BoundExpression BindInterpolation(InterpolatedStringSyntax syntax, BindingScope scope)
    {
        var parts = ImmutableArray.CreateBuilder<BoundExpression>();
        foreach (var part in syntax.Parts)
        {
            if (part is null) continue;
            if (part.Expression is not null)
            {
                var value = BindValue(part.Expression, scope, null, "An interpolation hole");
                if (!IsScalar(value.Type) && value.Type.Kind is not (CrmTypeKind.Json or CrmTypeKind.Null or CrmTypeKind.Error))
                {
                    _bag.Report(D.TypeMismatch, part.Expression.Span, "An interpolation hole", "string", value.Type.DisplayName, Hint(CrmType.String, value.Type, part.Expression));
                }
                parts.Add(value);
            }
            else if (part.Text is not null)
            {
                parts.Add(new BoundLiteral(LiteralKind.String, part.Text, CrmType.String));
            }
        }
        return new BoundInterpolation(parts.ToImmutable());
    }

    private BoundExpression BindPath(PathSyntax path, BindingScope scope)
    {
        var segments = path.Segments;
        if (segments.Count == 0) return ErrorExpression;
        var first = segments[0];
        if (first.Kind == PathSegmentKind.Name && first.Name.Length == 0) return ErrorExpression;
        if (first.Kind == PathSegmentKind.Record) return BindRecordReference(path, scope);
        if (first.Kind == PathSegmentKind.Name && !SyntaxText.IsQuoted(first) && first.Name is "context" or "credentials")
        {
            return BindAccountValue(path, scope);
        }

        switch (scope.Kind)
        {
            case ScopeKind.Settings:
                _bag.Report(D.NotAllowedHere, path.Span, "The provider path '" + SyntaxText.Path(path) + "'",
                    "in " + scope.Where + "; settings use literals, context.NAME" + (scope.AllowCredentials ? " and credentials.NAME" : ""));
                return ErrorExpression;
            case ScopeKind.Read:
                return BindProviderPath(path, scope);
            default:
                return BindUnifiedPath(path, scope);
        }
    }

    /// <summary><c>context.NAME</c> and <c>credentials.NAME</c>.</summary>
    private BoundExpression BindAccountValue(PathSyntax path, BindingScope scope)
    {
        var segments = path.Segments;
        var isContext = segments[0].Name == "context";
        if (segments.Count >= 2 && segments[1].Kind == PathSegmentKind.Name && segments[1].Name.Length == 0) return ErrorExpression;
        if (segments.Count != 2 || segments[1].Kind != PathSegmentKind.Name)
        {
            _bag.Report(D.NotAllowedHere, path.Span, "'" + SyntaxText.Path(path) + "'", isContext
                ? "here; a context value is written 'context.NAME' (a provider field named context is written \"context\")"
                : "here; a secret is written 'credentials.NAME' (a provider field named credentials is written \"credentials\")");
            return ErrorExpression;
        }

        var name = segments[1].Name;
        if (isContext)
        {
            if (!_contexts.ContainsKey(name))
            {
                _bag.Report(D.UnknownContextValue, segments[1].Span, name, NameSuggestion.Hint(name, _contextList.Select(c => c.Name)));
                return ErrorExpression;
            }
            return new BoundContextReference(name);
        }

        if (!scope.AllowCredentials)
        {
            _bag.Report(D.NotAllowedHere, path.Span, "The credential 'credentials." + name + "'", "in " + scope.Where + "; secrets may only appear in auth and headers");
            return ErrorExpression;
        }
        _credentials.Add(name);
        return new BoundCredential(name);
    }

    /// <summary>Read scope: a JSON path in the record (or, after <c>$</c> or inside <c>each</c>, the element).</summary>
    private BoundExpression BindProviderPath(PathSyntax path, BindingScope scope)
    {
        var steps = new List<JsonPathStep>();
        var index = 0;
        foreach (var segment in path.Segments)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Current when index == 0:
                    // Outside 'each', '$' is the record itself: '$[0].message' reads a body that is an array.
                    if (!scope.InEach && path.Segments.Count == 1)
                    {
                        _bag.Report(D.NotAllowedHere, segment.Span, "'$'", "alone outside 'each'; it is the current element of a projection (write '$[0].x' to start a path at the record itself)");
                        return ErrorExpression;
                    }
                    break;
                case PathSegmentKind.Name:
                    if (segment.Name.Length == 0) return ErrorExpression;
                    steps.Add(new JsonPathStep(JsonPathStepKind.Property, segment.Name, 0));
                    break;
                case PathSegmentKind.Index:
                    steps.Add(new JsonPathStep(JsonPathStepKind.Index, "", segment.Index));
                    break;
                case PathSegmentKind.Wildcard:
                    _bag.Report(D.NotAllowedHere, segment.Span, "'*'", "here; it is the custom-field catch-all, as in 'custom_fields <- properties.*'");
                    return ErrorExpression;
                default:
                    _bag.Report(D.NotAllowedHere, segment.Span, "'$'", "inside a path; it can only start one");
                    return ErrorExpression;
            }
            index++;
        }
        return new BoundProviderPath(steps.ToEquatableArray());
    }

    /// <summary>Write scope: a member chain over the unified input (or the element inside <c>each</c>).</summary>
    private BoundExpression BindUnifiedPath(PathSyntax path, BindingScope scope)
    {
        var segments = path.Segments;
        var startsWithCurrent = segments[0].Kind == PathSegmentKind.Current;
        if (startsWithCurrent && !scope.InEach)
        {
            _bag.Report(D.NotAllowedHere, segments[0].Span, "'$'", "outside 'each'; it is the current element of a projection");
            return ErrorExpression;
        }

        if (!startsWithCurrent && IsPageParameter(path) && BindPageParameter(path, scope) is { } pageParameter) return pageParameter;

        var current = scope.Current;
        if (current is null)
        {
            _bag.Report(D.NotAllowedHere, path.Span, "The unified field '" + SyntaxText.Path(path) + "'",
                "in a " + scope.OperationKind + " operation; it has no unified input");
            return ErrorExpression;
        }
        if (current.Kind == CrmTypeKind.Error) return ErrorExpression;

        var steps = new List<UnifiedPathStep>();
        for (var i = startsWithCurrent ? 1 : 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case PathSegmentKind.Name:
                    if (segment.Name.Length == 0) return ErrorExpression;
                    var model = _facts.ModelOf(current);
                    if (model is null)
                    {
                        _bag.Report(D.UnknownUnifiedField, segment.Span, segment.Name, current.DisplayName, "");
                        return ErrorExpression;
                    }
                    var property = ResolveField(segment, model);
                    if (property is null) return ErrorExpression;
                    if (scope.TrackReads && i == 0) _fieldsReadByWrite.Add(property.WireName);
                    steps.Add(new UnifiedPathStep(UnifiedStepKind.Property, property.PropertyName, 0, property.Type));
                    current = property.Type;
                    break;
                case PathSegmentKind.Index:
                    if (current.Kind != CrmTypeKind.List || current.Element is null)
                    {
                        _bag.Report(D.NotAllowedHere, segment.Span, SegmentDescription(segment), "on " + current.DisplayName + "; only a list has elements");
                        return ErrorExpression;
                    }
                    current = current.Element;
                    steps.Add(new UnifiedPathStep(UnifiedStepKind.Index, "", segment.Index, current));
                    break;
                case PathSegmentKind.Wildcard:
                    _bag.Report(D.NotAllowedHere, segment.Span, "'*'", "in a unified value; custom fields are written with 'properties.* <- custom_fields'");
                    return ErrorExpression;
                default:
                    _bag.Report(D.NotAllowedHere, segment.Span, "'$'", "inside a path; it can only start one");
                    return ErrorExpression;
            }
        }
        return new BoundUnifiedPath(steps.ToEquatableArray(), current);
    }

    // ---- operators ----------------------------------------------------------------------

    private BoundExpression BindBinary(BinarySyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        switch (syntax.Operator)
        {
            case BinaryOperator.Coalesce:
                var left = BindValue(syntax.Left, scope, expected, what);
                var right = BindValue(syntax.Right, scope, expected ?? NaturalExpectation(left.Type), what);
                var type = expected ?? (left.Type.Kind == CrmTypeKind.Null ? right.Type : left.Type);
                return new BoundBinary(BinaryOperator.Coalesce, left, right, type);

            case BinaryOperator.And:
            case BinaryOperator.Or:
                var op = syntax.Operator == BinaryOperator.And ? "&&" : "||";
                return new BoundBinary(
                    syntax.Operator,
                    BindValue(syntax.Left, scope, CrmType.Boolean, "The left side of '" + op + "'"),
                    BindValue(syntax.Right, scope, CrmType.Boolean, "The right side of '" + op + "'"),
                    CrmType.Boolean);

            default:
                return BindEquality(syntax, scope);
        }
    }

    private BoundExpression BindEquality(BinarySyntax syntax, BindingScope scope)
    {
        var op = syntax.Operator == BinaryOperator.Equal ? "==" : "!=";
        var left = syntax.Left is null ? ErrorExpression : BindCore(syntax.Left, scope, null, "The left side of '" + op + "'");
        var right = syntax.Right is null ? ErrorExpression : BindCore(syntax.Right, scope, null, "The right side of '" + op + "'");

        // A provider value is read as the type of the other side.
        if (left is BoundProviderPath && right is BoundProviderPath)
        {
            left = Coerce(left, CrmType.String, syntax.Left!, "");
            right = Coerce(right, CrmType.String, syntax.Right!, "");
        }
        else if (left is BoundProviderPath)
        {
            left = Coerce(left, ComparisonType(right.Type), syntax.Left!, "The left side of '" + op + "'");
        }
        else if (right is BoundProviderPath)
        {
            right = Coerce(right, ComparisonType(left.Type), syntax.Right!, "The right side of '" + op + "'");
        }

        if (!Comparable(left.Type, right.Type))
        {
            _bag.Report(D.TypeMismatch, syntax.Right!.Span, "The right side of '" + op + "'", left.Type.DisplayName, right.Type.DisplayName, "");
        }
        return new BoundBinary(syntax.Operator, left, right, CrmType.Boolean);
    }

    private static CrmType ComparisonType(CrmType other)
        => IsScalar(other) || other.Kind == CrmTypeKind.Error ? other : CrmType.String;

    private static bool Comparable(CrmType a, CrmType b)
    {
        if (a.Kind is CrmTypeKind.Error or CrmTypeKind.Null || b.Kind is CrmTypeKind.Error or CrmTypeKind.Null) return true;
        if (IsNumeric(a) && IsNumeric(b)) return true;
        return IsScalar(a) && a.Kind == b.Kind;
    }

    private BoundExpression BindConditional(ConditionalSyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        var condition = BindValue(syntax.Condition, scope, CrmType.Boolean, "The condition of 'if'");
        var whenTrue = BindValue(syntax.WhenTrue, scope, expected, what);
        var whenFalse = syntax.WhenFalse is null ? null : BindValue(syntax.WhenFalse, scope, expected ?? NaturalExpectation(whenTrue.Type), what);
        var type = expected ?? (whenTrue.Type.Kind == CrmTypeKind.Null && whenFalse is not null ? whenFalse.Type : whenTrue.Type);
        return new BoundConditional(condition, whenTrue, whenFalse, type);
    }

    /// <summary>The type the second branch of <c>??</c> or <c>if</c> should have when nothing else is expected.</summary>
    private static CrmType? NaturalExpectation(CrmType type)
        => type.Kind is CrmTypeKind.Null or CrmTypeKind.Json ? null : type;

    // ---- conversions and tables ---------------------------------------------------------

    private static bool TryGetConversion(string name, out ConversionKind kind)
    {
        switch (name)
        {
            case "datetime": kind = ConversionKind.IsoDateTime; return true;
            case "date": kind = ConversionKind.IsoDate; return true;
            case "epoch_s": kind = ConversionKind.EpochSeconds; return true;
            case "epoch_ms": kind = ConversionKind.EpochMilliseconds; return true;
            case "decimal": kind = ConversionKind.Decimal; return true;
            case "cents": kind = ConversionKind.Cents; return true;
            case "int": kind = ConversionKind.Integer; return true;
            case "string": kind = ConversionKind.String; return true;
            case "bool": kind = ConversionKind.Boolean; return true;
            default: kind = default; return false;
        }
    }

    private BoundExpression BindConversion(ConversionSyntax syntax, BindingScope scope, CrmType? expected)
    {
        var name = syntax.Conversion?.Text ?? "";
        if (IsMissing(syntax.Conversion))
        {
            BindValue(syntax.Operand, scope, null, "The operand of 'as'");
            return ErrorExpression;
        }
        if (!TryGetConversion(name, out var kind))
        {
            _bag.Report(D.UnknownConversion, syntax.Conversion!.Span, name, NameSuggestion.Hint(name, ConversionNames));
            BindValue(syntax.Operand, scope, null, "The operand of 'as " + name + "'");
            return ErrorExpression;
        }

        if (scope.Kind == ScopeKind.Write)
        {
            var operand = BindValue(syntax.Operand, scope, null, "The operand of 'as " + name + "'");
            return BindWriteConversion(operand, kind, name, syntax.Operand);
        }
        return BindReadConversion(syntax.Operand, kind, name, scope, ReadResultType(kind, expected));
    }

    private static CrmType ReadResultType(ConversionKind kind, CrmType? expected) => kind switch
    {
        ConversionKind.IsoDateTime or ConversionKind.IsoDate or ConversionKind.EpochSeconds or ConversionKind.EpochMilliseconds => CrmType.DateTime,
        ConversionKind.Decimal or ConversionKind.Cents => CrmType.Decimal,
        ConversionKind.Integer => expected is { Kind: CrmTypeKind.Integer } ? expected : CrmType.Long,
        ConversionKind.String => CrmType.String,
        _ => CrmType.Boolean,
    };

    /// <summary>
    /// Read scope: provider value → unified type. A conversion of <c>a ?? b</c> or of
    /// <c>if … then a else b</c> converts each branch, so every provider path is read once, by
    /// the conversion.
    /// </summary>
    private BoundExpression BindReadConversion(ExpressionSyntax? operandSyntax, ConversionKind kind, string name, BindingScope scope, CrmType resultType)
    {
        if (operandSyntax is not null && _depth >= MaxDepth)
        {
            _bag.Report(D.SyntaxError, operandSyntax.Span, "The expression is nested too deeply; split it up");
            return ErrorExpression;
        }

        _depth++;
        try
        {
            return BindReadConversionCore(operandSyntax, kind, name, scope, resultType);
        }
        finally
        {
            _depth--;
        }
    }

    private BoundExpression BindReadConversionCore(ExpressionSyntax? operandSyntax, ConversionKind kind, string name, BindingScope scope, CrmType resultType)
    {
        switch (operandSyntax)
        {
            case null or MissingExpressionSyntax:
                return ErrorExpression;
            case BinarySyntax { Operator: BinaryOperator.Coalesce } coalesce:
                return new BoundBinary(
                    BinaryOperator.Coalesce,
                    BindReadConversion(coalesce.Left, kind, name, scope, resultType),
                    BindReadConversion(coalesce.Right, kind, name, scope, resultType),
                    resultType);
            case ConditionalSyntax conditional:
                return new BoundConditional(
                    BindValue(conditional.Condition, scope, CrmType.Boolean, "The condition of 'if'"),
                    BindReadConversion(conditional.WhenTrue, kind, name, scope, resultType),
                    conditional.WhenFalse is null ? null : BindReadConversion(conditional.WhenFalse, kind, name, scope, resultType),
                    resultType);
            case LiteralSyntax { Kind: LiteralKind.Null } nullLiteral:
                return BindLiteral(nullLiteral, null);
        }

        var what = "The operand of 'as " + name + "'";
        var raw = BindCore(operandSyntax, scope, null, what);
        if (raw is BoundProviderPath path) return new BoundConversion(path, kind, ConversionDirection.ToUnified, resultType);
        var operand = Coerce(raw, null, operandSyntax, what);
        if (!AcceptsReadOperand(kind, operand.Type))
        {
            _bag.Report(D.TypeMismatch, operandSyntax.Span, what, AcceptedOperands(kind, read: true), operand.Type.DisplayName, "");
        }
        return new BoundConversion(operand, kind, ConversionDirection.ToUnified, resultType);
    }

    /// <summary>
    /// Write scope: unified value → provider JSON. The result is string-typed for <c>string</c>,
    /// <c>datetime</c> and <c>date</c> (text) and JSON-typed otherwise.
    /// </summary>
    private BoundExpression BindWriteConversion(BoundExpression operand, ConversionKind kind, string name, ExpressionSyntax? operandSyntax)
    {
        if (!AcceptsWriteOperand(kind, operand.Type) && operandSyntax is not null)
        {
            _bag.Report(D.TypeMismatch, operandSyntax.Span, "The operand of 'as " + name + "'", AcceptedOperands(kind, read: false), operand.Type.DisplayName, "");
        }
        var type = kind is ConversionKind.String or ConversionKind.IsoDateTime or ConversionKind.IsoDate ? CrmType.String : CrmType.Json;
        return new BoundConversion(operand, kind, ConversionDirection.ToProvider, type);
    }

    private static readonly CrmTypeKind[] AnyScalar = { CrmTypeKind.String, CrmTypeKind.Integer, CrmTypeKind.Decimal, CrmTypeKind.Double, CrmTypeKind.Boolean, CrmTypeKind.DateTime };

    private static CrmTypeKind[] ReadOperands(ConversionKind kind) => kind switch
    {
        ConversionKind.IsoDateTime or ConversionKind.IsoDate => new[] { CrmTypeKind.String, CrmTypeKind.DateTime },
        ConversionKind.EpochSeconds or ConversionKind.EpochMilliseconds => new[] { CrmTypeKind.Integer, CrmTypeKind.String, CrmTypeKind.Decimal, CrmTypeKind.Double },
        ConversionKind.Decimal or ConversionKind.Integer => new[] { CrmTypeKind.String, CrmTypeKind.Integer, CrmTypeKind.Decimal, CrmTypeKind.Double },
        ConversionKind.Cents => new[] { CrmTypeKind.Integer, CrmTypeKind.String, CrmTypeKind.Decimal },
        ConversionKind.String => AnyScalar,
        _ => new[] { CrmTypeKind.String, CrmTypeKind.Boolean },
    };

    private static CrmTypeKind[] WriteOperands(ConversionKind kind) => kind switch
    {
        ConversionKind.IsoDateTime or ConversionKind.IsoDate or ConversionKind.EpochSeconds or ConversionKind.EpochMilliseconds => new[] { CrmTypeKind.DateTime },
        ConversionKind.Decimal or ConversionKind.Cents or ConversionKind.Integer => new[] { CrmTypeKind.Decimal, CrmTypeKind.Integer, CrmTypeKind.Double },
        ConversionKind.String => AnyScalar,
        _ => new[] { CrmTypeKind.Boolean },
    };

    private static bool AcceptsReadOperand(ConversionKind kind, CrmType type)
        => type.Kind is CrmTypeKind.Error or CrmTypeKind.Null or CrmTypeKind.Json || Array.IndexOf(ReadOperands(kind), type.Kind) >= 0;

    private static bool AcceptsWriteOperand(ConversionKind kind, CrmType type)
        => type.Kind is CrmTypeKind.Error or CrmTypeKind.Null || Array.IndexOf(WriteOperands(kind), type.Kind) >= 0;

    private static string AcceptedOperands(ConversionKind kind, bool read)
    {
        var kinds = read ? ReadOperands(kind) : WriteOperands(kind);
        var names = kinds.Select(KindName).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }

    private static string KindName(CrmTypeKind kind) => kind switch
    {
        CrmTypeKind.String => "string",
        CrmTypeKind.Integer => "long",
        CrmTypeKind.Decimal => "decimal",
        CrmTypeKind.Double => "double",
        CrmTypeKind.Boolean => "bool",
        CrmTypeKind.DateTime => "DateTimeOffset",
        _ => kind.ToString(),
    };

    private BoundExpression BindEnumLookup(EnumLookupSyntax syntax, BindingScope scope)
    {
        var tableName = syntax.Table?.Text ?? "";
        var operand = BindValue(syntax.Operand, scope, null, "The operand of 'via " + tableName + "'");
        if (!IsScalar(operand.Type) && operand.Type.Kind is not (CrmTypeKind.Error or CrmTypeKind.Null or CrmTypeKind.Json) && syntax.Operand is not null)
        {
            _bag.Report(D.TypeMismatch, syntax.Operand.Span, "The operand of 'via " + tableName + "'", "string", operand.Type.DisplayName, "");
        }
        if (IsMissing(syntax.Table)) return ErrorExpression;
        if (!_enums.ContainsKey(tableName))
        {
            _bag.Report(D.UnknownEnumTable, syntax.Table!.Span, tableName, NameSuggestion.Hint(tableName, _enumList.Select(e => e.Name)));
            return ErrorExpression;
        }
        return new BoundEnumLookup(operand, tableName, Inverse: false);
    }

    // ---- projections, arrays and objects ------------------------------------------------

    private BoundExpression BindProjection(ProjectionSyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        var elementWhat = "An element of " + (what.Length == 0 ? "the list" : what);
        if (scope.Kind == ScopeKind.Write)
        {
            var source = BindValue(syntax.Source, scope, null, "The source of 'each'");
            if (source.Type.Kind == CrmTypeKind.Error) return ErrorExpression;
            if (source.Type.Kind != CrmTypeKind.List)
            {
                _bag.Report(D.TypeMismatch, syntax.Source!.Span, "The source of 'each'", "a list", source.Type.DisplayName, "");
                return ErrorExpression;
            }

            var elementType = source.Type.Element ?? CrmType.Error;
            var elementScope = scope with { InEach = true, Current = elementType, TrackReads = false };
            var element = syntax.Element is ObjectSyntax elementObject
                ? BindObject(elementObject, elementScope, null, elementWhat)
                : CheckWritable(BindValue(syntax.Element, elementScope, null, elementWhat), elementWhat, syntax.Element ?? syntax.Source!);
            var type = IsScalar(element.Type) ? ListOf(element.Type) : element.Type.Kind == CrmTypeKind.Error ? CrmType.Error : CrmType.Json;
            return new BoundProjection(source, element, type);
        }

        var raw = syntax.Source is null ? ErrorExpression : BindCore(syntax.Source, scope, null, "The source of 'each'");
        if (raw.Type.Kind == CrmTypeKind.Error) return ErrorExpression;
        if (raw is not BoundProviderPath sourcePath)
        {
            _bag.Report(D.NotAllowedHere, syntax.Source!.Span, "'each' over a computed value", "in " + scope.Where + "; the source of 'each' is a provider path such as 'emails'");
            return ErrorExpression;
        }

        var expectedElement = expected switch
        {
            { Kind: CrmTypeKind.List } => expected.Element,
            { Kind: CrmTypeKind.Error } => CrmType.Error,
            _ => null,
        };
        var readElementScope = scope with { InEach = true };
        var boundElement = BindValue(syntax.Element, readElementScope, expectedElement, elementWhat);
        var resultType = expected is { Kind: CrmTypeKind.List } ? expected : ListOf(boundElement.Type);
        return new BoundProjection(sourcePath, boundElement, resultType);
    }

    private BoundExpression BindArray(ArraySyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        var elements = ImmutableArray.CreateBuilder<BoundExpression>();
        var elementWhat = "An element of " + (what.Length == 0 ? "the array" : what);
        if (scope.Kind == ScopeKind.Write)
        {
            foreach (var element in syntax.Elements)
            {
                if (element is null) continue;
                elements.Add(CheckWritable(BindValue(element, scope, null, elementWhat), elementWhat, element));
            }
            return new BoundArray(elements.ToImmutable(), CrmType.Json);
        }

        var expectedElement = expected switch
        {
            { Kind: CrmTypeKind.List } => expected.Element,
            { Kind: CrmTypeKind.Error } => CrmType.Error,
            _ => null,
        };
        foreach (var element in syntax.Elements)
        {
            if (element is null) continue;
            elements.Add(BindValue(element, scope, expectedElement, elementWhat));
        }
        var type = expected is { Kind: CrmTypeKind.List }
            ? expected
            : ListOf(elements.Select(e => e.Type).FirstOrDefault(t => t.Kind != CrmTypeKind.Null) ?? CrmType.String);
        return new BoundArray(elements.ToImmutable(), type);
    }

    private BoundExpression BindObject(ObjectSyntax syntax, BindingScope scope, CrmType? expected, string what)
    {
        if (syntax.Block is null) return ErrorExpression;
        var rows = syntax.Block.Mappings.Where(m => m is not null).Select(m => new Row(m, scope.TwoWay)).ToList();
        if (scope.Kind == ScopeKind.Write) return BindWriteRows(rows, scope, "write");

        if (expected is { Kind: CrmTypeKind.Error }) return ErrorExpression;
        if (expected is null)
        {
            _bag.Report(D.NotAllowedHere, syntax.Span, "An object '{ … }'", "here; an object fills a unified field whose type is a model, as in 'account <- { id <- company_id }'");
            return ErrorExpression;
        }

        var model = _facts.ModelOf(expected);
        if (model is null)
        {
            _bag.Report(D.TypeMismatch, syntax.Span, what, expected.DisplayName, "an object", "");
            return ErrorExpression;
        }
        return BindReadRows(rows, model, expected, scope with { Where = "a read mapping" }, "read") ?? ErrorExpression;
    }

    // ---- calls --------------------------------------------------------------------------

    private void BindArgumentsLoosely(EquatableArray<ExpressionSyntax> arguments, BindingScope scope)
    {
        foreach (var argument in arguments)
        {
            if (argument is not null) BindValue(argument, scope, null, "An argument");
        }
    }

    private BoundExpression BindBuiltin(CallSyntax call, BindingScope scope, CrmType? expected)
    {
        var arguments = call.Arguments;
        if (IsMissing(call.Name))
        {
            BindArgumentsLoosely(arguments, scope);
            return ErrorExpression;
        }

        var name = call.Name.Text;
        (BuiltinFunction function, int arity) = name switch
        {
            "split" => (BuiltinFunction.Split, 2),
            "join" => (BuiltinFunction.Join, 2),
            "lower" => (BuiltinFunction.Lower, 1),
            "upper" => (BuiltinFunction.Upper, 1),
            "trim" => (BuiltinFunction.Trim, 1),
            "exists" => (BuiltinFunction.Exists, 1),
            "first" => (BuiltinFunction.First, 1),
            "min" => (BuiltinFunction.Min, 2),
            "max" => (BuiltinFunction.Max, 2),
            _ => ((BuiltinFunction)(-1), -1),
        };

        if (arity < 0)
        {
            var hint = _class is not null && _class.Hooks.Any(h => h.Name == name)
                ? "; did you mean '@" + name + "'? (a hook is called with '@')"
                : NameSuggestion.Hint(name, BuiltinNames);
            _bag.Report(D.UnknownFunction, call.Name.Span, name, hint);
            BindArgumentsLoosely(arguments, scope);
            return ErrorExpression;
        }
        if (arguments.Count != arity)
        {
            _bag.Report(D.WrongArgumentCount, call.Name.Span, name, Count(arity), Count(arguments.Count));
            BindArgumentsLoosely(arguments, scope);
            return ErrorExpression;
        }

        string ArgumentWhat(int i) => ArgumentName(i, arity) + " of '" + name + "'";
        switch (function)
        {
            case BuiltinFunction.Split:
                return new BoundBuiltinCall(function, Arguments(
                    BindValue(arguments[0], scope, CrmType.String, ArgumentWhat(0)),
                    BindValue(arguments[1], scope, CrmType.String, ArgumentWhat(1))), ListOfString);

            case BuiltinFunction.Join:
                return new BoundBuiltinCall(function, Arguments(
                    BindValue(arguments[0], scope, ListOfString, ArgumentWhat(0)),
                    BindValue(arguments[1], scope, CrmType.String, ArgumentWhat(1))), CrmType.String);

            case BuiltinFunction.Lower:
            case BuiltinFunction.Upper:
            case BuiltinFunction.Trim:
                return new BoundBuiltinCall(function, Arguments(BindValue(arguments[0], scope, CrmType.String, ArgumentWhat(0))), CrmType.String);

            case BuiltinFunction.Min:
            case BuiltinFunction.Max:
                return new BoundBuiltinCall(function, Arguments(
                    BindValue(arguments[0], scope, CrmType.Long, ArgumentWhat(0)),
                    BindValue(arguments[1], scope, CrmType.Long, ArgumentWhat(1))), CrmType.Long);

            case BuiltinFunction.Exists:
                var raw = arguments[0] is null ? ErrorExpression : BindCore(arguments[0], scope, null, ArgumentWhat(0));
                var argument = raw is BoundProviderPath ? raw : Coerce(raw, null, arguments[0], ArgumentWhat(0));
                return new BoundBuiltinCall(function, Arguments(argument), CrmType.Boolean);

            default:
                return BindFirst(arguments[0], scope, expected, ArgumentWhat(0));
        }
    }

    private BoundExpression BindFirst(ExpressionSyntax? argumentSyntax, BindingScope scope, CrmType? expected, string what)
    {
        if (argumentSyntax is null) return ErrorExpression;
        var listExpected = expected is null || expected.Kind is CrmTypeKind.Error or CrmTypeKind.Json or CrmTypeKind.Null ? null : ListOf(expected);
        var raw = BindCore(argumentSyntax, scope, listExpected, what);
        if (raw is BoundProviderPath)
        {
            _bag.Report(D.TypeMismatch, argumentSyntax.Span, what, "a list", CrmType.Json.DisplayName,
                "; use '" + SyntaxText.Short(argumentSyntax) + "[0]' for the first element of a provider array");
            return ErrorExpression;
        }

        var argument = Coerce(raw, listExpected, argumentSyntax, what);
        CrmType type;
        if (argument.Type.Kind == CrmTypeKind.List && argument.Type.Element is not null) type = argument.Type.Element;
        else if (argument.Type.Kind is CrmTypeKind.Error or CrmTypeKind.Null) type = argument.Type.Kind == CrmTypeKind.Null ? CrmType.Null : CrmType.Error;
        else
        {
            if (listExpected is null) _bag.Report(D.TypeMismatch, argumentSyntax.Span, what, "a list", argument.Type.DisplayName, "");
            type = CrmType.Error;
        }
        return new BoundBuiltinCall(BuiltinFunction.First, Arguments(argument), type);
    }

    private static EquatableArray<BoundExpression> Arguments(params BoundExpression[] arguments)
        => new(ImmutableArray.Create(arguments));

    /// <summary><c>@Name(args)</c>: a static method of the provider class, checked for existence, arity and types.</summary>
    private BoundExpression BindHook(CallSyntax call, BindingScope scope)
    {
        var arguments = call.Arguments;
        if (IsMissing(call.Name) || _class is null)
        {
            // Without a provider class the project check reports CRM0015; no hook can be checked.
            BindArgumentsLoosely(arguments, scope);
            return ErrorExpression;
        }

        var name = call.Name.Text;
        var nameSpan = HookNameSpan(call);
        var candidates = _class.Hooks.Where(h => h.Name == name).ToList();
        if (candidates.Count == 0)
        {
            _bag.Report(D.UnknownHook, nameSpan, name, _class.ClassName, NameSuggestion.Hint(name, _class.Hooks.Select(h => h.Name).Distinct()));
            BindArgumentsLoosely(arguments, scope);
            return ErrorExpression;
        }

        var hook = candidates.FirstOrDefault(h => h.Parameters.Count == arguments.Count);
        if (hook is null)
        {
            var counts = candidates.Select(h => h.Parameters.Count).Distinct().OrderBy(c => c).Select(Count).ToList();
            var expectedCount = counts.Count == 1 ? counts[0] : string.Join(", ", counts.Take(counts.Count - 1)) + " or " + counts[counts.Count - 1];
            _bag.Report(D.WrongArgumentCount, nameSpan, "@" + name, expectedCount, Count(arguments.Count));
            BindArgumentsLoosely(arguments, scope);
            return ErrorExpression;
        }

        var bound = ImmutableArray.CreateBuilder<BoundExpression>(arguments.Count);
        var index = 0;
        foreach (var parameter in hook.Parameters)
        {
            var argumentSyntax = arguments[index];
            var position = Count(index + 1);
            index++;
            if (argumentSyntax is null)
            {
                bound.Add(ErrorExpression);
                continue;
            }
            if (parameter.Kind == CrmTypeKind.Error)
            {
                _bag.Report(D.HookSignatureMismatch, nameSpan, name, "parameter " + position + " has type " + parameter.DisplayName + ", which a mapping cannot pass");
                bound.Add(BindValue(argumentSyntax, scope, null, "An argument"));
                continue;
            }

            var raw = BindCore(argumentSyntax, scope, parameter, "Argument " + position + " of '@" + name + "'");
            if (raw is BoundProviderPath path)
            {
                if (IsJsonScalar(parameter))
                {
                    raw = new BoundJsonRead(path, parameter);
                }
                else
                {
                    _bag.Report(D.HookSignatureMismatch, argumentSyntax.Span, name,
                        "argument " + position + " is a provider JSON value but the parameter is " + parameter.DisplayName + Hint(parameter, CrmType.Json, argumentSyntax));
                    raw = new BoundJsonRead(path, CrmType.Error);
                }
            }
            else if (!Assignable(raw.Type, parameter))
            {
                _bag.Report(D.HookSignatureMismatch, argumentSyntax.Span, name, "argument " + position + " is " + raw.Type.DisplayName + " but the parameter is " + parameter.DisplayName);
            }
            if (index - 1 < hook.NonNullableParameters.Count && hook.NonNullableParameters[index - 1]
                && raw is not (BoundLiteral { Kind: not LiteralKind.Null } or BoundInterpolation) && raw.Type.Kind != CrmTypeKind.Error)
            {
                // Only literals and interpolations are known not to be null; anything mapped may be missing.
                _bag.Report(D.HookSignatureMismatch, argumentSyntax.Span, name,
                    "argument " + position + " may be null but the parameter is a non-nullable " + parameter.DisplayName + "; declare it '" + parameter.DisplayName + "?'");
            }
            bound.Add(raw);
        }

        var returnType = hook.ReturnType;
        if (returnType.Kind == CrmTypeKind.Error)
        {
            _bag.Report(D.HookSignatureMismatch, nameSpan, name, "it returns " + returnType.DisplayName + ", which a mapping cannot use");
        }
        return new BoundHookCall(name, bound.MoveToImmutable(), hook.Parameters, returnType);
    }

    /// <summary><c>@Name</c>: from the '@' to the end of the name.</summary>
    private static TextSpan HookNameSpan(CallSyntax call)
        => call.Name is null ? call.Span : TextSpan.FromBounds(Math.Min(call.Span.Start, call.Name.Span.Start), call.Name.Span.End);
}
