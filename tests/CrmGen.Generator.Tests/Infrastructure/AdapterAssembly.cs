using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator.Tests.Infrastructure;

/// <summary>
/// Generated adapters compiled to memory and loaded into a collectible load context (CrmGen.Runtime
/// resolves to the test's own copy, so unified models are the same types the tests use).
/// </summary>
public sealed class AdapterAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private AdapterAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Emits the compilation (failing with its diagnostics when it does not compile) and loads it.</summary>
    public static AdapterAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:" + Environment.NewLine
                + TestCompilation.Format(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName + "-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new AdapterAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>The <c>Instance</c> of a provider class, as <see cref="ICrmProvider"/>.</summary>
    public ICrmProvider Provider(string fullName)
    {
        var type = Assembly.GetType(fullName, throwOnError: true)!;
        return (ICrmProvider)type.GetField("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>A typed operation of a provider.</summary>
    public CrmOperation<TInput, TOutput> Operation<TInput, TOutput>(string providerFullName, string resource, string operation)
        where TInput : class
        where TOutput : class
        => (CrmOperation<TInput, TOutput>)(Provider(providerFullName).FindOperation(resource, operation)
            ?? throw new InvalidOperationException($"No operation {resource}.{operation}."));

    /// <inheritdoc />
    public void Dispose() => _context.Unload();
}
