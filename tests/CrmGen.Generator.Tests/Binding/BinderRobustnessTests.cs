using CrmGen.Generator.Binding;
using CrmGen.Generator.Parsing;

namespace CrmGen.Generator.Tests.Binding;

/// <summary>No input, however broken, makes the binder throw: every truncation and many random edits of valid files.</summary>
public class BinderRobustnessTests
{
    public static TheoryData<string> Examples => new()
    {
        nameof(BindingExamples.ReadmeClose),
        nameof(BindingExamples.ReadmeHook),
        nameof(BindingExamples.Everything),
    };

    private static string Example(string name) => (string)typeof(BindingExamples).GetField(name)!.GetValue(null)!;

    private static void BindAll(string text)
    {
        var file = CrmMapParser.Parse("/maps/fuzz.crmmap", text, CancellationToken.None);
        var bound = CrmMapBinder.Bind(file, BindingTestHost.Facts, CancellationToken.None);
        Assert.True(bound.Diagnostics.Count > 0 || bound.Providers.Count >= 0);
        foreach (var diagnostic in bound.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.End, 0, text.Length);
            Assert.False(string.IsNullOrEmpty(BindingTestHost.Message(diagnostic)));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_prefix_binds_without_throwing(string name)
    {
        var text = Example(name);
        for (var length = 0; length <= text.Length; length++)
        {
            BindAll(text.Substring(0, length));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Random_edits_bind_without_throwing(string name)
    {
        var text = Example(name);
        var random = new Random(20240607);
        const string alphabet = "{}()[],.*$@<->?|&=!\"\\ \n abc_019xyz";
        for (var round = 0; round < 1500; round++)
        {
            var chars = text.ToCharArray().ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && chars.Count > 0; e++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            BindAll(new string(chars.ToArray()));
        }
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var deep = new string('(', 5000) + "x" + new string(')', 5000);
        BindAll("provider test { base_url \"x\" auth none errors { message <- " + deep + " } }");
        var coalesce = string.Join(" ?? ", Enumerable.Repeat("a", 5000));
        BindAll("provider test { base_url \"x\" auth none errors { message <- " + coalesce + " } }");
        var each = string.Concat(Enumerable.Repeat("a each ", 3000)) + "b";
        BindAll("provider test { base_url \"x\" auth none resource contacts { get GET \"/{id}\" { read { tags <- " + each + " } } } }");
    }

    [Theory]
    [InlineData("({0}) as datetime", " ?? ")]
    [InlineData("{0}", " ?? ")]
    [InlineData("{0}", " && ")]
    [InlineData("x{0}", " as string")]
    [InlineData("x{0}", " via t")]
    public void Very_long_chains_bind_on_a_small_stack(string shape, string link)
    {
        // Left-nested chains are built by loops, not recursion; the parser caps their length.
        var chain = shape.Contains("x{0}", StringComparison.Ordinal)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, string.Concat(Enumerable.Repeat(link, 50_000)))
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, string.Join(link, Enumerable.Repeat("a", 50_000)));
        var text = "provider test { base_url \"x\" auth none enum t { \"a\" -> \"b\" } resource contacts { create POST \"/c\" { "
            + "read { created_at <- " + chain + " } map { first_name <-> " + chain + " } write { x <- first_name } } } }";
        var file = CrmMapParser.Parse("/maps/deep.crmmap", text, CancellationToken.None);

        BoundFile? bound = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                bound = CrmMapBinder.Bind(file, BindingTestHost.Facts, CancellationToken.None);
                _ = bound.GetHashCode();
                _ = bound.Equals(CrmMapBinder.Bind(file, BindingTestHost.Facts, CancellationToken.None));
            }
            catch (Exception e)
            {
                error = e;
            }
        }, maxStackSize: 1024 * 1024);
        _ = BindingTestHost.Facts;
        thread.Start();
        thread.Join();
        Assert.Null(error);
        // The parser already bounds chains (CRM0001 "chained too deeply"); the binder's own limit
        // ("nested too deeply") stays as a second guard for trees built some other way.
        Assert.Contains(bound!.Diagnostics, d => d.Id == "CRM0001" && BindingTestHost.Message(d).Contains("too deeply", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_without_models_or_classes_bind_without_throwing()
    {
        var empty = new CompilationFacts(default, default);
        foreach (var name in new[] { nameof(BindingExamples.ReadmeClose), nameof(BindingExamples.Everything) })
        {
            var bound = CrmMapBinder.Bind(BindingTestHost.Parse(Example(name)), empty);
            Assert.Contains(bound.Diagnostics, d => d.Id == "CRM0016");
        }
    }
}
