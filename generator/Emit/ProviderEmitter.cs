using System;
using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;
using Scriban.Runtime;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Emits one provider's adapter: the <c>[CrmProvider]</c> partial class implementing
/// <c>ICrmProvider</c>, its enum tables, and one nested operation class per operation
/// (templates <c>Provider.sbn</c> and <c>Operation.sbn</c>).
/// </summary>
internal static class ProviderEmitter
{
    /// <summary>The hint name of a provider's file: <c>Namespace.Class.CrmProvider.g.cs</c>.</summary>
    public static string HintName(ProviderClassRef providerClass)
    {
        var name = providerClass.Namespace.Length == 0 ? providerClass.ClassName : providerClass.Namespace + "." + providerClass.ClassName;
        return name + ".CrmProvider.g.cs";
    }

    /// <param name="provider">The bound provider.</param>
    /// <param name="models">The unified models (for the wire names of written fields).</param>
    public static GeneratedSource Emit(BoundProvider provider, EquatableArray<UnifiedModelFacts> models)
    {
        var providerClass = CSharpText.Global(provider.Class.FullyQualifiedName);
        var wireNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var property in model.Properties)
            {
                wireNames[CSharpText.Global(model.FullyQualifiedName) + "." + property.PropertyName] = property.WireName;
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal) { "CrmEnumTables", "Instance" };
        var enumMethods = new Dictionary<string, string>(StringComparer.Ordinal);
        var inverseEnumMethods = new Dictionary<string, string>(StringComparer.Ordinal);
        var enumNames = new HashSet<string>(StringComparer.Ordinal);
        var tables = new CodeWriter(2);
        foreach (var table in provider.Enums)
        {
            var method = Unique(CSharpText.Pascal(table.Name), enumNames);
            enumMethods[table.Name] = "CrmEnumTables." + method;
            EnumTable(tables, method, table.Entries.Select(e => (e.From, e.To)), table.Else);
            if (table.IsInvertible)
            {
                var inverse = Unique(method + "Inverse", enumNames);
                inverseEnumMethods[table.Name] = "CrmEnumTables." + inverse;
                EnumTable(tables, inverse, table.Entries.Select(e => (e.To, e.From)), null);
            }
        }

