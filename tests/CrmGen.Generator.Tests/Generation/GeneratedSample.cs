using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>The sample (<c>Generation/Sample</c>) run through the whole generator, compiled and loaded once.</summary>
internal static class GeneratedSample
{
    private static readonly Lazy<AdapterAssembly> s_assembly = new(() => AdapterAssembly.Load(GeneratorHarness.Run(GeneratorHarness.Sample()).Output));

    public static AdapterAssembly Assembly => s_assembly.Value;
}

/// <summary>The read path of the adapter generated from <c>sample.crmmap</c>.</summary>
public sealed class GeneratedAdapterReadPathTests : Emit.ReadPathTests
{
    private protected override AdapterAssembly Adapter => GeneratedSample.Assembly;
}

/// <summary>The write path of the adapter generated from <c>sample.crmmap</c>.</summary>
public sealed class GeneratedAdapterWritePathTests : Emit.WritePathTests
{
    private protected override AdapterAssembly Adapter => GeneratedSample.Assembly;
}
