using System.Text;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Binding;

/// <summary>Writes syntax back as short text for messages: <c>properties.email</c>, <c>"odd key".x</c>, <c>emails[0]</c>.</summary>
internal static class SyntaxText
{
    /// <summary>
    /// True when a name segment was written in quotes (<c>"context".x</c>): its span is longer
    /// than its name, since an identifier's span is exactly its text.
    /// </summary>
    public static bool IsQuoted(PathSegmentSyntax segment)
        => segment.Kind == PathSegmentKind.Name && segment.Span.Length != segment.Name.Length;

    /// <summary>The path as it would be written.</summary>
    public static string Path(PathSyntax path) => Path(path, path.Segments.Count);

    /// <summary>The first <paramref name="count"/> segments of the path as they would be written.</summary>
    public static string Path(PathSyntax path, int count)
    {
        var builder = new StringBuilder();
        var i = 0;
        foreach (var segment in path.Segments)
        {
            if (i == count) break;
            switch (segment.Kind)
            {
                case PathSegmentKind.Name:
                    if (i > 0) builder.Append('.');
                    if (PathTemplate.IsIdentifier(segment.Name) && !IsQuoted(segment)) builder.Append(segment.Name);
                    else builder.Append('"').Append(segment.Name.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                    break;
                case PathSegmentKind.Index:
                    builder.Append('[').Append(segment.Index).Append(']');
                    break;
                case PathSegmentKind.Wildcard:
                    if (i > 0) builder.Append('.');
                    builder.Append('*');
                    break;
                case PathSegmentKind.Current:
                    builder.Append('$');
                    break;
                case PathSegmentKind.Record:
                    builder.Append("$$");
                    break;
            }
            i++;
        }
        return builder.ToString();
    }

    /// <summary>A short rendering of an expression for hints: its text when it is a path, otherwise <c>x</c>.</summary>
    public static string Short(ExpressionSyntax? expression)
        => expression is PathSyntax path && path.Segments.Count > 0 ? Path(path) : "x";
}
