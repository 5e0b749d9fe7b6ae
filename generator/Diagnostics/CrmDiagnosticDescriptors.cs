using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic CrmGen reports: one table, IDs CRM0001…, each with a help link to its
/// section in <c>generator/docs/diagnostics.md</c>. Message formats say what is wrong and,
/// where one is obvious, what would be right.
/// </summary>
internal static class CrmDiagnosticDescriptors
{
    private const string Category = "CrmGen";
    private const string HelpBase = "https://github.com/crmgen/crmgen/blob/main/generator/docs/diagnostics.md#";

    private static readonly string[] CompilationEndTags = { WellKnownDiagnosticTags.CompilationEnd };

    private static DiagnosticDescriptor Error(string id, string title, string format)
        => new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id, title));

    /// <summary>A diagnostic about the whole project, reported once every file is known (compilation end).</summary>
    private static DiagnosticDescriptor ProjectError(string id, string title, string format)
        => new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id, title), customTags: CompilationEndTags);

    /// <summary>
    /// The link to the section "## CRM0001: Syntax error" of the documentation: its anchor is the
    /// heading in lower case, punctuation dropped and spaces turned into hyphens.
    /// </summary>
    internal static string HelpLink(string id, string title) => HelpBase + Anchor(id + ": " + title);

    /// <summary>The anchor a Markdown renderer gives a heading.</summary>
    internal static string Anchor(string heading)
    {
        var builder = new System.Text.StringBuilder(heading.Length);
        foreach (var c in heading.Trim())
        {
            if (char.IsLetterOrDigit(c) || c == '_' || c == '-') builder.Append(char.ToLowerInvariant(c));
            else if (c == ' ') builder.Append('-');
        }
        return builder.ToString();
    }

    /// <summary>{0}: what was expected and what was found.</summary>
    public static readonly DiagnosticDescriptor SyntaxError = Error("CRM0001", "Syntax error", "{0}");

    /// <summary>{0}: the bad token (unterminated string, unknown character…).</summary>
    public static readonly DiagnosticDescriptor InvalidToken = Error("CRM0002", "Invalid token", "{0}");

    /// <summary>{0} field, {1} model, {2} suggestion (e.g. "; did you mean 'first_name'?" or empty).</summary>
    public static readonly DiagnosticDescriptor UnknownUnifiedField = Error("CRM0003", "Unknown unified field", "Unknown unified field '{0}' on {1}{2}");

    /// <summary>{0} what kind of construct, {1} the name, {2} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownConstruct = Error("CRM0004", "Unknown construct", "Unknown {0} '{1}'{2}");

    /// <summary>{0} description of the target, {1} expected type, {2} actual type, {3} hint (e.g. "; use 'as datetime'").</summary>
    public static readonly DiagnosticDescriptor TypeMismatch = Error("CRM0005", "Type mismatch", "{0} is {1} but the value is {2}{3}");

    /// <summary>{0} function, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownFunction = Error("CRM0006", "Unknown function", "Unknown function '{0}'{1}");

    /// <summary>{0} callee, {1} expected count, {2} actual count.</summary>
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("CRM0007", "Wrong argument count", "'{0}' takes {1} argument(s) but is given {2}");

    /// <summary>{0} target, {1} where (read/write/…).</summary>
    public static readonly DiagnosticDescriptor DuplicateMapping = Error("CRM0008", "Duplicate mapping", "'{0}' is mapped more than once in {1}");

    /// <summary>{0} field, {1} operation.</summary>
    public static readonly DiagnosticDescriptor RequiredFieldNotWritten = Error("CRM0009", "Required field not written", "Field '{0}' is required by {1} but no write mapping reads it");

    /// <summary>{0} hole name, {1} operation.</summary>
    public static readonly DiagnosticDescriptor PathParameterWithoutValue = Error("CRM0010", "Path parameter without value", "Nothing supplies the path parameter '{{{0}}}' of {1}; add 'path {{ {0} <- … }}' or declare 'context {0}'");

    /// <summary>{0} hook, {1} class, {2} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownHook = Error("CRM0011", "Unknown hook", "Unknown hook '@{0}': {1} has no static method '{0}'{2}");

    /// <summary>{0} hook, {1} what does not fit.</summary>
    public static readonly DiagnosticDescriptor HookSignatureMismatch = Error("CRM0012", "Hook signature mismatch", "Hook '@{0}' does not fit: {1}");

    /// <summary>{0} provider name, {1} where the first definition is (e.g. "; the first is in close.crmmap").</summary>
    public static readonly DiagnosticDescriptor DuplicateProvider = ProjectError("CRM0013", "Duplicate provider", "Provider '{0}' is defined more than once{1}");

    /// <summary>{0} class, {1} provider name.</summary>
    public static readonly DiagnosticDescriptor ProviderClassWithoutDefinition = ProjectError("CRM0014", "Provider class without definition", "Class '{0}' is marked [CrmProvider(\"{1}\")] but no .crmmap file defines provider '{1}'");

    /// <summary>{0} provider name.</summary>
    public static readonly DiagnosticDescriptor DefinitionWithoutProviderClass = ProjectError("CRM0015", "Provider without class", "Provider '{0}' has no class marked [CrmProvider(\"{0}\")]; add 'public partial class …' with that attribute");

    /// <summary>{0} resource, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownResource = Error("CRM0016", "Unknown resource", "Unknown resource '{0}': no [UnifiedModel(\"{0}\")] class{1}");

    /// <summary>{0} operation kind, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownOperation = Error("CRM0017", "Unknown operation", "Unknown operation '{0}'; expected list, get, create, update, delete or action{1}");

    /// <summary>{0} provider.</summary>
    public static readonly DiagnosticDescriptor MissingBaseUrl = Error("CRM0018", "Missing base URL", "Provider '{0}' has no base_url");

    /// <summary>{0} provider.</summary>
    public static readonly DiagnosticDescriptor MissingAuth = Error("CRM0019", "Missing auth", "Provider '{0}' has no auth; write 'auth none' if it needs none");

    /// <summary>{0} table, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownEnumTable = Error("CRM0020", "Unknown enum table", "Unknown enum table '{0}'{1}");

    /// <summary>{0} conversion, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownConversion = Error("CRM0021", "Unknown conversion", "Unknown conversion '{0}'; expected datetime, date, epoch_s, epoch_ms, decimal, cents, int, string or bool{1}");

    /// <summary>{0} name, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownContextValue = Error("CRM0022", "Unknown context value", "Unknown context value '{0}'; declare it with 'context {0}'{1}");

    /// <summary>{0} class.</summary>
    public static readonly DiagnosticDescriptor ProviderClassNotPartial = Error("CRM0023", "Provider class not partial", "Class '{0}' is marked [CrmProvider] but is not partial");

    /// <summary>{0} method.</summary>
    public static readonly DiagnosticDescriptor InvalidHttpMethod = Error("CRM0024", "Invalid HTTP method", "Invalid HTTP method '{0}'; expected GET, POST, PUT, PATCH or DELETE");

    /// <summary>{0} table, {1} duplicated value.</summary>
    public static readonly DiagnosticDescriptor EnumTableNotInvertible = Error("CRM0025", "Enum table not invertible", "Enum table '{0}' cannot be applied backwards: '{1}' appears more than once on the right");

    /// <summary>{0} kind, {1} name.</summary>
    public static readonly DiagnosticDescriptor DuplicateDeclaration = Error("CRM0026", "Duplicate declaration", "Duplicate {0} '{1}'");

    /// <summary>{0} what, {1} where/why.</summary>
    public static readonly DiagnosticDescriptor NotAllowedHere = Error("CRM0027", "Not allowed here", "{0} is not allowed {1}");

    /// <summary>{0} field, {1} model, {2} the field's C# type.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFieldType = Error("CRM0028", "Unsupported field type", "Field '{0}' of {1} has type {2}, which a mapping cannot use; mappable types are string, int, long, decimal, double, bool, DateTimeOffset, List<T>, [UnifiedModel] classes and Dictionary<string, object?>");

    /// <summary>{0} what 'matching' follows, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor KeyPatternWithoutCatchAll = Error("CRM0029", "Key pattern without catch-all", "'matching' filters the keys of a custom-field catch-all ('*' or 'path.*'), and {0} is not one{1}");

    /// <summary>{0} pattern, {1} reason.</summary>
    public static readonly DiagnosticDescriptor InvalidKeyPattern = Error("CRM0030", "Invalid key pattern", "Invalid key pattern \"{0}\": {1}");

    /// <summary>{0} the operation, e.g. "a create operation".</summary>
    public static readonly DiagnosticDescriptor NextPageOutsideList = Error("CRM0031", "next_page outside a list operation", "'next_page' is not allowed in {0}; only a list operation returns pages");

    /// <summary>{0} kind written, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor UnknownNextPageKind = Error("CRM0032", "Unknown next_page kind", "Unknown next_page kind '{0}'; expected 'cursor' (the next request sends it back as 'cursor'), 'url' (the next page is a GET of that URL) or 'offset' (a condition: another page follows, at this page's offset plus its record count){1}");

    /// <summary>{0} name (cursor or page_size), {1} where.</summary>
    public static readonly DiagnosticDescriptor PageParameterOutsideList = Error("CRM0033", "Page parameter outside a list operation", "'{0}' is a value of the page request and exists only in the path, query and headers of a list operation, not {1}");

    /// <summary>{0} what the path starts at, {1} suggestion.</summary>
    public static readonly DiagnosticDescriptor RecordReferenceWithoutPath = Error("CRM0034", "Record reference without a path", "'$$' alone is {0}, which cannot be read as a value; name a value in it{1}");

    /// <summary>{0} where, {1} why and suggestion.</summary>
    public static readonly DiagnosticDescriptor RecordReferenceOutOfPlace = Error("CRM0035", "Record reference out of place", "'$$' is the record a read or write block maps and cannot be used {0}{1}");

    /// <summary>{0} what is read, {1} how the generator reads it, {2} what C# binds, {3} suggestion.</summary>
    public static readonly DiagnosticDescriptor DeclarationReadDifferently = Error("CRM0036", "Declaration read differently by the generator", "The generator reads {0} from how it is written and sees {1}, but C# binds {2}{3}");

    /// <summary>{0} class, {1} why ("is static"…), {2} fix.</summary>
    public static readonly DiagnosticDescriptor ProviderClassCannotBeCreated = Error("CRM0037", "Provider class cannot be created", "Class '{0}' is marked [CrmProvider] but {1}, and the adapter creates its single instance with 'new {0}()'{2}");

    /// <summary>{0} resource.</summary>
    public static readonly DiagnosticDescriptor MissingRecordMapping = Error("CRM0038", "No record mapping", "'read record' reads with the record mapping of resource '{0}', which has none; add 'record {{ … }}' to the resource, or write the rows here as 'read {{ … }}'");

    /// <summary>{0} resource.</summary>
    public static readonly DiagnosticDescriptor UnusedRecordMapping = Error("CRM0039", "Unused record mapping", "Resource '{0}' has a record mapping that no operation uses; write 'read record' (or 'read from PATH record') in the operations that return the record, or remove it");

    /// <summary>All descriptors by ID.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        SyntaxError, InvalidToken, UnknownUnifiedField, UnknownConstruct, TypeMismatch, UnknownFunction,
        WrongArgumentCount, DuplicateMapping, RequiredFieldNotWritten, PathParameterWithoutValue, UnknownHook,
        HookSignatureMismatch, DuplicateProvider, ProviderClassWithoutDefinition, DefinitionWithoutProviderClass,
        UnknownResource, UnknownOperation, MissingBaseUrl, MissingAuth, UnknownEnumTable, UnknownConversion,
        UnknownContextValue, ProviderClassNotPartial, InvalidHttpMethod, EnumTableNotInvertible, DuplicateDeclaration,
        NotAllowedHere, UnsupportedFieldType, KeyPatternWithoutCatchAll, InvalidKeyPattern,
        NextPageOutsideList, UnknownNextPageKind, PageParameterOutsideList,
        RecordReferenceWithoutPath, RecordReferenceOutOfPlace, DeclarationReadDifferently, ProviderClassCannotBeCreated,
        MissingRecordMapping, UnusedRecordMapping,
    }.ToImmutableDictionary(d => d.Id);

    /// <summary>All descriptors, in ID order.</summary>
    public static IEnumerable<DiagnosticDescriptor> All
    {
        get
        {
            var ids = new List<string>(ById.Keys);
            ids.Sort(System.StringComparer.Ordinal);
            foreach (var id in ids) yield return ById[id];
        }
    }
}
