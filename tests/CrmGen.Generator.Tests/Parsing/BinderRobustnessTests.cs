using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;
using CrmGen.Generator.Parsing;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>The binder accepts whatever the parser returns for the fuzz corpus without throwing.</summary>
public class BinderRobustnessTests
{
    private static readonly CompilationFacts NoFacts = new(
        EquatableArray<UnifiedModelFacts>.Empty,
        EquatableArray<ProviderClassFacts>.Empty);

    [Fact]
    public void Fuzz_corpus_never_crashes_the_binder()
    {
        var index = 0;
        foreach (var text in CrmMapFuzzCorpus.Generate(10000, seed: 20240521))
        {
            var file = CrmMapParser.Parse("fuzz.crmmap", text);
            try
            {
                CrmMapBinder.Bind(file, NoFacts);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Input #{index}: the binder threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input ---\n{text}");
            }
            index++;
        }
    }
}
