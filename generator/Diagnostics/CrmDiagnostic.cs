using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic found in a .crmmap file, as a plain equatable value (no <c>Location</c>), so
/// it can flow through the incremental pipeline. <see cref="Id"/> is a key of
/// <c>CrmDiagnosticDescriptors</c>; <see cref="Arguments"/> fill its message format.
/// </summary>
internal sealed record CrmDiagnostic(
    string Id,
    EquatableArray<string> Arguments,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan);
