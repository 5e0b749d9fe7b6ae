using CrmGen.Generator.Binding;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>
/// The parser never throws, and what it returns is well formed: for thousands of random and
/// mutated inputs (which also go through the binder), and for inputs made invalid on purpose,
/// which must always be reported.
/// </summary>
public class ParserRobustnessTests
{
    private const int FuzzCount = 10000;

    private static readonly CompilationFacts NoFacts = new(
        EquatableArray<UnifiedModelFacts>.Empty,
        EquatableArray<ProviderClassFacts>.Empty);

    /// <summary>
    /// Every fuzz input goes through the parser and then the binder (with no unified models and no
    /// provider classes): neither may throw, and the parse result must be well formed. Inputs are
    /// independent, so they run in parallel; the first failing input (by index) is reported.
    /// </summary>
    [Fact]
    public void Fuzz_corpus_never_throws_in_the_parser_or_the_binder()
    {
        var inputs = CrmMapFuzzCorpus.Generate(FuzzCount, seed: 20240521).ToArray();
        Assert.Equal(FuzzCount, inputs.Length);
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Index, string Message)>();
        Parallel.For(0, inputs.Length, index =>
        {
            var text = inputs[index];
            try
            {
                CheckFuzzInput(text, index);
            }
            catch (Exception e)
            {
                failures.Add((index, e.Message));
            }
        });
        if (!failures.IsEmpty)
        {
            var first = failures.OrderBy(f => f.Index).First();
            Assert.Fail($"{failures.Count} of {FuzzCount} inputs failed; the first:\n{first.Message}");
        }
    }

    private static void CheckFuzzInput(string text, int index)
    {
        CrmMapFileSyntax file;
        try
        {
            file = CrmMapParser.Parse("fuzz.crmmap", text);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Input #{index}: the parser threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input ---\n{text}");
        }
        AssertWellFormed(text, file, index);
        if (index % 97 == 0 && !file.Equals(CrmMapParser.Parse("fuzz.crmmap", text)))
        {
            throw new Xunit.Sdk.XunitException($"Input #{index}: two parses differ\n--- input ---\n{text}");
        }
        try
        {
            CrmMapBinder.Bind(file, NoFacts);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Input #{index}: the binder threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input ---\n{text}");
        }
    }

    [Fact]
    public void Corpus_is_deterministic()
    {
        Assert.Equal(CrmMapFuzzCorpus.Generate(300, 7), CrmMapFuzzCorpus.Generate(300, 7));
        Assert.NotEqual(CrmMapFuzzCorpus.Generate(300, 7), CrmMapFuzzCorpus.Generate(300, 8));
    }

    [Fact]
    public void Tokenize_pieces_concatenate_back_to_the_text()
    {
        foreach (var (_, text) in CrmMapExamples.All) Assert.Equal(text, string.Concat(CrmMapFuzzCorpus.Tokenize(text)));
    }

    public static TheoryData<string, string> InvalidInsertions() => new()
    {
        { "unterminated string", " \"open\n" },
        { "accented letter", " \u00e9 " },
        { "CJK", " \u65e5\u672c " },
        { "control character", " \u0001 " },
        { "lone high surrogate", " \uD800 " },
        { "lone low surrogate", " \uDC00 " },
        { "emoji", " \uD83D\uDE00 " },
        { "no-break space", "\u00A0" },
        { "unterminated comment", " /* open" },
    };

    /// <summary>
    /// Each example with an invalid token inserted at many token boundaries (outside strings
    /// and comments): there must be a CRM0002 exactly where the insertion is.
    /// </summary>
    [Theory]
    [MemberData(nameof(InvalidInsertions))]
    public void Invalid_tokens_are_always_reported_where_they_are(string kind, string insertion)
    {
        var random = new Random(kind.Length * 7919);
        var checkedCount = 0;
        foreach (var (name, seed) in CrmMapExamples.All)
        {
            var offsets = TokenBoundaries(seed);
            for (var n = 0; n < 40; n++)
            {
                var at = offsets[random.Next(offsets.Count)];
                // An opened comment that a later '*/' closes is not an error.
                if (insertion.Contains("/*", StringComparison.Ordinal) && seed.IndexOf("*/", at, StringComparison.Ordinal) >= 0) continue;
                var text = seed.Substring(0, at) + insertion + seed.Substring(at);
                var file = CrmMapParser.Parse("t.crmmap", text);
                var expectedStart = at + (insertion.Length - insertion.TrimStart(' ').Length);
                if (!file.Diagnostics.Any(d => d.Id == "CRM0002" && d.Span.Start == expectedStart))
                {
                    Assert.Fail($"{kind} in {name} at {at}: expected CRM0002 at {expectedStart}; got\n{ParserTestHelpers.Format(file)}");
                }
                AssertWellFormed(text, file, n);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 200);
    }

    [Fact]
    public void Bad_escapes_in_any_string_are_reported()
    {
        foreach (var (name, seed) in CrmMapExamples.All)
        {
            var pieces = CrmMapFuzzCorpus.Tokenize(seed);
            var offset = 0;
            foreach (var piece in pieces)
            {
                if (piece.Length >= 2 && piece[0] == '"' && piece[^1] == '"')
                {
                    var text = seed.Substring(0, offset + 1) + "\\q" + seed.Substring(offset + 1);
                    var file = CrmMapParser.Parse("t.crmmap", text);
                    if (!file.Diagnostics.Any(d => d.Id == "CRM0002" && d.Span == new TextSpan(offset + 1, 2)))
                    {
                        Assert.Fail($"bad escape in {name} at {offset}:\n{ParserTestHelpers.Format(file)}");
                    }
                }
                offset += piece.Length;
            }
        }
    }

    /// <summary>Cutting an example anywhere inside a provider leaves a brace open: that is always an error.</summary>
    [Fact]
    public void Truncation_inside_a_provider_is_always_reported()
    {
        var checkedCount = 0;
        foreach (var (name, seed) in CrmMapExamples.All)
        {
            var depth = 0;
            var offset = 0;
            foreach (var piece in CrmMapFuzzCorpus.Tokenize(seed))
            {
                offset += piece.Length;
                if (piece == "{") depth++;
                else if (piece == "}") depth--;
                if (depth == 0) continue;
                var text = seed.Substring(0, offset);
                var file = CrmMapParser.Parse("t.crmmap", text);
                if (file.Diagnostics.IsEmpty) Assert.Fail($"{name} cut at {offset} gave no diagnostic");
                AssertWellFormed(text, file, offset);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 500);
    }

    [Fact]
    public void Every_single_token_deletion_of_the_reference_example_is_reported_or_still_valid()
    {
        var pieces = CrmMapFuzzCorpus.Tokenize(CrmMapExamples.ReadmeClose);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(pieces[i])) continue;
            var text = string.Concat(pieces.Take(i).Concat(pieces.Skip(i + 1)));
            var file = CrmMapParser.Parse("t.crmmap", text);
            AssertWellFormed(text, file, i);
            // Removing a brace, a parenthesis or an arrow always breaks the file.
            if (pieces[i] is "{" or "}" or "(" or ")" or "<-" or "->")
            {
                if (file.Diagnostics.IsEmpty) Assert.Fail($"deleting '{pieces[i]}' (piece {i}) gave no diagnostic");
            }
        }
    }

    /// <summary>
    /// Large inputs built to defeat recovery (long broken lines, deep nesting, long chains) are
    /// parsed in linear time: each is about 200,000 characters, far beyond any real file, and a
    /// quadratic step would take minutes.
    /// </summary>
    [Fact]
    public void Pathological_inputs_parse_quickly()
    {
        const int n = 20000;
        string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));
        var inputs = new[]
        {
            "provider p { " + Repeat("resource a ", n),
            "provider p { resource r { " + Repeat("get GET ", n),
            "provider p { resource r { get GET \"/x\" { read { " + Repeat("a <- = ", n),
            "provider p { resource r { get GET \"/x\" { read { " + Repeat("a <- f(x y ", n),
            "provider p { resource r { get GET \"/x\" { read { a <- " + Repeat("{ b <- ", n),
            "provider p { resource r { get GET \"/x\" { read { a <- " + Repeat("(", 5 * n),
            "provider p { resource r { get GET \"/x\" { read { a <- " + Repeat("!", 5 * n),
            "provider p { resource r { get GET \"/x\" { read { a <- x" + Repeat(" each y", n),
            "provider p { resource r { get GET \"/x\" { read { a <- x" + Repeat(".b[0]", n),
            "provider p { resource r { get GET \"/x\" { read { a <- \"" + Repeat("{a}}", n) + "\" } } } }",
            "provider p { resource r { get GET \"/x\" { read { a <- \"" + Repeat("{", (5 * n) + 1) + "\" } } } }",
            Repeat("provider p { base_url ", n),
            Repeat("}", 5 * n),
            Repeat("\u00e9 ", 5 * n),
            Repeat("\"\n", 5 * n),
            Repeat("/*", 5 * n),
            string.Concat(CrmMapFuzzCorpus.Generate(400, 99)).Replace("\n", " ", StringComparison.Ordinal),
        };
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < inputs.Length; i++)
        {
            var file = CrmMapParser.Parse("big.crmmap", inputs[i]);
            if (file.Diagnostics.IsEmpty) Assert.Fail($"input {i} gave no diagnostic");
        }
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    /// <summary>Offsets between lexical pieces that are not inside a string or comment.</summary>
    private static List<int> TokenBoundaries(string text)
    {
        var offsets = new List<int>();
        var offset = 0;
        var afterLineComment = false;
        foreach (var piece in CrmMapFuzzCorpus.Tokenize(text))
        {
            // The end of a '//' comment is still inside it.
            if (!afterLineComment) offsets.Add(offset);
            afterLineComment = piece.StartsWith("//", StringComparison.Ordinal);
            offset += piece.Length;
        }
        if (!afterLineComment) offsets.Add(offset);
        return offsets;
    }

    private static void AssertWellFormed(string text, CrmMapFileSyntax file, int index)
    {
        var lines = LineMap.FromText(text);
        foreach (var d in file.Diagnostics)
        {
            if (d.Id is not ("CRM0001" or "CRM0002")) Fail($"unexpected id {d.Id}");
            if (d.Span.End > text.Length) Fail($"diagnostic span {d.Span} beyond the text ({text.Length})");
            if (!d.LineSpan.Equals(lines.GetLineSpan(d.Span))) Fail($"line span {d.LineSpan} does not match {d.Span}");
            var message = d.Arguments[0];
            if (message.StartsWith("Internal error", StringComparison.Ordinal)) Fail(message);
            if (message.Length == 0) Fail("empty message");
        }
        for (var i = 1; i < file.Diagnostics.Count; i++)
        {
            if (file.Diagnostics[i].Span.Start < file.Diagnostics[i - 1].Span.Start) Fail("diagnostics out of order");
        }
        var hasMissing = false;
        foreach (var (parent, child) in SyntaxWalker.Edges(file))
        {
            if (child.Span.End > text.Length) Fail($"{child.GetType().Name} span {child.Span} beyond the text");
            if (parent is not null && !parent.Span.Contains(child.Span) && child.Span != parent.Span
                && !(child.Span.IsEmpty && child.Span.Start >= parent.Span.Start && child.Span.Start <= parent.Span.End))
            {
                Fail($"{child.GetType().Name} {child.Span} is outside its parent {parent.GetType().Name} {parent.Span}");
            }
            if (child is MissingExpressionSyntax || child is IdentifierSyntax { IsMissing: true }) hasMissing = true;
        }
        if (hasMissing && file.Diagnostics.IsEmpty) Fail("the tree has missing pieces but there is no diagnostic");

        void Fail(string problem)
            => throw new Xunit.Sdk.XunitException($"Input #{index}: {problem}\n--- input ---\n{text}\n--- diagnostics ---\n{ParserTestHelpers.Format(file)}");
    }
}
