using System.Globalization;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Tests.Binding;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>
/// Asserts the diagnostics of a .crmmap text written with markup: <c>[|…|]</c> encloses the
/// exact span of each expected diagnostic, in order of position.
/// </summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Binds the text of <paramref name="markup"/> and asserts that it reports exactly
    /// <paramref name="expected"/> (ID and message), one per marked span, each at that span's
    /// exact line and column; and that nothing is generated for the file.
    /// </summary>
    public static BoundFile Reports(string markup, params (string Id, string Message)[] expected)
        => ReportsWith(BindingTestHost.Facts, markup, expected);

    /// <summary>As <c>Reports</c>, against other facts.</summary>
    public static BoundFile ReportsWith(CompilationFacts facts, string markup, params (string Id, string Message)[] expected)
    {
        var (text, spans) = BindingTestHost.ParseMarkup(markup);
        Assert.True(spans.Length == expected.Length, "the markup has " + spans.Length + " span(s) for " + expected.Length + " expected diagnostic(s)");
        var lines = LineMap.FromText(text);
        var bound = BindingTestHost.Bind(text, facts);

        var want = expected.Select((e, i) => Format(e.Id, lines.GetLineSpan(spans[i]), e.Message)).ToArray();
        Assert.Equal(string.Join("\n", want), string.Join("\n", BindingTestHost.FormatAll(bound)));
        Assert.Equal(spans.ToArray(), bound.Diagnostics.Select(d => d.Span).ToArray());
        Assert.All(bound.Diagnostics, d => Assert.Equal("/maps/test.crmmap", d.FilePath));
        Assert.Empty(bound.Providers);
        return bound;
    }

    /// <summary>The same shape as <see cref="BindingTestHost.Format"/>.</summary>
    public static string Format(string id, LinePositionSpan span, string message)
        => string.Create(CultureInfo.InvariantCulture,
            $"{id} ({span.Start.Line + 1},{span.Start.Character + 1})-({span.End.Line + 1},{span.End.Character + 1}): {message}");
}
