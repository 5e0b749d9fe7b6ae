using System.Collections.Generic;
using System.Collections.Immutable;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Diagnostics;

/// <summary>
/// Collects the diagnostics of one .crmmap file, placing each with the file's line map. A diagnostic equal to one already reported (same ID, span and
/// arguments) is dropped, so binding the same syntax twice (the read and the write side of a
/// two-way row) reports each problem once.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly List<CrmDiagnostic> _items = new();
    private readonly HashSet<CrmDiagnostic> _seen = new();

    public DiagnosticBag(string filePath, LineMap lines)
    {
        _filePath = filePath;
        _lines = lines;
    }

    /// <summary>True when an error has been reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The number of diagnostics reported so far.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a diagnostic that is already placed (e.g. one the parser reported).</summary>
    public void Add(CrmDiagnostic diagnostic)
    {
        if (!_seen.Add(diagnostic)) return;
        _items.Add(diagnostic);
        if (IsError(diagnostic.Id)) HasErrors = true;
    }

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="span"/> with message arguments.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] arguments)
        => Add(new CrmDiagnostic(
            descriptor.Id,
            new EquatableArray<string>(ImmutableArray.Create(arguments)),
            _filePath,
            span,
            _lines.GetLineSpan(span)));

    /// <summary>The diagnostics in source order (by start position; reports at the same position keep their order).</summary>
    public EquatableArray<CrmDiagnostic> ToEquatableArray()
    {
        var ordered = new List<(CrmDiagnostic Diagnostic, int Index)>(_items.Count);
        for (var i = 0; i < _items.Count; i++) ordered.Add((_items[i], i));
        ordered.Sort(static (a, b) =>
        {
            var byStart = a.Diagnostic.Span.Start.CompareTo(b.Diagnostic.Span.Start);
            return byStart != 0 ? byStart : a.Index.CompareTo(b.Index);
        });
        var builder = ImmutableArray.CreateBuilder<CrmDiagnostic>(ordered.Count);
        foreach (var item in ordered) builder.Add(item.Diagnostic);
        return new EquatableArray<CrmDiagnostic>(builder.MoveToImmutable());
    }

    private static bool IsError(string id)
        => !CrmDiagnosticDescriptors.ById.TryGetValue(id, out var descriptor)
           || descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}
