using CrmGen.Generator.Binding;
using CrmGen.Generator.Emit;
using CrmGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CrmGen.Benchmarks.Generator;

internal static class GeneratorDebug
{
    public static void Run(Compilation compilation, IEnumerable<AdditionalText> maps)
    {
        var facts = CompilationFactsExtractor.Extract(compilation, default);
        Console.WriteLine("facts null: " + (facts is null));
        foreach (var map in maps)
        {
            var file = CrmMapParser.Parse(map.Path, map.GetText()!.ToString(), default);
            Console.WriteLine(map.Path + " parsed: " + (file is not null));
            var bound = CrmMapBinder.Bind(file!, facts!, default);
            Console.WriteLine(" providers: " + bound.Providers.Count());
            foreach (var p in bound.Providers)
            {
                try { Console.WriteLine(" emit: " + ProviderEmitter.Emit(p, facts!.Models).HintName); }
                catch (Exception e) { Console.WriteLine(" emit failed: " + e); }
            }
        }
    }
}
