using System;
using System.Collections.Generic;
using System.Linq;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Analysis;

/// <summary>
/// One place where the generator's reading of the C# declarations (from syntax, see
/// <see cref="DeclarationReader"/>) differs from C#'s binding: the class (fully qualified), the
/// member (a hook method or model property, with its overload index) and parameter it concerns,
/// and the words of CRM0036.
/// </summary>
internal sealed record DeclarationDifference(
    string ClassName,
    string? Member,
    int Overload,
    int Parameter,
    string What,
    string Written,
    string Bound,
    string Suggestion);

/// <summary>
/// Compares the facts the generator reads from syntax with the facts C# binds. Types the mapping
/// language cannot use are equal whatever their names (both sides reject them the same way).
/// </summary>
internal static class DeclarationCheck
{
    private const string AttributeByName =
        "; CrmGen recognises its attributes by name: write [CrmProvider(\"name\")] or [CrmGen.CrmProvider(\"name\")], or use an alias declared in the same file";

    /// <summary>The differences between <paramref name="written"/> (from syntax) and <paramref name="bound"/> (from binding).</summary>
    public static List<DeclarationDifference> Compare(CompilationFacts written, CompilationFacts bound)
    {
        var differences = new List<DeclarationDifference>();
        CompareProviders(written, bound, differences);
        CompareModels(written, bound, differences);
        return differences;
    }

    private static void CompareProviders(CompilationFacts written, CompilationFacts bound, List<DeclarationDifference> differences)
    {
        var writtenByClass = new Dictionary<string, ProviderClassFacts>(StringComparer.Ordinal);
        foreach (var provider in written.ProviderClasses)
        {
            if (!writtenByClass.ContainsKey(provider.FullyQualifiedName)) writtenByClass.Add(provider.FullyQualifiedName, provider);
        }
        var boundClasses = new HashSet<string>(StringComparer.Ordinal);

        foreach (var provider in bound.ProviderClasses)
        {
            if (!boundClasses.Add(provider.FullyQualifiedName)) continue;
            var plainName = WithoutTypeArguments(provider.FullyQualifiedName);
            if (plainName != provider.FullyQualifiedName)
            {
                // Generic, or nested in a generic class: the adapter has no type arguments to give.
                boundClasses.Add(plainName);
                differences.Add(new DeclarationDifference(provider.FullyQualifiedName, null, 0, -1,
                    "class '" + provider.ClassName + "'", "a class outside any generic class", "'" + provider.FullyQualifiedName.Replace("global::", "") + "'",
                    "; a provider class cannot be generic or nested in a generic class: declare it at namespace level or in a non-generic class"));
                continue;
            }
            if (!writtenByClass.TryGetValue(provider.FullyQualifiedName, out var read))
            {
                differences.Add(new DeclarationDifference(provider.FullyQualifiedName, null, 0, -1,
                    "class '" + provider.ClassName + "'", "no [CrmProvider] attribute with a constant name",
                    "[CrmProvider(\"" + provider.ProviderName + "\")]",
                    AttributeByName + "; the name must be a string literal"));
                continue;
            }
            if (read.ProviderName != provider.ProviderName)
            {
                differences.Add(new DeclarationDifference(provider.FullyQualifiedName, null, 0, -1,
                    "the provider name of class '" + provider.ClassName + "'", "\"" + read.ProviderName + "\"", "\"" + provider.ProviderName + "\"",
                    "; write the name as a string literal"));
                continue;
            }
            if ((read.CannotBeCreated is null) != (provider.CannotBeCreated is null))
            {
                differences.Add(new DeclarationDifference(provider.FullyQualifiedName, null, 0, -1,
                    "whether class '" + provider.ClassName + "' can be created with 'new " + provider.ClassName + "()'",
                    read.CannotBeCreated is null ? "it can" : "it cannot (it " + read.CannotBeCreated + ")",
                    provider.CannotBeCreated is null ? "it can" : "it cannot (it " + provider.CannotBeCreated + ")",
                    "; declare the constructor without parameters in a part of the class marked 'partial'"));
            }
            CompareHooks(provider, read, differences);
        }

        foreach (var provider in written.ProviderClasses)
        {
            if (boundClasses.Contains(provider.FullyQualifiedName)) continue;
            differences.Add(new DeclarationDifference(provider.FullyQualifiedName, null, 0, -1,
                "class '" + provider.ClassName + "'", "[CrmProvider(\"" + provider.ProviderName + "\")]", "an attribute that is not CrmGen.CrmProviderAttribute",
                "; rename that attribute, or refer to it by a qualified name other than CrmProvider"));
        }
    }

