using System.Linq;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The record reference <c>$$</c>: in a read block the provider record (after <c>read from</c>),
/// in a write block the unified input, at any depth of <c>each</c>. Outside <c>each</c>,
/// <c>$$.x</c> means what <c>x</c> means there.
/// </summary>
internal sealed partial class ProviderBinder
{
    /// <summary><c>$$</c> or <c>$$.path</c> (the first segment is <see cref="PathSegmentKind.Record"/>).</summary>
    private BoundExpression BindRecordReference(PathSyntax path, BindingScope scope)
    {
        var segments = path.Segments;
        var marker = segments[0];
        var rest = segments.Count > 1
            ? new PathSyntax(segments.Skip(1).ToEquatableArray(), TextSpan.FromBounds(segments[1].Span.Start, path.Span.End))
            : null;

        if (!scope.RecordReference || scope.TwoWay)
        {
            ReportMisplacedRecordReference(marker.Span, scope, rest);
            return ErrorExpression;
        }

        if (scope.Kind == ScopeKind.Read)
        {
            if (rest is null)
            {
                _bag.Report(D.RecordReferenceWithoutPath, marker.Span, "the provider record", ", as in '$$.id'");
                return ErrorExpression;
            }
            // The steps are bound as at the record (no '$' at the start of the rest).
            var bound = BindProviderPath(rest, scope with { InEach = false });
            return scope.InEach && bound is BoundProviderPath provider ? provider with { FromRecord = true } : bound;
        }

        // Write scope: a member chain over the unified input.
        var record = scope.Record;
        if (record is null)
        {
            _bag.Report(D.NotAllowedHere, path.Span, "The unified record '" + SyntaxText.Path(path) + "'",
                "in a " + scope.OperationKind + " operation; it has no unified input");
            return ErrorExpression;
        }
        if (record.Kind == CrmTypeKind.Error) return ErrorExpression;
        if (rest is null) return new BoundUnifiedPath(EquatableArray<UnifiedPathStep>.Empty, record, FromRecord: scope.InEach);
        var chain = BindUnifiedPath(rest, scope with { InEach = false, Current = record, TrackReads = true });
        return scope.InEach && chain is BoundUnifiedPath unified ? unified with { FromRecord = true } : chain;
    }

    /// <summary>
    /// CRM0035: <c>$$</c> where no read or write block maps a record (settings, errors, path,
    /// query and header values, <c>from</c>, a catch-all) or in a two-way row.
    /// </summary>
    private void ReportMisplacedRecordReference(TextSpan span, BindingScope scope, PathSyntax? rest)
    {
        var plain = rest is null ? null : "; write '" + SyntaxText.Path(rest) + "'";
        string where, why;
        if (scope.TwoWay)
        {
            where = "in a map row";
            why = "; a two-way row is written back to where it reads, and '$$' reaches outside the element: use separate read and write rows";
        }
        else if (scope.Kind == ScopeKind.Settings)
        {
            where = "in " + scope.Where;
            why = "; settings have no record and use literals, context.NAME" + (scope.AllowCredentials ? " and credentials.NAME" : "");
        }
        else if (scope.Kind == ScopeKind.Read)
        {
            where = "in " + scope.Where;
            why = "; its paths start at the error body" + (plain ?? "");
        }
        else if (scope.Current is null)
        {
            where = "in " + scope.Where;
            why = "; a " + scope.OperationKind + " operation has no unified input";
        }
        else
        {
            where = "in " + scope.Where;
            why = "; its paths start at the unified input already" + (plain ?? "");
        }
        _bag.Report(D.RecordReferenceOutOfPlace, span, where, why);
    }
}
