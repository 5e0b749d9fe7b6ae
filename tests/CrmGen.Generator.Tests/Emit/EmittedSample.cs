using CrmGen.Generator.Emit;
using CrmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmGen.Generator.Tests.Emit;

/// <summary>The hand-built sample model, emitted and compiled once for the emitter tests.</summary>
internal static class EmittedSample
{
    private static readonly Lazy<GeneratedSource> s_source = new(() => ProviderEmitter.Emit(SampleModel.Provider(), BoundModelDsl.RuntimeModels()));

    private static readonly Lazy<CSharpCompilation> s_compilation = new(() => TestCompilation.Create(
        "CrmGen.Samples.Emitted",
        new[] { ("SampleProvider.cs", SampleModel.ClassSource), (Source.HintName, Source.Source) }));

    private static readonly Lazy<AdapterAssembly> s_assembly = new(() => AdapterAssembly.Load(Compilation));

    public static GeneratedSource Source => s_source.Value;

    public static CSharpCompilation Compilation => s_compilation.Value;

    public static AdapterAssembly Assembly => s_assembly.Value;

    public static ICrmProvider Provider => Assembly.Provider(SampleModel.ProviderClass);

    public static CrmOperation<TInput, TOutput> Operation<TInput, TOutput>(string resource, string operation)
        where TInput : class
        where TOutput : class
        => Assembly.Operation<TInput, TOutput>(SampleModel.ProviderClass, resource, operation);
}
