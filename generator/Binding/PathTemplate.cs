using System.Collections.Generic;

namespace CrmGen.Generator.Binding;

/// <summary>A piece of a path template: literal text, or a hole <c>{Name}</c> at <see cref="Start"/> (offset in the template, at the brace).</summary>
internal readonly record struct PathTemplatePart(string? Literal, string? Hole, int Start, int Length);

/// <summary>Splits a path template such as <c>/crm/v3/objects/contacts/{id}</c> into literal text and holes.</summary>
internal static class PathTemplate
{
    /// <summary>
    /// The parts of <paramref name="template"/>. A malformed hole (unclosed brace, empty or not an
    /// identifier) is returned as a hole with a null name through <paramref name="errors"/>, and
    /// its text is kept as a literal.
    /// </summary>
    public static List<PathTemplatePart> Split(string template, List<PathTemplatePart> errors)
    {
        var parts = new List<PathTemplatePart>();
        var literalStart = 0;
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{')
            {
                i++;
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                errors.Add(new PathTemplatePart(null, template.Substring(i), i, template.Length - i));
                break;
            }

            var name = template.Substring(i + 1, close - i - 1);
            if (!IsIdentifier(name))
            {
                errors.Add(new PathTemplatePart(null, name, i, close - i + 1));
                i = close + 1;
                continue;
            }

            if (i > literalStart) parts.Add(new PathTemplatePart(template.Substring(literalStart, i - literalStart), null, literalStart, i - literalStart));
            parts.Add(new PathTemplatePart(null, name, i, close - i + 1));
            i = close + 1;
            literalStart = i;
        }
        if (literalStart < template.Length) parts.Add(new PathTemplatePart(template.Substring(literalStart), null, literalStart, template.Length - literalStart));
        return parts;
    }

    /// <summary>True for <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) return false;
        }
        return true;
    }
}
