using System.Text;

namespace CrmGen.Generator.Emit;

/// <summary>
/// Builds C# text line by line with four-space indentation and <c>\n</c> line endings, so the
/// output is the same on every machine.
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter(int indent = 0) => _indent = indent;

    public int Indent => _indent;

    /// <summary>Writes one line at the current indentation (an empty line has no trailing spaces).</summary>
    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, then indents.</summary>
    public CodeWriter Open(string? header = null)
    {
        if (header is not null) Line(header);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Unindents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Indents the following lines one more step.</summary>
    public CodeWriter Push()
    {
        _indent++;
        return this;
    }

    /// <summary>Indents the following lines one step less.</summary>
    public CodeWriter Pop()
    {
        _indent--;
        return this;
    }

    /// <summary>Writes pre-formatted lines (separated by <c>\n</c>) at the current indentation.</summary>
    public CodeWriter Lines(string text)
    {
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The text without its final line break (for insertion into a template line).</summary>
    public string ToBlock() => _text.ToString().TrimEnd('\n');
}
