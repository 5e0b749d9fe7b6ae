using System.Linq;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator.Diagnostics;

/// <summary>Turns the pipeline's plain <see cref="CrmDiagnostic"/> values into Roslyn diagnostics.</summary>
internal static class CrmDiagnosticExtensions
{
    /// <summary>
    /// The Roslyn diagnostic for <paramref name="diagnostic"/>, located in its file by
    /// <c>Location.Create(path, span, lineSpan)</c> (the file need not be a C# syntax tree).
    /// </summary>
    public static Diagnostic ToDiagnostic(this CrmDiagnostic diagnostic)
        => diagnostic.ToDiagnostic(Location.Create(diagnostic.FilePath, diagnostic.Span, diagnostic.LineSpan));

    /// <summary>The Roslyn diagnostic for <paramref name="diagnostic"/> at a given location.</summary>
    public static Diagnostic ToDiagnostic(this CrmDiagnostic diagnostic, Location location)
    {
        var descriptor = CrmDiagnosticDescriptors.ById.TryGetValue(diagnostic.Id, out var known)
            ? known
            : CrmDiagnosticDescriptors.SyntaxError;
        var arguments = diagnostic.Arguments.Select(a => (object?)a).ToArray();
        return Diagnostic.Create(descriptor, location, arguments);
    }
}
