using System.Collections.Generic;
using System.Collections.Immutable;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

/// <summary>Collects the syntax diagnostics of one file (CRM0001 and CRM0002) with their line positions.</summary>
internal sealed class SyntaxDiagnosticSink
{
    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly List<CrmDiagnostic> _diagnostics = new();

    public SyntaxDiagnosticSink(string filePath, LineMap lines)
    {
        _filePath = filePath;
        _lines = lines;
    }

    public int Count => _diagnostics.Count;

    /// <summary>CRM0001: what was expected and what was found.</summary>
    public void SyntaxError(TextSpan span, string message) => Add(CrmDiagnosticDescriptors.SyntaxError.Id, span, message);

    /// <summary>CRM0002: an unterminated string or comment, a bad escape, a character outside the language.</summary>
    public void InvalidToken(TextSpan span, string message) => Add(CrmDiagnosticDescriptors.InvalidToken.Id, span, message);

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
