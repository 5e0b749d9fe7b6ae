using CrmGen.Generator.Syntax;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>Type checks: which values fit where, and the hint a mismatch gives.</summary>
internal sealed partial class ProviderBinder
{
    private const string ListPrefix = "global::System.Collections.Generic.List<";

    /// <summary>
    /// Makes <paramref name="bound"/> a value of <paramref name="expected"/>: a bare provider path
    /// is read as the expected scalar (string when nothing is expected); anything else must be
    /// assignable, or CRM0005 (CRM0012 for a hook's result) is reported.
    /// </summary>
    private BoundExpression Coerce(BoundExpression bound, CrmType? expected, ExpressionSyntax syntax, string what)
    {
        if (bound is BoundProviderPath path)
        {
            var target = expected ?? CrmType.String;
            if (target.Kind == CrmTypeKind.Error) return new BoundJsonRead(path, CrmType.Error);
            if (IsJsonScalar(target)) return new BoundJsonRead(path, target);
            _bag.Report(D.TypeMismatch, syntax.Span, what, target.DisplayName, CrmType.Json.DisplayName, Hint(target, CrmType.Json, syntax));
            return new BoundJsonRead(path, CrmType.Error);
        }

        if (expected is null || Assignable(bound.Type, expected)) return bound;

        if (bound is BoundHookCall hook && syntax is CallSyntax call)
        {
            _bag.Report(D.HookSignatureMismatch, HookNameSpan(call), hook.MethodName,
                "it returns " + bound.Type.DisplayName + " but " + LowerFirst(what) + " is " + expected.DisplayName);
        }
        else
        {
            _bag.Report(D.TypeMismatch, syntax.Span, what, expected.DisplayName, bound.Type.DisplayName, Hint(expected, bound.Type, syntax));
        }
        return bound;
    }

    /// <summary>True when a value of <paramref name="from"/> can stand where <paramref name="to"/> is expected.</summary>
    private static bool Assignable(CrmType from, CrmType to)
    {
        if (from.Kind is CrmTypeKind.Error or CrmTypeKind.Null || to.Kind == CrmTypeKind.Error) return true;
        return to.Kind switch
        {
            CrmTypeKind.Json => from.Kind is not (CrmTypeKind.Model or CrmTypeKind.CustomFields or CrmTypeKind.RemoteData),
            CrmTypeKind.Integer => from.Kind == CrmTypeKind.Integer && (from.CSharpName == to.CSharpName || to.CSharpName == "long"),
            CrmTypeKind.Decimal => from.Kind is CrmTypeKind.Decimal or CrmTypeKind.Integer,
            CrmTypeKind.Double => from.Kind is CrmTypeKind.Double or CrmTypeKind.Integer,
            CrmTypeKind.Model => from.Kind == CrmTypeKind.Model && from.CSharpName == to.CSharpName,
            CrmTypeKind.List => from.Kind == CrmTypeKind.List && SameElement(from.Element, to.Element),
            _ => from.Kind == to.Kind,
        };
    }