        var contextValues = provider.Context.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Any(c => c.IsRequired), StringComparer.Ordinal);
        var context = new EmitContext(providerClass, enumMethods, inverseEnumMethods, contextValues);

        var operations = new List<string>();
        var operationRefs = new List<(string Resource, string Operation, string Class)>();
        foreach (var resource in provider.Resources)
        {
            foreach (var operation in resource.Operations)
            {
                var className = Unique(CSharpText.Pascal(resource.Name) + CSharpText.Pascal(operation.Name) + "Operation", used);
                operations.Add(OperationEmitter.Emit(provider, resource, operation, className, context, wireNames).TrimEnd('\n'));
                operationRefs.Add((resource.Name, operation.Name, className));
            }
        }

        var so = new ScriptObject
        {
            ["namespace"] = provider.Class.Namespace,
            ["class_name"] = provider.Class.ClassName,
            ["name_literal"] = CSharpText.String(provider.Name),
            ["display_name_literal"] = CSharpText.String(provider.DisplayName),
            ["operation_list"] = operationRefs.Count == 0
                ? "global::System.Array.Empty<global::CrmGen.CrmOperation>()"
                : "global::System.Array.AsReadOnly(new global::CrmGen.CrmOperation[] { " + string.Join(", ", operationRefs.Select(o => o.Class + ".Instance")) + " })",
            ["credential_list"] = OperationEmitter.ReadOnlyList(provider.Credentials),
            ["context_list"] = ContextList(provider),
            ["find_operation_body"] = OperationEmitter.Indent(FindOperation(operationRefs), 2),
            ["prepare_request_body"] = OperationEmitter.Indent(PrepareRequest(provider, context), 2),
            ["read_error_body"] = OperationEmitter.Indent(ReadError(provider, context), 2),
            ["enum_tables"] = tables.ToString(),
            ["has_enum_tables"] = provider.Enums.Count > 0,
            ["operations"] = operations,
        };
        return new GeneratedSource(HintName(provider.Class), TemplateRenderer.RenderProvider(so));
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++) candidate = name + CSharpText.Int(i);
        return candidate;
    }

    private static void EnumTable(CodeWriter w, string method, IEnumerable<(string From, string To)> rows, string? otherwise)
    {
        w.Line("public static string? " + method + "(string? value) => value switch");
        w.Open();
        w.Line("null => null,");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, to) in rows)
        {
            if (seen.Add(from)) w.Line(CSharpText.String(from) + " => " + CSharpText.String(to) + ",");
        }
        w.Line("_ => " + (otherwise is null ? "null" : CSharpText.String(otherwise)) + ",");
        w.Close(";");
    }

    private static string ContextList(BoundProvider provider)
    {
        if (provider.Context.Count == 0) return "global::System.Array.Empty<global::CrmGen.CrmContextValue>()";
        var items = provider.Context.Select(c => "new global::CrmGen.CrmContextValue(" + CSharpText.String(c.Name) + ", " + (c.IsRequired ? "true" : "false") + ")");
        return "global::System.Array.AsReadOnly(new global::CrmGen.CrmContextValue[] { " + string.Join(", ", items) + " })";
    }

    private static string FindOperation(List<(string Resource, string Operation, string Class)> operations)
    {
        var w = new CodeWriter();
        if (operations.Count > 0)
        {
            w.Open("switch (resource)");
            foreach (var resource in operations.GroupBy(o => o.Resource))
            {
                w.Line("case " + CSharpText.String(resource.Key) + ":");
                w.Push();
                w.Open("switch (operation)");
                foreach (var operation in resource.GroupBy(o => o.Operation).Select(g => g.First()))
                {
                    w.Line("case " + CSharpText.String(operation.Operation) + ": return " + operation.Class + ".Instance;");
                }
                w.Close();
                w.Line("break;");
                w.Pop();
            }
            w.Close();
        }
        w.Line("return null;");
        return w.ToString();
    }

    private static string PrepareRequest(BoundProvider provider, EmitContext context)
    {
        var w = new CodeWriter();
        var expressions = new ExpressionEmitter(new EmitContext(context.ProviderClass, context.EnumMethods, context.InverseEnumMethods, context.ContextValues)
        {
            Account = "account",
        }, null, null);
        string NonNull(BoundExpression expression)
        {
            var value = expressions.Emit(expression);
            var text = expressions.Text(value);
            return value.MayBeNull || value.Type.Kind != CrmTypeKind.String ? "(" + text + " ?? \"\")" : text;
        }

        foreach (var value in provider.Context.Where(c => c.IsRequired))
        {
            w.Line("_ = account.GetRequiredContext(" + CSharpText.String(value.Name) + ");");
        }
        w.Open("if (account.BaseAddressOverride is { } baseAddress)");
        w.Line("request.SetBaseAddress(baseAddress.AbsoluteUri);");
        w.Close();
        w.Open("else");
        w.Line("request.SetBaseAddress(" + NonNull(provider.BaseUrl) + ");");
        w.Close();

        var args = provider.Auth.Arguments;
        string Arg(int i) => i < args.Count ? NonNull(args[i]) : "\"\"";
        var parameter = CSharpText.String(provider.Auth.ParameterName ?? "");
        switch (provider.Auth.Kind)
        {
            case AuthKind.Bearer:
            case AuthKind.OAuth2:
                w.Line("request.SetBearerToken(" + Arg(0) + ");");
                break;
            case AuthKind.Basic:
                var password = args.Count > 1 ? expressions.Text(expressions.Emit(args[1])) : "null";
                w.Line("request.SetBasicAuthentication(" + Arg(0) + ", " + password + ");");
                break;
            case AuthKind.ApiKeyHeader:
                w.Line("request.SetHeader(" + parameter + ", " + Arg(0) + ");");
                break;
            case AuthKind.ApiKeyQuery:
                w.Line("request.AddQuery(" + parameter + ", " + Arg(0) + ");");
                break;
        }
        foreach (var header in provider.Headers)
        {
            w.Line("request.SetHeader(" + CSharpText.String(header.Name) + ", " + expressions.Text(expressions.Emit(header.Value)) + ");");
        }
        return w.ToString();
    }

    private static string ReadError(BoundProvider provider, EmitContext context)
    {
        var w = new CodeWriter();
        if (provider.Errors is not { } errors || (errors.Message is null && errors.Code is null))
        {
            w.Line("return default;");
            return w.ToString();
        }
        var names = new ReadNames();
        var scope = new ReadScope(names);
        var message = errors.Message is null ? null : ReadNormalizer.Normalize(errors.Message);
        var code = errors.Code is null ? null : ReadNormalizer.Normalize(errors.Code);
        if (message is not null) ReadPlanBuilder.Collect(message, scope);
        if (code is not null) ReadPlanBuilder.Collect(code, scope);
        var expressions = new ExpressionEmitter(new EmitContext(context.ProviderClass, context.EnumMethods, context.InverseEnumMethods, context.ContextValues) { Names = names }, scope, null);

        w.Open("try");
        w.Line("var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json);");
        w.Line("reader.Read();");
        var reader = new ReadCodeEmitter(w, expressions, lenient: true);
        reader.DeclareSlots(scope);
        reader.Value(scope.Root);
        var messageCode = message is null ? "null" : expressions.Text(expressions.Emit(message));
        var codeCode = code is null ? "null" : expressions.Text(expressions.Emit(code));
        w.Line("return new global::CrmGen.CrmProviderError(" + messageCode + ", " + codeCode + ");");
        w.Close();
        w.Open("catch (global::System.Text.Json.JsonException)");
        w.Line("return default;");
        w.Close();
        return w.ToString();
    }
}
