using System.Reflection;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator.Tests.Binding;

/// <summary>
/// The bound model and the compilation facts flow through the incremental pipeline: no type
/// reachable from them may hold a Roslyn symbol, syntax node, location, compilation or
/// additional text (that would defeat caching and keep compilations alive).
/// </summary>
public class BoundModelPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Microsoft.CodeAnalysis.SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(Location),
        typeof(Compilation), typeof(SemanticModel), typeof(AdditionalText), typeof(Diagnostic),
    };

    [Theory]
    [InlineData(typeof(BoundFile))]
    [InlineData(typeof(CompilationFacts))]
    [InlineData(typeof(CrmDiagnostic))]
    public void No_reachable_type_holds_a_roslyn_object(Type root)
    {
        var seen = new HashSet<Type>();
        var offenders = new List<string>();
        Walk(root, root.Name, seen, offenders);
        Assert.Empty(offenders);
        if (root == typeof(BoundFile))
        {
            // The walk reached the concrete expressions and members.
            Assert.Contains(typeof(BoundHookCall), seen);
            Assert.Contains(typeof(BoundJsonSpread), seen);
            Assert.Contains(typeof(CrmType), seen);
        }
    }

    [Fact]
    public void Every_bound_record_is_sealed_or_abstract_and_compared_by_value()
    {
        var assembly = typeof(BoundFile).Assembly;
        var bound = assembly.GetTypes().Where(t => t.Namespace == "CrmGen.Generator.Binding" && t.Name.StartsWith("Bound", StringComparison.Ordinal) && t.IsClass);
        foreach (var type in bound)
        {
            Assert.True(type.IsSealed || type.IsAbstract, type.Name + " is neither sealed nor abstract");
            Assert.NotNull(type.GetMethod("Equals", new[] { type }));
        }
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> offenders)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>)) type = type.GetGenericArguments()[0];
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type)) return;

        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            offenders.Add(path + ": " + type.FullName);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            var element = type.GetGenericArguments()[0];
            Walk(element, path + "[]", seen, offenders);
            return;
        }

        // Roslyn value types used for positions hold only numbers.
        if (type.Namespace == "Microsoft.CodeAnalysis.Text" && type.IsValueType) return;

        if (type.Namespace?.StartsWith("CrmGen.Generator", StringComparison.Ordinal) != true)
        {
            offenders.Add(path + ": unexpected type " + type.FullName);
            return;
        }

        // Abstract records: every derived type in the generator may stand in their place.
        if (type.IsAbstract)
        {
            foreach (var derived in type.Assembly.GetTypes().Where(t => t != type && type.IsAssignableFrom(t)))
            {
                Walk(derived, path + "<" + derived.Name + ">", seen, offenders);
            }
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            Walk(property.PropertyType, path + "." + property.Name, seen, offenders);
        }
        foreach (var field in type.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (field.Name.Contains("k__BackingField", StringComparison.Ordinal)) continue;
            Walk(field.FieldType, path + "." + field.Name, seen, offenders);
        }
    }
}