    /// <summary>List elements must be the same type (lists are invariant); nullable annotations are ignored.</summary>
    private static bool SameElement(CrmType? a, CrmType? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.Kind is CrmTypeKind.Error || b.Kind is CrmTypeKind.Error) return true;
        if (a.Kind != b.Kind) return false;
        return a.Kind == CrmTypeKind.List ? SameElement(a.Element, b.Element) : a.CSharpName.TrimEnd('?') == b.CSharpName.TrimEnd('?');
    }

    private static bool IsScalar(CrmType type)
        => type.Kind is CrmTypeKind.String or CrmTypeKind.Integer or CrmTypeKind.Decimal or CrmTypeKind.Double or CrmTypeKind.Boolean or CrmTypeKind.DateTime;

    /// <summary>The types a JSON scalar is read as directly.</summary>
    private static bool IsJsonScalar(CrmType type)
        => type.Kind is CrmTypeKind.String or CrmTypeKind.Integer or CrmTypeKind.Decimal or CrmTypeKind.Double or CrmTypeKind.Boolean;

    private static bool IsNumeric(CrmType type)
        => type.Kind is CrmTypeKind.Integer or CrmTypeKind.Decimal or CrmTypeKind.Double;

    /// <summary><c>List&lt;element&gt;</c>; Error for an erroneous element, <c>List&lt;string&gt;</c> for null.</summary>
    private static CrmType ListOf(CrmType element)
    {
        if (element.Kind == CrmTypeKind.Error) return CrmType.Error;
        if (element.Kind == CrmTypeKind.Null) element = CrmType.String;
        return new CrmType(CrmTypeKind.List, ListPrefix + element.CSharpName + ">", element);
    }

    /// <summary>
    /// A path, query or header value: always string-typed. Other scalars (and JSON values from
    /// write conversions) are wrapped in a <see cref="ConversionKind.String"/> conversion.
    /// </summary>
    private BoundExpression ToParameterValue(BoundExpression value, string what, ExpressionSyntax syntax)
    {
        switch (value.Type.Kind)
        {
            case CrmTypeKind.String:
            case CrmTypeKind.Null:
            case CrmTypeKind.Error:
                return value;
            case CrmTypeKind.Integer:
            case CrmTypeKind.Decimal:
            case CrmTypeKind.Double:
            case CrmTypeKind.Boolean:
            case CrmTypeKind.DateTime:
            case CrmTypeKind.Json:
                return new BoundConversion(value, ConversionKind.String, ConversionDirection.ToProvider, CrmType.String);
            default:
                _bag.Report(D.TypeMismatch, syntax.Span, what, "string", value.Type.DisplayName, Hint(CrmType.String, value.Type, syntax));
                return value;
        }
    }

    /// <summary>What to write instead, for a value of <paramref name="actual"/> where <paramref name="expected"/> is needed.</summary>
    private static string Hint(CrmType expected, CrmType actual, ExpressionSyntax syntax)
    {
        var source = SyntaxText.Short(syntax);
        var isText = actual.Kind is CrmTypeKind.Json or CrmTypeKind.String;
        switch (expected.Kind)
        {
            case CrmTypeKind.DateTime when isText:
                return "; use 'as datetime' (ISO-8601), 'as date' (yyyy-MM-dd), 'as epoch_ms' or 'as epoch_s'";
            case CrmTypeKind.DateTime when IsNumeric(actual):
                return "; use 'as epoch_s' or 'as epoch_ms'";
            case CrmTypeKind.List when expected.Element is { Kind: CrmTypeKind.Model } && actual.Kind == CrmTypeKind.Json:
                return "; use '" + source + " each { … }'";
            case CrmTypeKind.List when expected.Element is { Kind: CrmTypeKind.Model } && actual.Kind == CrmTypeKind.Model:
                return "; wrap it in an array '[ … ]'";
            case CrmTypeKind.List when expected.Element is not null && IsScalar(expected.Element) && actual.Kind == CrmTypeKind.Json:
                return expected.Element.Kind == CrmTypeKind.String
                    ? "; use '" + source + " each $' (an array) or 'split(" + source + ", \",\")' (delimited text)"
                    : "; use '" + source + " each $'";
            case CrmTypeKind.List when actual.Kind == CrmTypeKind.String && expected.Element is { Kind: CrmTypeKind.String }:
                return "; use 'split(" + source + ", \",\")'";
            case CrmTypeKind.List when IsScalar(actual):
                return "; wrap it in an array '[ … ]'";
            case CrmTypeKind.Model when actual.Kind == CrmTypeKind.Json:
                return "; build it with an object '{ … }' of provider values";
            case CrmTypeKind.CustomFields when actual.Kind == CrmTypeKind.Json:
                return "; use '" + source + ".*' to collect every key no other row reads";
            case CrmTypeKind.String when syntax is LiteralSyntax { Kind: LiteralKind.Number } number:
                return "; write it in quotes: \"" + number.Value + "\"";
            case CrmTypeKind.String when actual.Kind == CrmTypeKind.List && actual.Element is not null && IsScalar(actual.Element):
                return "; use 'join(" + source + ", \",\")'";
            case CrmTypeKind.String when actual.Kind == CrmTypeKind.List && actual.Element is { Kind: CrmTypeKind.Model }:
                return "; use 'first(…)' or '" + source + "[0]' for one element";
            case CrmTypeKind.String when IsScalar(actual):
                return "; use 'as string'";
            case CrmTypeKind.Integer when actual.Kind == CrmTypeKind.String:
                return "; use 'as int'";
            case CrmTypeKind.Decimal or CrmTypeKind.Double when actual.Kind == CrmTypeKind.String:
                return "; use 'as decimal'";
            case CrmTypeKind.Boolean when actual.Kind == CrmTypeKind.String:
                return "; use 'as bool' or a comparison such as 'x == \"yes\"'";
            default:
                return "";
        }
    }

    private static string LowerFirst(string text)
        => text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1]))
            ? char.ToLowerInvariant(text[0]) + text.Substring(1)
            : text;
}
