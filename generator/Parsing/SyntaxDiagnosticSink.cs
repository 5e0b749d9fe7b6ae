using System.Collections.Generic;
using System.Collections.Immutable;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

/// <summary>Collects the syntax diagnostics of one file (CRM0001 and CRM0002) with their line positions.</summary>
internal sealed class SyntaxDiagnosticSink
{
    public const string SyntaxErrorId = "CRM0001";
    public const string InvalidTokenId = "CRM0002";

    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly List<CrmDiagnostic> _diagnostics = new();

    public SyntaxDiagnosticSink(string filePath, LineMap lines)
    {
        _filePath = filePath;
        _lines = lines;
    }

    public int Count => _diagnostics.Count;

    public void SyntaxError(TextSpan span, string message) => Add(SyntaxErrorId, span, message);

    public void InvalidToken(TextSpan span, string message) => Add(InvalidTokenId, span, message);

    private void Add(string id, TextSpan span, string message)
        => _diagnostics.Add(new CrmDiagnostic(id, EquatableArray.Create(message), _filePath, span, _lines.GetLineSpan(span)));

    /// <summary>The diagnostics in file order (stable: equal starts keep the order they were found in).</summary>
    public EquatableArray<CrmDiagnostic> ToSortedArray()
    {
        var count = _diagnostics.Count;
        if (count == 0) return EquatableArray<CrmDiagnostic>.Empty;
        var order = new int[count];
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            keys[i] = ((long)_diagnostics[i].Span.Start << 32) | (uint)i;
        }
        System.Array.Sort(keys, order);
        var builder = ImmutableArray.CreateBuilder<CrmDiagnostic>(count);
        for (var i = 0; i < count; i++) builder.Add(_diagnostics[order[i]]);
        return new EquatableArray<CrmDiagnostic>(builder.MoveToImmutable());
    }
}
