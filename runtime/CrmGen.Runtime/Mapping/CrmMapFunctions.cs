using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace CrmGen.Mapping;

/// <summary>
/// The built-in functions of the mapping language (<c>split</c>, <c>join</c>, <c>lower</c>,
/// <c>upper</c>, <c>trim</c>, <c>first</c>), array literals (<c>[a, b]</c>, null elements left
/// out) and indexing of unified lists, as called by generated adapters. Null in gives null out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrmMapFunctions
{
    /// <summary><c>split(text, sep)</c>: the parts, trimmed, empty parts dropped.</summary>
    public static List<string>? Split(string? text, string? separator)
    {
        if (text is null) return null;
        var parts = string.IsNullOrEmpty(separator)
            ? new[] { text }
            : text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var list = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0) list.Add(trimmed);
        }
        return list;
    }

    /// <summary><c>min(a, b)</c>: the smaller of two whole numbers; null when either is null.</summary>
    public static long? Min(long? a, long? b) => a is { } x && b is { } y ? Math.Min(x, y) : null;

    /// <summary><c>max(a, b)</c>: the larger of two whole numbers; null when either is null.</summary>
    public static long? Max(long? a, long? b) => a is { } x && b is { } y ? Math.Max(x, y) : null;

    /// <summary><c>join(list, sep)</c> of text; null elements are left out.</summary>
    public static string? Join(List<string>? values, string? separator)
    {
        if (values is null) return null;
        var sb = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (value is null) continue;
            if (!first) sb.Append(separator);
            sb.Append(value);
            first = false;
        }
        return sb.ToString();
    }

    /// <summary><c>join(list, sep)</c> of numbers, booleans or dates, each in its invariant text form.</summary>
    public static string? Join<T>(List<T>? values, string? separator)
        where T : struct
    {
        if (values is null) return null;
        var sb = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(separator);
            sb.Append(Text(values[i]));
        }
        return sb.ToString();
    }

    /// <summary><c>lower(text)</c> (invariant).</summary>
    public static string? Lower(string? text) => text?.ToLowerInvariant();

    /// <summary><c>upper(text)</c> (invariant).</summary>
    public static string? Upper(string? text) => text?.ToUpperInvariant();

    /// <summary><c>trim(text)</c>.</summary>
    public static string? Trim(string? text) => text?.Trim();

    /// <summary><c>first(list)</c> of objects or text: the first element, or null.</summary>
    public static T? First<T>(List<T>? list)
        where T : class
        => list is { Count: > 0 } ? list[0] : null;

    /// <summary><c>first(list)</c> of values: the first element, or null.</summary>
    public static T? FirstValue<T>(List<T>? list)
        where T : struct
        => list is { Count: > 0 } ? list[0] : null;

    /// <summary><c>list[index]</c> of objects or text: the element, or null when out of range.</summary>
    public static T? ElementAt<T>(List<T>? list, int index)
        where T : class
        => list is not null && index >= 0 && index < list.Count ? list[index] : null;

    /// <summary><c>list[index]</c> of values: the element, or null when out of range.</summary>
    public static T? ValueAt<T>(List<T>? list, int index)
        where T : struct
        => list is not null && index >= 0 && index < list.Count ? list[index] : null;

    /// <summary>An array literal of one object or text element (left out when null).</summary>
    public static List<T> ArrayOf<T>(T? a)
        where T : class
    {
        var list = new List<T>(1);
        if (a is not null) list.Add(a);
        return list;
    }

    /// <summary>An array literal of objects or text; null elements are left out.</summary>
    public static List<T> ArrayOf<T>(T? a, T? b)
        where T : class
    {
        var list = new List<T>(2);
        if (a is not null) list.Add(a);
        if (b is not null) list.Add(b);
        return list;
    }

    /// <summary>An array literal of objects or text; null elements are left out.</summary>
    public static List<T> ArrayOf<T>(T? a, T? b, T? c)
        where T : class
    {
        var list = new List<T>(3);
        if (a is not null) list.Add(a);
        if (b is not null) list.Add(b);
        if (c is not null) list.Add(c);
        return list;
    }

    /// <summary>An array literal of objects or text; null elements are left out.</summary>
    public static List<T> ArrayOf<T>(params T?[] items)
        where T : class
    {
        var list = new List<T>(items.Length);
        foreach (var item in items)
        {
            if (item is not null) list.Add(item);
        }
        return list;
    }

    /// <summary>An array literal of one value (left out when null).</summary>
    public static List<T> ArrayOfValues<T>(T? a)
        where T : struct
    {
        var list = new List<T>(1);
        if (a is not null) list.Add(a.Value);
        return list;
    }

    /// <summary>An array literal of values; null elements are left out.</summary>
    public static List<T> ArrayOfValues<T>(T? a, T? b)
        where T : struct
    {
        var list = new List<T>(2);
        if (a is not null) list.Add(a.Value);
        if (b is not null) list.Add(b.Value);
        return list;
    }

    /// <summary>An array literal of values; null elements are left out.</summary>
    public static List<T> ArrayOfValues<T>(params T?[] items)
        where T : struct
    {
        var list = new List<T>(items.Length);
        foreach (var item in items)
        {
            if (item is not null) list.Add(item.Value);
        }
        return list;
    }

    /// <summary><c>list each expr</c> over an in-memory list: the projected items, nulls left out.</summary>
    public static List<TResult>? Project<TSource, TResult>(List<TSource>? source, Func<TSource, TResult?> selector)
        where TResult : class
    {
        if (source is null) return null;
        var list = new List<TResult>(source.Count);
        foreach (var item in source)
        {
            if (item is null) continue;
            var projected = selector(item);
            if (projected is not null) list.Add(projected);
        }
        return list;
    }

    /// <summary><c>list each expr</c> over an in-memory list, projecting to values: nulls left out.</summary>
    public static List<TResult>? ProjectValues<TSource, TResult>(List<TSource>? source, Func<TSource, TResult?> selector)
        where TResult : struct
    {
        if (source is null) return null;
        var list = new List<TResult>(source.Count);
        foreach (var item in source)
        {
            if (item is null) continue;
            var projected = selector(item);
            if (projected is not null) list.Add(projected.Value);
        }
        return list;
    }

    private static string Text<T>(T value)
        where T : struct => value switch
        {
            bool b => b ? "true" : "false",
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
