using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Binding;
using Scriban.Runtime;

namespace CrmGen.Generator.Emit;

/// <summary>Emits the nested class of one operation (template <c>Operation.sbn</c>).</summary>
internal static class OperationEmitter
{
    private const string NoInput = "global::CrmGen.CrmNoInput";
    private const string PageRequest = "global::CrmGen.CrmPageRequest";

    private static string PageOf(string model) => "global::CrmGen.CrmPage<" + model + ">";

    public static string Emit(
        BoundProvider provider,
        BoundResource resource,
        BoundOperation operation,
        string className,
        EmitContext context,
        IReadOnlyDictionary<string, string> wireNames)
    {
        var model = CSharpText.Global(resource.Model.FullyQualifiedName);
        var takesRecord = operation.Kind is OperationKind.Create or OperationKind.Update or OperationKind.Action;
        var isList = operation.Kind == OperationKind.List;
        var inputType = takesRecord ? model : isList ? PageRequest : NoInput;
        var outputType = operation.Kind switch
        {
            OperationKind.List => PageOf(model),
            OperationKind.Delete => NoInput,
            _ => model,
        };
        var readsRecord = operation.Kind != OperationKind.Delete;

        var staticFields = new List<string>();
        var writeBody = operation.Write is { } write ? WriteBody(write, context, staticFields) : null;
        string? readRecord = null;
        var keyPatterns = new KeyPatternFields();
        var readResponse = readsRecord ? ReadResponse(operation, resource, model, context, keyPatterns, out readRecord) : "return " + NoInput + ".Instance;\n";
        staticFields.AddRange(keyPatterns.Declarations);

        var so = new ScriptObject
        {
            ["class_name"] = className,
            ["summary"] = CSharpText.Xml(resource.Name + " " + operation.Name + ": " + operation.Method + " " + PathText(operation)),
            ["input_type"] = inputType,
            ["output_type"] = outputType,
            ["provider_literal"] = CSharpText.String(provider.Name),
            ["resource_literal"] = CSharpText.String(resource.Name),
            ["name_literal"] = CSharpText.String(operation.Name),
            ["kind"] = operation.Kind.ToString(),
            ["method"] = HttpMethod(operation.Method),
            ["required_fields"] = ReadOnlyList(operation.Requires.Select(r => r.WireName)),
            ["written_fields"] = ReadOnlyList(WrittenFields(operation, resource, wireNames)),
            ["read_fields"] = ReadOnlyList(ReadFields(operation, resource)),
            ["has_body"] = operation.Write is not null ? "true" : "false",
            ["static_fields"] = Body(staticFields, 2),
            ["validate_body"] = Indent(takesRecord ? Validate(operation) : isList && operation.NextPage is { Kind: NextPageKind.Offset } ? ValidateOffset : "", 3),
            ["build_request_body"] = Indent(BuildRequest(operation, context), 3),
            ["write_body"] = writeBody is null ? "" : Indent(writeBody, 3),
            ["has_write_body"] = writeBody is not null,
            ["read_response_body"] = Indent(readResponse, 3),
            ["reads"] = readsRecord,
            ["read_record_body"] = readRecord is null ? "" : Indent(readRecord, 3),
            ["model_type"] = model,
            ["is_list"] = isList,
            ["base_type"] = isList
                ? "global::CrmGen.CrmListOperation<" + model + ">"
                : "global::CrmGen.CrmOperation<" + inputType + ", " + outputType + ">",
            ["paging_kind"] = operation.NextPage is { } next ? next.Kind.ToString() : "None",
            ["record_path"] = RecordPathList(operation.Read?.RecordPath),
        };
        return TemplateRenderer.RenderOperation(so);
    }

    /// <summary>The record path as a list of property names, or null when it has array indexes.</summary>
    private static string RecordPathList(Model.EquatableArray<JsonPathStep>? steps)
    {
        if (steps is not { } path || path.Count == 0) return "global::System.Array.Empty<string>()";
        if (path.Any(s => s.Kind != JsonPathStepKind.Property)) return "null";
        return "global::System.Array.AsReadOnly(new string[] { " + string.Join(", ", path.Select(s => CSharpText.String(s.Name))) + " })";
    }