    private static void CompareHooks(ProviderClassFacts bound, ProviderClassFacts written, List<DeclarationDifference> differences)
    {
        foreach (var group in bound.Hooks.GroupBy(h => h.Name, StringComparer.Ordinal))
        {
            var boundOverloads = group.ToList();
            var writtenOverloads = written.Hooks.Where(h => h.Name == group.Key).ToList();
            for (var i = 0; i < boundOverloads.Count; i++)
            {
                var hook = boundOverloads[i];
                if (i >= writtenOverloads.Count)
                {
                    differences.Add(new DeclarationDifference(bound.FullyQualifiedName, hook.Name, i, -1,
                        "the static methods of class '" + bound.ClassName + "'", "no method '" + hook.Name + "' here", "one",
                        "; declare it in the part of the class marked [CrmProvider], or in another part that is declared 'partial'"));
                    continue;
                }
                var read = writtenOverloads[i];
                if (read.Parameters.Count != hook.Parameters.Count)
                {
                    differences.Add(new DeclarationDifference(bound.FullyQualifiedName, hook.Name, i, -1,
                        "the parameters of '" + hook.Name + "'", read.Parameters.Count + " parameter(s)", hook.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "; keep the overloads of a hook in one part of the class"));
                    continue;
                }
                if (!SameType(read.ReturnType, hook.ReturnType))
                {
                    differences.Add(new DeclarationDifference(bound.FullyQualifiedName, hook.Name, i, -1,
                        "the return type of '" + hook.Name + "'", Describe(read.ReturnType), Describe(hook.ReturnType), TypeSuggestion));
                }
                for (var p = 0; p < hook.Parameters.Count; p++)
                {
                    if (!SameType(read.Parameters[p], hook.Parameters[p]))
                    {
                        differences.Add(new DeclarationDifference(bound.FullyQualifiedName, hook.Name, i, p,
                            "the type of parameter " + (p + 1) + " of '" + hook.Name + "'", Describe(read.Parameters[p]), Describe(hook.Parameters[p]), TypeSuggestion));
                    }
                    else if (hook.Parameters[p].Kind != CrmTypeKind.Error && NonNullable(read, p) != NonNullable(hook, p))
                    {
                        differences.Add(new DeclarationDifference(bound.FullyQualifiedName, hook.Name, i, p,
                            "whether parameter " + (p + 1) + " of '" + hook.Name + "' takes null", NonNullable(read, p) ? "it does not" : "it does",
                            NonNullable(hook, p) ? "one that does not" : "one that does",
                            "; write '?' on the type, or a #nullable directive in the same file, to say it"));
                    }
                }
            }
            for (var i = boundOverloads.Count; i < writtenOverloads.Count; i++)
            {
                differences.Add(new DeclarationDifference(bound.FullyQualifiedName, group.Key, i, -1,
                    "the static methods of class '" + bound.ClassName + "'", "another method '" + group.Key + "'", "none", "; remove the extra declaration"));
            }
        }
        foreach (var read in written.Hooks)
        {
            if (bound.Hooks.Any(h => h.Name == read.Name)) continue;
            differences.Add(new DeclarationDifference(bound.FullyQualifiedName, read.Name, 0, -1,
                "the static methods of class '" + bound.ClassName + "'", "a method '" + read.Name + "'", "none", "; remove the extra declaration"));
        }
    }

