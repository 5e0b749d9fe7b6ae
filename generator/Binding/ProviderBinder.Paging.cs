using CrmGen.Generator.Syntax;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>Pagination: <c>next_page</c>, and the page request's <c>cursor</c> and <c>page_size</c>.</summary>
internal sealed partial class ProviderBinder
{
    /// <summary>The values of the page request a list operation's path, query and headers can use.</summary>
    private static readonly string[] PageParameters = { "cursor", "page_size" };

    private static readonly string[] NextPageKinds = { "cursor", "url", "offset" };

    /// <summary>True for an unquoted <c>cursor</c> or <c>page_size</c> at the start of a write-scope path.</summary>
    private static bool IsPageParameter(PathSyntax path)
    {
        var first = path.Segments[0];
        return first.Kind == PathSegmentKind.Name && !SyntaxText.IsQuoted(first) && first.Name is "cursor" or "page_size";
    }

    /// <summary>
    /// Write scope: <c>cursor</c> or <c>page_size</c>. In a list operation it is the page
    /// request's value; elsewhere it is a unified field if the input has one of that name, and
    /// CRM0033 otherwise. Null: bind the path as a unified field.
    /// </summary>
    private BoundExpression? BindPageParameter(PathSyntax path, BindingScope scope)
    {
        var first = path.Segments[0];
        var name = first.Name;
        if (scope.OperationKind == "list" && !scope.InEach)
        {
            if (path.Segments.Count > 1)
            {
                _bag.Report(D.NotAllowedHere, path.Span, "'" + SyntaxText.Path(path) + "'",
                    "here; '" + name + "' is " + (name == "cursor" ? "a string" : "a number") + " of the page request and has no members");
                return ErrorExpression;
            }
            return new BoundPageParameter(name, name == "cursor" ? CrmType.String : CrmType.Int);
        }

        if (scope.Current is { } current && current.Kind != CrmTypeKind.Error && _facts.ModelOf(current) is { } model && FindProperty(model, name) is not null)
        {
            return null;
        }
        if (scope.Current is { Kind: CrmTypeKind.Error }) return ErrorExpression;
        var kind = scope.OperationKind;
        var where = kind.Length == 0 ? scope.Where : scope.Where + (kind[0] is 'a' or 'u' ? " of an " : " of a ") + kind + " operation";
        _bag.Report(D.PageParameterOutsideList, first.Span, name, where);
        return ErrorExpression;
    }

    /// <summary><c>next_page KIND &lt;- expr</c>: the kind, and the value read from the response root.</summary>
    private BoundNextPage? BindNextPage(NextPageSyntax syntax, string kindText, bool isList, bool hasEarlier)
    {
        if (!isList)
        {
            _bag.Report(D.NextPageOutsideList, syntax.Keyword.Span, (kindText == "action" ? "an " : "a ") + kindText + " operation");
            return null;
        }
        if (hasEarlier)
        {
            _bag.Report(D.DuplicateDeclaration, syntax.Keyword.Span, "operation member", "next_page");
            return null;
        }

        NextPageKind? kind = null;
        if (!IsMissing(syntax.Kind))
        {
            switch (syntax.Kind.Text)
            {
                case "cursor": kind = NextPageKind.Cursor; break;
                case "url": kind = NextPageKind.Url; break;
                case "offset": kind = NextPageKind.Offset; break;
                default:
                    _bag.Report(D.UnknownNextPageKind, syntax.Kind.Span, syntax.Kind.Text, NameSuggestion.Hint(syntax.Kind.Text, NextPageKinds));
                    break;
            }
        }
        if (syntax.Value is null) return null;

        var scope = new BindingScope(ScopeKind.Read, "next_page", OperationKind: kindText);
        if (kind == NextPageKind.Offset)
        {
            // Whether another page follows; the next offset is counted, not read.
            var more = BindValue(syntax.Value, scope, CrmType.Boolean, "The next_page offset condition");
            return new BoundNextPage(NextPageKind.Offset, more);
        }
        var value = ToParameterValue(BindValue(syntax.Value, scope, CrmType.String, "The next page"), "The next page", syntax.Value);
        return kind is { } k ? new BoundNextPage(k, value) : null;
    }
}