    private static string PathText(BoundOperation operation)
        => string.Concat(operation.Path.Select(p => p.Literal ?? "{" + p.Name + "}"));

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        _ => "new global::System.Net.Http.HttpMethod(" + CSharpText.String(method) + ")",
    };

    /// <summary>A read-only list of names, sorted ordinally (<c>Array.Empty</c> when none).</summary>
    public static string ReadOnlyList(IEnumerable<string> names)
    {
        var sorted = names.Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        if (sorted.Count == 0) return "global::System.Array.Empty<string>()";
        return "global::System.Array.AsReadOnly(new string[] { " + string.Join(", ", sorted.Select(CSharpText.String)) + " })";
    }

    private static IEnumerable<string> WrittenFields(BoundOperation operation, BoundResource resource, IReadOnlyDictionary<string, string> wireNames)
    {
        var properties = new HashSet<string>();
        UnifiedFieldCollector.Collect(operation.Write?.Body, properties);
        foreach (var part in operation.Path) UnifiedFieldCollector.Collect(part.Value, properties);
        foreach (var query in operation.Query) UnifiedFieldCollector.Collect(query.Value, properties);
        foreach (var header in operation.Headers) UnifiedFieldCollector.Collect(header.Value, properties);
        var model = CSharpText.Global(resource.Model.FullyQualifiedName);
        return properties.Select(p => wireNames.TryGetValue(model + "." + p, out var wire) ? wire : CSharpText.Snake(p));
    }

    private static IEnumerable<string> ReadFields(BoundOperation operation, BoundResource resource)
    {
        if (operation.Read is not { } read) return Enumerable.Empty<string>();
        return read.Record.Fields
            .Where(f => f.Property.PropertyName != resource.Model.RemoteDataProperty)
            .Select(f => f.Property.WireName);
    }

    /// <summary>An offset-paged list takes only a whole number from 0 up as its cursor.</summary>
    private const string ValidateOffset = "global::CrmGen.Mapping.CrmPaging.ValidateOffset(ProviderName, ResourceName, OperationName, input.Cursor);\n";

    private static string Validate(BoundOperation operation)
    {
        var w = new CodeWriter();
        foreach (var required in operation.Requires)
        {
            var member = "input." + required.PropertyName;
            var test = required.Type.Kind switch
            {
                CrmTypeKind.String => "string.IsNullOrEmpty(" + member + ")",
                CrmTypeKind.List or CrmTypeKind.CustomFields => member + " is null || " + member + ".Count == 0",
                _ when CrmTypes.IsValueType(required.Type) => "((" + CrmTypes.CSharp(required.Type) + "?)" + member + ") is null",
                _ => member + " is null",
            };
            w.Open("if (" + test + ")");
            w.Line("throw global::CrmGen.CrmValidationException.MissingField(ProviderName, ResourceName, OperationName, " + CSharpText.String(required.WireName) + ");");
            w.Close();
        }
        return w.ToString();
    }

    private static string BuildRequest(BoundOperation operation, EmitContext context)
    {
        var w = new CodeWriter();
        var names = new ReadNames();
        var expressions = new ExpressionEmitter(new EmitContext(context.ProviderClass, context.EnumMethods, context.InverseEnumMethods, context.ContextValues)
        {
            Account = "account",
            Id = "id",
            Names = names,
        }, null, "input");
        if (operation.NextPage is { Kind: NextPageKind.Url })
        {
            // The next page of a 'next_page url' operation is a GET of the URL the provider gave.
            w.Open("if (input.Cursor is { } nextPageUrl)");
            w.Line("request.SetNextPageUrl(nextPageUrl);");
            foreach (var header in operation.Headers)
            {
                w.Line("request.SetHeader(" + CSharpText.String(header.Name) + ", " + expressions.Text(expressions.Emit(header.Value)) + ");");
            }
            w.Line("return;");
            w.Close();
        }
        foreach (var part in operation.Path)
        {
            if (part.Literal is { } literal)
            {
                if (literal.Length > 0) w.Line("request.AppendPath(" + CSharpText.String(literal) + ");");
                continue;
            }
            var name = part.Name ?? "";
            var value = part.Value is { } v
                ? expressions.Text(expressions.Emit(v))
                : name == "id" ? "id" : "account.GetContext(" + CSharpText.String(name) + ")";
            w.Line("request.AppendPathParameter(" + CSharpText.String(name) + ", " + value + ");");
        }
        foreach (var query in operation.Query)
        {
            w.Line("request.AddQuery(" + CSharpText.String(query.Name) + ", " + expressions.Text(expressions.Emit(query.Value)) + ");");
        }
        foreach (var header in operation.Headers)
        {
            w.Line("request.SetHeader(" + CSharpText.String(header.Name) + ", " + expressions.Text(expressions.Emit(header.Value)) + ");");
        }
        return w.ToString();
    }

    private static string WriteBody(BoundWrite write, EmitContext context, List<string> staticFields)
    {
        var w = new CodeWriter();
        var names = new ReadNames();
        var expressions = new ExpressionEmitter(new EmitContext(context.ProviderClass, context.EnumMethods, context.InverseEnumMethods, context.ContextValues)
        {
            Names = names,
            Account = "account",
        }, null, "input");
        var emitter = new WriteBodyEmitter(w, names);
        emitter.Body((BoundJsonObject)ReadNormalizer.Normalize(write.Body), expressions);
        staticFields.AddRange(emitter.StaticFields);
        return w.ToString();
    }

    private static string ReadResponse(BoundOperation operation, BoundResource resource, string model, EmitContext context, KeyPatternFields keyPatterns, out string readRecord)
    {
        var isList = operation.Kind == OperationKind.List;
        var read = operation.Read ?? new BoundRead(Model.EquatableArray<JsonPathStep>.Empty, new BoundObjectConstruction(resource.Model, Model.EquatableArray<BoundFieldAssignment>.Empty, new CrmType(CrmTypeKind.Model, model)));
        readRecord = ReadRecord(read, resource, model, context, keyPatterns);

        var names = new ReadNames();
        var responseContext = new EmitContext(context.ProviderClass, context.EnumMethods, context.InverseEnumMethods, context.ContextValues) { Names = names, Account = "options.Account", AccountMayBeNull = true };
        var response = new ReadScope(names);
        var expressions = new ExpressionEmitter(responseContext, response, null);
        var outputType = isList ? "global::System.Collections.Generic.List<" + model + ">" : model;
        BoundExpression? nextPage = null;
        if (isList && operation.NextPage is { } next)
        {
            nextPage = ReadNormalizer.Normalize(next.Value);
            ReadPlanBuilder.Collect(nextPage, response);
        }
        var slot = response.GetOrAdd(new BoundLiteral(Syntax.LiteralKind.String, "record", CrmType.String), new CrmType(CrmTypeKind.Model, outputType), outputType + "?", "null", out _);
        ReadPlanBuilder.NodeAt(response.Root, read.RecordPath).Requirements.Add(new RecordRequirement(slot, isList, model));

        var w = new CodeWriter();
        if (operation.Read is null)
        {
            // No read mapping: a success without a body (204 No Content, e.g. a PATCH) is a record
            // with nothing set. With a read mapping an empty body stays an error (no partial records).
            w.Open("if (" + ReadCodeEmitter.Reader + ".IsEmptyBody(utf8Json))");
            w.Line(isList ? "return new " + PageOf(model) + "(new " + outputType + "(), null);" : "return new " + outputType + "();");
            w.Close();
        }
        w.Line("var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json);");
        w.Open("try");
        w.Line("reader.Read();");
        var code = new ReadCodeEmitter(w, expressions, lenient: false);
        code.DeclareSlots(response);
        code.Value(response.Root);
        w.Line("reader.Read();");
        if (isList)
        {
            var nextText = nextPage is null
                ? "null"
                : operation.NextPage is { Kind: NextPageKind.Offset }
                    // Another page follows at this page's offset plus its record count.
                    ? "global::CrmGen.Mapping.CrmPaging.NextOffset(options.Page, " + expressions.Condition(expressions.Emit(nextPage)) + ", " + slot.Name + "?.Count ?? 0)"
                    : expressions.Text(expressions.Emit(nextPage));
            w.Line("return new " + PageOf(model) + "(" + slot.Name + " ?? new " + outputType + "(), " + nextText + ");");
        }
        else
        {
            w.Line("return " + slot.Name + " ?? throw " + ReadCodeEmitter.Reader + ".MissingRecord(ProviderName, ResourceName, " + CSharpText.String(JsonPathText(read.RecordPath)) + ");");
        }
        w.Close();
        w.Open("catch (global::System.Text.Json.JsonException exception)");
        w.Line("throw " + ReadCodeEmitter.Reader + ".MalformedJson(ProviderName, ResourceName, utf8Json, exception);");
        w.Close();
        return w.ToString();
    }

    private static string ReadRecord(BoundRead read, BoundResource resource, string model, EmitContext context, KeyPatternFields keyPatterns)
    {
        var names = new ReadNames();
        var recordContext = new EmitContext(context.ProviderClass, context.EnumMethods, context.InverseEnumMethods, context.ContextValues) { Names = names, Account = "options.Account", AccountMayBeNull = true, KeyPatterns = keyPatterns };
        var record = (BoundObjectConstruction)ReadNormalizer.Normalize(read.Record);
        var scope = new ReadScope(names);
        ReadPlanBuilder.Collect(record, scope);
        var expressions = new ExpressionEmitter(recordContext, scope, null);
        var remoteData = resource.Model.RemoteDataProperty;
        if (remoteData is not null && record.Fields.Any(f => f.Property.PropertyName == remoteData)) remoteData = null;

        var w = new CodeWriter();
        w.Open("if (reader.TokenType != " + ReadCodeEmitter.Token + ".StartObject)");
        w.Line("throw Unexpected(utf8Json, ref reader, \"an object\");");
        w.Close();
        if (remoteData is not null) w.Line("var start = reader.TokenStartIndex;");
        var code = new ReadCodeEmitter(w, expressions, lenient: false);
        code.DeclareSlots(scope);
        code.ObjectLoop(scope.Root);
        var assignments = expressions.Assignments(record).ToList();
        if (remoteData is not null)
        {
            assignments.Add(remoteData + " = options.IgnoreRemoteData ? null : global::CrmGen.RawJson.Copy(utf8Json.Slice((int)start, (int)(reader.BytesConsumed - start)))");
        }
        if (assignments.Count == 0)
        {
            w.Line("return new " + model + "();");
        }
        else
        {
            w.Line("return new " + model);
            w.Open();
            foreach (var assignment in assignments) w.Line(assignment + ",");
            w.Close(";");
        }
        return w.ToString();
    }

    /// <summary>The JSON path of a record path, e.g. <c>$.results</c>.</summary>
    public static string JsonPathText(IEnumerable<JsonPathStep> steps)
    {
        var sb = new System.Text.StringBuilder("$");
        foreach (var step in steps)
        {
            if (step.Kind == JsonPathStepKind.Index)
            {
                sb.Append('[').Append(CSharpText.Int(step.Index)).Append(']');
            }
            else if (step.Name.Length > 0 && step.Name.All(c => c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                sb.Append('.').Append(step.Name);
            }
            else
            {
                sb.Append("['").Append(step.Name.Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
            }
        }
        return sb.ToString();
    }

    /// <summary>Lines indented by <paramref name="levels"/> steps; empty text stays empty.</summary>
    public static string Indent(string text, int levels)
    {
        if (text.Length == 0) return "";
        var pad = new string(' ', levels * 4);
        var lines = text.TrimEnd('\n').Split('\n');
        var sb = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length > 0) sb.Append(pad).Append(line);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Body(IEnumerable<string> lines, int levels) => Indent(string.Join("\n", lines), levels);
}