    private static void CompareModels(CompilationFacts written, CompilationFacts bound, List<DeclarationDifference> differences)
    {
        var writtenByName = new Dictionary<string, UnifiedModelFacts>(StringComparer.Ordinal);
        foreach (var model in written.Models)
        {
            if (!writtenByName.ContainsKey(model.FullyQualifiedName)) writtenByName.Add(model.FullyQualifiedName, model);
        }
        var boundNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in bound.Models)
        {
            if (!boundNames.Add(model.FullyQualifiedName)) continue;
            if (!writtenByName.TryGetValue(model.FullyQualifiedName, out var read))
            {
                differences.Add(new DeclarationDifference(model.FullyQualifiedName, null, 0, -1,
                    "class '" + model.Name + "'", "no [UnifiedModel] attribute", "[UnifiedModel]",
                    "; CrmGen recognises its attributes by name: write [UnifiedModel] or [CrmGen.UnifiedModel], or use an alias declared in the same file"));
                continue;
            }
            if (read.Resource != model.Resource)
            {
                differences.Add(new DeclarationDifference(model.FullyQualifiedName, null, 0, -1,
                    "the resource of unified model '" + model.Name + "'", Quote(read.Resource), Quote(model.Resource), "; write the resource as a string literal"));
            }
            foreach (var property in model.Properties)
            {
                var readProperty = read.Properties.FirstOrDefault(p => p.PropertyName == property.PropertyName);
                if (readProperty is null)
                {
                    differences.Add(new DeclarationDifference(model.FullyQualifiedName, property.PropertyName, 0, -1,
                        "the properties of unified model '" + model.Name + "'", "no settable property '" + property.PropertyName + "'", "one",
                        "; declare it in the model class itself, or in a base class that is a unified model, as 'public T Name { get; set; }'"));
                }
                else if (!SameType(readProperty.Type, property.Type))
                {
                    differences.Add(new DeclarationDifference(model.FullyQualifiedName, property.PropertyName, 0, -1,
                        "the type of property '" + property.PropertyName + "' of '" + model.Name + "'", Describe(readProperty.Type), Describe(property.Type), TypeSuggestion));
                }
                else if (readProperty.WireName != property.WireName)
                {
                    differences.Add(new DeclarationDifference(model.FullyQualifiedName, property.PropertyName, 0, -1,
                        "the JSON name of property '" + property.PropertyName + "' of '" + model.Name + "'", Quote(readProperty.WireName), Quote(property.WireName),
                        "; write [JsonPropertyName(\"name\")] with a string literal"));
                }
            }
            foreach (var readProperty in read.Properties)
            {
                if (model.Properties.Any(p => p.PropertyName == readProperty.PropertyName)) continue;
                differences.Add(new DeclarationDifference(model.FullyQualifiedName, readProperty.PropertyName, 0, -1,
                    "the properties of unified model '" + model.Name + "'", "a settable property '" + readProperty.PropertyName + "'", "none",
                    "; the property is not public, static or settable as C# sees it"));
            }
        }
        foreach (var model in written.Models)
        {
            if (boundNames.Contains(model.FullyQualifiedName)) continue;
            differences.Add(new DeclarationDifference(model.FullyQualifiedName, null, 0, -1,
                "class '" + model.Name + "'", "[UnifiedModel]", "an attribute that is not CrmGen.UnifiedModelAttribute",
                "; rename that attribute, or refer to it by a qualified name other than UnifiedModel"));
        }
    }

    private const string TypeSuggestion =
        "; write the type by a name the generator knows without binding: a keyword (string, int…), DateTimeOffset, List<T>, Dictionary<string, object?>, RawJson or a unified model's name, not an alias declared in another file";

    /// <summary><c>global::A.Outer&lt;T&gt;.Inner</c> as <c>global::A.Outer.Inner</c>.</summary>
    private static string WithoutTypeArguments(string name)
    {
        if (name.IndexOf('<') < 0) return name;
        var builder = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0) builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Equal types, or two types a mapping cannot use (whatever their names).</summary>
    public static bool SameType(CrmType written, CrmType bound)
        => written.Kind == bound.Kind && (bound.Kind == CrmTypeKind.Error || written.CSharpName == bound.CSharpName);

    private static bool NonNullable(HookMethodFacts hook, int parameter)
        => parameter < hook.NonNullableParameters.Count && hook.NonNullableParameters[parameter];

    private static string Describe(CrmType type)
        => type.Kind == CrmTypeKind.Error ? "'" + type.DisplayName + "' (a type a mapping cannot use)" : "'" + type.DisplayName + "'";

    private static string Quote(string? value) => value is null ? "none" : "\"" + value + "\"";
}
