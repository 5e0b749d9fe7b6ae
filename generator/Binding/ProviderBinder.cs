using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using D = CrmGen.Generator.Diagnostics.CrmDiagnosticDescriptors;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Binds one provider block: settings, context, errors, enum tables and resources. The
/// operation, mapping and expression steps are in the other parts of this class.
/// </summary>
internal sealed partial class ProviderBinder
{
    private static readonly string[] ProviderMemberKeywords = { "display_name", "base_url", "auth", "header", "context", "errors", "enum", "resource" };

    private readonly CrmMapFileSyntax _file;
    private readonly FactsLookup _facts;
    private readonly DiagnosticBag _bag;
    private readonly ProviderSyntax _provider;
    private readonly CancellationToken _ct;
    private readonly ProviderClassFacts? _class;

    private readonly Dictionary<string, BoundEnumTable> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoundContextValue> _contexts = new(StringComparer.Ordinal);
    private readonly List<BoundEnumTable> _enumList = new();
    private readonly List<BoundContextValue> _contextList = new();
    private readonly SortedSet<string> _credentials = new(StringComparer.Ordinal);

    /// <summary>Top-level unified fields read by the write-scope mappings of the current operation.</summary>
    private readonly HashSet<string> _fieldsReadByWrite = new(StringComparer.Ordinal);

    /// <summary>The record mapping of the resource being bound (<c>record { … }</c>), and whether an operation used it.</summary>
    private RecordMappingSyntax? _record;
    private bool _recordUsed;

    public ProviderBinder(CrmMapFileSyntax file, FactsLookup facts, DiagnosticBag bag, ProviderSyntax provider, CancellationToken ct)
    {
        _file = file;
        _facts = facts;
        _bag = bag;
        _provider = provider;
        _ct = ct;
        var name = provider.Name?.Text ?? "";
        if (facts.ProviderClasses.TryGetValue(name, out var providerClass)) _class = providerClass;
    }

    /// <summary>True when the provider has a partial <c>[CrmProvider]</c> class to generate into, which the adapter can create.</summary>
    public bool CanGenerate => _class is { IsPartial: true, CannotBeCreated: null } && !IsMissing(_provider.Name);

    private string ProviderName => _provider.Name?.Text ?? "";

    /// <summary>Binds the provider; null only when the block is too broken to name.</summary>
    public BoundProvider? Bind()
    {
        var members = _provider.Members;
        DeclareContextsAndEnums(members);

        string? displayName = null;
        BoundExpression? baseUrl = null;
        BoundAuth? auth = null;
        BoundErrorMapping? errors = null;
        var headers = new List<BoundHeader>();
        var headerNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var resources = new List<BoundResource>();
        var resourceNames = new HashSet<string>(StringComparer.Ordinal);
        var seenSettings = new HashSet<string>(StringComparer.Ordinal);

        foreach (var member in members)
        {
            _ct.ThrowIfCancellationRequested();
            switch (member)
            {
                case SettingSyntax setting:
                    BindSetting(setting, seenSettings, ref displayName, ref baseUrl);
                    break;
                case AuthSyntax authSyntax:
                    if (!seenSettings.Add("auth"))
                    {
                        _bag.Report(D.DuplicateDeclaration, KeywordSpan(authSyntax.Span, "auth"), "setting", "auth");
                    }
                    var boundAuth = BindAuth(authSyntax);
                    auth ??= boundAuth;
                    break;
                case HeaderSyntax header:
                    var boundHeader = BindHeader(header, SettingsScope("a header", allowCredentials: true), headerNames);
                    if (boundHeader is not null) headers.Add(boundHeader);
                    break;
                case ErrorsSyntax errorsSyntax:
                    if (!seenSettings.Add("errors"))
                    {
                        _bag.Report(D.DuplicateDeclaration, KeywordSpan(errorsSyntax.Span, "errors"), "setting", "errors");
                    }
                    var boundErrors = BindErrors(errorsSyntax);
                    errors ??= boundErrors;
                    break;
                case ResourceSyntax resource:
                    var boundResource = BindResource(resource, resourceNames);
                    if (boundResource is not null) resources.Add(boundResource);
                    break;
                case ContextSyntax:
                case EnumSyntax:
                    break; // declared up front
            }
        }

        // After a syntax error in the block the setting may just have been skipped by recovery.
        var nameSyntax = _provider.Name;
        if (!IsMissing(nameSyntax) && !HasSyntaxErrorIn(_provider.Span))
        {
            if (baseUrl is null && !seenSettings.Contains("base_url")) _bag.Report(D.MissingBaseUrl, nameSyntax!.Span, ProviderName);
            if (auth is null && !seenSettings.Contains("auth")) _bag.Report(D.MissingAuth, nameSyntax!.Span, ProviderName);
        }

        var providerClass = _class is null
            ? new ProviderClassRef("", ToPascalCase(ProviderName) + "Provider", "global::" + ToPascalCase(ProviderName) + "Provider")
            : new ProviderClassRef(_class.Namespace, _class.ClassName, _class.FullyQualifiedName);

        return new BoundProvider(
            ProviderName,
            displayName ?? ProviderName,
            providerClass,
            baseUrl ?? ErrorExpression,
            auth ?? new BoundAuth(AuthKind.None, null, EquatableArray<BoundExpression>.Empty),
            headers.ToEquatableArray(),
            _contextList.ToEquatableArray(),
            _credentials.ToEquatableArray(),
            errors,
            _enumList.ToEquatableArray(),
            resources.ToEquatableArray());
    }

