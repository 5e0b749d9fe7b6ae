using System;
using System.Globalization;
using System.IO;
using System.Threading;
using Scriban;
using Scriban.Runtime;

namespace CrmGen.Generator.Emit;

/// <summary>
/// The Scriban templates of the generated code (embedded resources
/// <c>CrmGen.Generator.Templates.*.sbn</c>), each parsed once per process and rendered with a
/// fresh context, invariant culture and <c>\n</c> line endings.
/// </summary>
internal static class TemplateRenderer
{
    private static readonly Lazy<Template> s_provider = new(() => Load("Provider.sbn"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Template> s_operation = new(() => Load("Operation.sbn"), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RenderProvider(ScriptObject model) => Render(s_provider.Value, model);

    public static string RenderOperation(ScriptObject model) => Render(s_operation.Value, model);

    private static Template Load(string name)
    {
        var resource = "CrmGen.Generator.Templates." + name;
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The template resource '" + resource + "' is missing.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n");
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException("The template '" + name + "' does not parse: " + string.Join("; ", template.Messages));
        }
        return template;
    }

    private static string Render(Template template, ScriptObject model)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 64,
            LimitToString = 0,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        try
        {
            return template.Render(context).Replace("\r\n", "\n");
        }
        finally
        {
            context.PopCulture();
            context.PopGlobal();
        }
    }
}
