using System;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Diagnostics;

/// <summary>The start offset of every line of a source file; turns spans into line/column positions.</summary>
internal sealed record LineMap(EquatableArray<int> LineStarts)
{
    public static LineMap FromText(string text)
    {
        var starts = System.Collections.Immutable.ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                starts.Add(i + 1);
            }
        }
        return new LineMap(new EquatableArray<int>(starts.ToImmutable()));
    }

    public LinePosition GetPosition(int offset)
    {
        var starts = LineStarts.AsImmutableArray();
        var index = System.Collections.Immutable.ImmutableArray.BinarySearch(starts, offset);
        if (index < 0) index = ~index - 1;
        if (index < 0) index = 0;
        return new LinePosition(index, Math.Max(0, offset - starts[index]));
    }

    public LinePositionSpan GetLineSpan(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));
}