    // ---- declarations -------------------------------------------------------------------

    private void DeclareContextsAndEnums(EquatableArray<ProviderMemberSyntax> members)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case ContextSyntax context when !IsMissing(context.Name):
                    if (_contexts.ContainsKey(context.Name.Text))
                    {
                        _bag.Report(D.DuplicateDeclaration, context.Name.Span, "context value", context.Name.Text);
                    }
                    else
                    {
                        var value = new BoundContextValue(context.Name.Text, context.IsRequired);
                        _contexts.Add(value.Name, value);
                        _contextList.Add(value);
                    }
                    break;
                case EnumSyntax enumSyntax when !IsMissing(enumSyntax.Name):
                    var table = BindEnumTable(enumSyntax);
                    if (_enums.ContainsKey(table.Name))
                    {
                        _bag.Report(D.DuplicateDeclaration, enumSyntax.Name.Span, "enum table", table.Name);
                    }
                    else
                    {
                        _enums.Add(table.Name, table);
                        _enumList.Add(table);
                    }
                    break;
            }
        }
    }

    private BoundEnumTable BindEnumTable(EnumSyntax syntax)
    {
        var entries = new List<BoundEnumEntry>();
        var froms = new HashSet<string>(StringComparer.Ordinal);
        string? elseValue = null;
        var hasElse = false;
        foreach (var entry in syntax.Entries)
        {
            if (entry is null) continue;
            var to = EnumValue(entry.To);
            if (entry.From is null)
            {
                if (hasElse)
                {
                    _bag.Report(D.DuplicateDeclaration, entry.Span, "'else' row in enum table", syntax.Name.Text);
                    continue;
                }
                hasElse = true;
                elseValue = to;
                continue;
            }

            var from = EnumValue(entry.From);
            if (from is null || to is null) continue;
            if (!froms.Add(from))
            {
                _bag.Report(D.DuplicateDeclaration, entry.From.Span, "row in enum table '" + syntax.Name.Text + "' for", from);
                continue;
            }
            entries.Add(new BoundEnumEntry(from, to));
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var invertible = entries.All(e => distinct.Add(e.To));
        return new BoundEnumTable(syntax.Name.Text, entries.ToEquatableArray(), elseValue, invertible);
    }

    private string? EnumValue(LiteralSyntax? literal)
    {
        if (literal is null) return null;
        if (literal.Kind == LiteralKind.Null)
        {
            _bag.Report(D.NotAllowedHere, literal.Span, "null", "in an enum table; a row maps a literal to a literal (a value no row matches gives the 'else' value, or null)");
            return null;
        }
        return literal.Value;
    }

    /// <summary>The first value an enum table's right side repeats, or null.</summary>
    private static string? RepeatedTarget(BoundEnumTable table)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in table.Entries)
        {
            if (!seen.Add(entry.To)) return entry.To;
        }
        return null;
    }

    // ---- settings -----------------------------------------------------------------------

    private void BindSetting(SettingSyntax setting, HashSet<string> seen, ref string? displayName, ref BoundExpression? baseUrl)
    {
        var keyword = setting.Keyword;
        if (IsMissing(keyword)) return;
        var text = keyword.Text;
        if (text is not ("display_name" or "base_url"))
        {
            _bag.Report(D.UnknownConstruct, keyword.Span, "provider setting", text, NameSuggestion.Hint(text, ProviderMemberKeywords));
            return;
        }

        if (!seen.Add(text))
        {
            _bag.Report(D.DuplicateDeclaration, keyword.Span, "setting", text);
            return;
        }

        if (setting.Value is null)
        {
            if (!HasSyntaxErrorIn(setting.Span)) _bag.Report(D.SyntaxError, keyword.Span, "Expected a value after '" + text + "'");
            return;
        }

        if (text == "display_name")
        {
            if (setting.Value is LiteralSyntax { Kind: LiteralKind.String } literal)
            {
                displayName = literal.Value;
            }
            else if (setting.Value is not MissingExpressionSyntax)
            {
                _bag.Report(D.NotAllowedHere, setting.Value.Span, "An expression", "in display_name; write a string literal such as \"HubSpot\"");
            }
            return;
        }

        baseUrl = BindValue(setting.Value, SettingsScope("base_url", allowCredentials: false), CrmType.String, "base_url");
    }

    private static readonly string[] AuthSchemes = { "bearer", "oauth2", "basic", "api_key_header", "api_key_query", "none" };

    private BoundAuth? BindAuth(AuthSyntax syntax)
    {
        var scheme = syntax.Scheme;
        if (IsMissing(scheme)) return null;
        var arguments = syntax.Arguments;
        var scope = SettingsScope("auth", allowCredentials: true);

        (AuthKind kind, int arity) = scheme.Text switch
        {
            "bearer" => (AuthKind.Bearer, 1),
            "oauth2" => (AuthKind.OAuth2, 1),
            "basic" => (AuthKind.Basic, 2),
            "api_key_header" => (AuthKind.ApiKeyHeader, 2),
            "api_key_query" => (AuthKind.ApiKeyQuery, 2),
            "none" => (AuthKind.None, 0),
            _ => ((AuthKind)(-1), -1),
        };

        if (arity < 0)
        {
            _bag.Report(D.UnknownConstruct, scheme.Span, "auth scheme", scheme.Text, NameSuggestion.Hint(scheme.Text, AuthSchemes));
            foreach (var argument in arguments) BindValue(argument, scope, null, "An argument of '" + scheme.Text + "'");
            return null;
        }

        if (arguments.Count != arity)
        {
            _bag.Report(D.WrongArgumentCount, scheme.Span, scheme.Text, Count(arity), Count(arguments.Count));
            foreach (var argument in arguments) BindValue(argument, scope, null, "An argument of '" + scheme.Text + "'");
            return null;
        }

        string? parameterName = null;
        var bound = ImmutableArray.CreateBuilder<BoundExpression>();
        var index = 0;
        foreach (var argument in arguments)
        {
            if (index == 0 && kind is AuthKind.ApiKeyHeader or AuthKind.ApiKeyQuery)
            {
                if (argument is LiteralSyntax { Kind: LiteralKind.String } name)
                {
                    parameterName = name.Value;
                }
                else if (argument is not MissingExpressionSyntax)
                {
                    var what = kind == AuthKind.ApiKeyHeader ? "header" : "query parameter";
                    _bag.Report(D.NotAllowedHere, argument.Span, "A computed " + what + " name", "in '" + scheme.Text + "'; write the name as a string literal such as \"X-API-KEY\"");
                }
            }
            else
            {
                bound.Add(BindValue(argument, scope, CrmType.String, ArgumentName(index, arity) + " of '" + scheme.Text + "'"));
            }
            index++;
        }

        return new BoundAuth(kind, parameterName, bound.ToImmutable());
    }

    private BoundHeader? BindHeader(HeaderSyntax header, BindingScope scope, HashSet<string> names)
    {
        if (header.Name is null || header.Value is null) return null;
        var name = header.Name.Value;
        if (name.Length == 0) return null;
        if (!names.Add(name))
        {
            _bag.Report(D.DuplicateDeclaration, header.Name.Span, "header", name);
            return null;
        }
        var value = BindValue(header.Value, scope, null, "Header '" + name + "'");
        return new BoundHeader(name, ToParameterValue(value, "Header '" + name + "'", header.Value));
    }

    private BoundErrorMapping? BindErrors(ErrorsSyntax syntax)
    {
        if (syntax.Block is null) return null;
        var scope = new BindingScope(ScopeKind.Read, "errors");
        BoundExpression? message = null;
        BoundExpression? code = null;
        foreach (var row in syntax.Block.Mappings)
        {
            if (row?.Target is null || row.Source is null) continue;
            if (row.Arrow == MappingArrow.TwoWay)
            {
                _bag.Report(D.NotAllowedHere, row.Span, "'<->'", "in errors; write 'message <- path'");
            }

            var target = row.Target;
            var first = target.Segments.Count > 0 ? target.Segments[0] : null;
            if (first is null || (first.Kind == PathSegmentKind.Name && first.Name.Length == 0)) continue;
            var name = target.Segments.Count == 1 && first.Kind == PathSegmentKind.Name ? first.Name : SyntaxText.Path(target);
            if (name is not ("message" or "code"))
            {
                _bag.Report(D.UnknownConstruct, target.Span, "errors target", name, NameSuggestion.Hint(name, new[] { "message", "code" }) is { Length: > 0 } hint ? hint : "; expected 'message' or 'code'");
                BindValue(row.Source, scope, CrmType.Error, name);
                continue;
            }

            var value = BindValue(row.Source, scope, CrmType.String, name);
            if ((name == "message" ? message : code) is not null)
            {
                _bag.Report(D.DuplicateMapping, target.Span, name, "errors");
                continue;
            }
            if (name == "message") message = value;
            else code = value;
        }
        return new BoundErrorMapping(message, code);
    }

    // ---- resources ----------------------------------------------------------------------

    private BoundResource? BindResource(ResourceSyntax syntax, HashSet<string> names)
    {
        if (IsMissing(syntax.Name)) return null;
        var name = syntax.Name.Text;
        if (!names.Add(name))
        {
            _bag.Report(D.DuplicateDeclaration, syntax.Name.Span, "resource", name);
            return null;
        }

        if (!_facts.ModelsByResource.TryGetValue(name, out var model))
        {
            _bag.Report(D.UnknownResource, syntax.Name.Span, name, NameSuggestion.Hint(name, _facts.ModelsByResource.Keys.OrderBy(k => k, StringComparer.Ordinal)));
        }

        _record = null;
        _recordUsed = false;
        foreach (var record in syntax.Records)
        {
            if (record is null) continue;
            if (_record is null) _record = record;
            else _bag.Report(D.DuplicateDeclaration, record.Keyword.Span, "record mapping of resource", name);
        }

        var operations = new List<BoundOperation>();
        var operationNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in syntax.Operations)
        {
            _ct.ThrowIfCancellationRequested();
            if (operation is null) continue;
            var bound = BindOperation(operation, model, name, operationNames);
            if (bound is not null) operations.Add(bound);
        }

        if (_record is not null && !_recordUsed)
        {
            _bag.Report(D.UnusedRecordMapping, _record.Keyword.Span, name);
        }
        _record = null;

        if (model is null) return null;
        var remoteData = model.Properties.FirstOrDefault(p => p.Type.Kind == CrmTypeKind.RemoteData)?.PropertyName;
        return new BoundResource(name, new UnifiedModelRef(model.Name, model.FullyQualifiedName, remoteData), operations.ToEquatableArray());
    }

    // ---- helpers ------------------------------------------------------------------------

    private static BindingScope SettingsScope(string where, bool allowCredentials)
        => new(ScopeKind.Settings, where, AllowCredentials: allowCredentials);

    /// <summary>The type of an erroneous expression; it never causes a second diagnostic.</summary>
    private static readonly BoundExpression ErrorExpression = new BoundLiteral(LiteralKind.Null, "", CrmType.Error);

    private static bool IsMissing(IdentifierSyntax? identifier) => identifier is null || identifier.IsMissing;

    /// <summary>True when the parser reported something inside <paramref name="span"/>: the binder then stays silent there.</summary>
    private bool HasSyntaxErrorIn(TextSpan span)
    {
        foreach (var diagnostic in _file.Diagnostics)
        {
            if (diagnostic.Span.Start >= span.Start && diagnostic.Span.Start <= span.End) return true;
        }
        return false;
    }

    /// <summary>The span of a member's leading keyword (the member starts with it).</summary>
    private static TextSpan KeywordSpan(TextSpan memberSpan, string keyword)
        => new(memberSpan.Start, Math.Min(keyword.Length, memberSpan.Length));

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ArgumentName(int index, int count)
        => count == 1 ? "The argument" : index switch
        {
            0 => "The first argument",
            1 => "The second argument",
            2 => "The third argument",
            _ => "Argument " + Count(index + 1),
        };

    private static string ToPascalCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.Length == 0 ? "Unnamed" : builder.ToString();
    }
}
