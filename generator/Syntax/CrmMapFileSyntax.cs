using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Syntax;

/// <summary>
/// The result of parsing one .crmmap file: its providers (possibly partial when the file has
/// errors), the syntax diagnostics, and the line map used to place later diagnostics.
/// </summary>
internal sealed record CrmMapFileSyntax(
    string FilePath,
    EquatableArray<ProviderSyntax> Providers,
    EquatableArray<CrmDiagnostic> Diagnostics,
    LineMap Lines);
