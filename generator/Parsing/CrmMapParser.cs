using System;
using System.Collections.Immutable;
using System.Threading;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

/// <summary>
/// The .crmmap parser: a hand-written recursive-descent parser over the tokens of
/// <see cref="CrmMapLexer"/>, with panic-mode recovery so one pass reports every error of a file.
/// </summary>
internal static partial class CrmMapParser
{
    /// <summary>How deeply expressions and objects may nest before the parser stops descending.</summary>
    public const int MaxNestingDepth = 200;

    /// <summary>
    /// Parses one .crmmap file into its syntax tree.
    /// </summary>
    /// <param name="filePath">The path the diagnostics name; it is not read.</param>
    /// <param name="text">The whole text of the file.</param>
    /// <param name="cancellationToken">Stops the parse (by throwing <see cref="OperationCanceledException"/>).</param>
    /// <returns>
    /// The providers of the file, complete or partial, and the syntax diagnostics: CRM0001 for a
    /// syntax error (what was expected and what was found), CRM0002 for an invalid token
    /// (unterminated string or comment, bad escape, unknown character). Every error of the file
    /// is reported, each at its exact span; a missing token is reported as a zero-width span at
    /// the end of the token before it. Where a piece is missing the tree holds an
    /// <see cref="IdentifierSyntax"/> with empty text or a <see cref="MissingExpressionSyntax"/>.
    /// </returns>
    /// <remarks>
    /// The parse is linear in the length of the text and never throws for any input (random
    /// bytes, lone surrogates, unterminated constructs, deep nesting): every problem becomes a
    /// diagnostic. Nesting beyond <see cref="MaxNestingDepth"/> levels is a CRM0001 error.
    /// </remarks>
    public static CrmMapFileSyntax Parse(string filePath, string text, CancellationToken cancellationToken = default)
    {
        filePath ??= string.Empty;
        text ??= string.Empty;
        var lines = LineMap.FromText(text);
        var sink = new SyntaxDiagnosticSink(filePath, lines);
        ImmutableArray<ProviderSyntax> providers;
        try
        {
            var tokens = CrmMapLexer.Tokenize(text, 0, text.Length, sink, isHole: false, cancellationToken);
            var parser = new Parser(text, tokens, sink, isHole: false, depth: 0, previousEnd: 0, cancellationToken);
            providers = parser.ParseFile();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A defect in the parser must not take the generator down; it becomes an error on the file.
            sink.SyntaxError(new TextSpan(0, 0), "Internal error in the .crmmap parser (" + exception.GetType().Name + "); please report this file");
            providers = ImmutableArray<ProviderSyntax>.Empty;
        }
        return new CrmMapFileSyntax(filePath, providers, sink.ToSortedArray(), lines);
    }
}
