using System;
using System.ComponentModel;
using System.Globalization;

namespace CrmGen.Mapping;

/// <summary>
/// Offset pagination (<c>next_page offset</c>): the page request's cursor is the number of
/// records to skip, and the next page starts after the records of this one. Used by generated
/// list operations.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrmPaging
{
    /// <summary>
    /// Refuses a cursor that is not an offset (a whole number from 0 up, digits only), before any
    /// request: sent as it is, it would reach the provider as a skip count it cannot read.
    /// </summary>
    /// <param name="provider">The provider, for the error.</param>
    /// <param name="resource">The resource, for the error.</param>
    /// <param name="operation">The operation, for the error.</param>
    /// <param name="cursor">The page request's cursor; null for the first page.</param>
    /// <exception cref="CrmValidationException">The cursor is not an offset.</exception>
    public static void ValidateOffset(string provider, string resource, string operation, string? cursor)
    {
        if (cursor is null || TryParseOffset(cursor, out _)) return;
        throw new CrmValidationException(provider,
            $"The {resource} {operation} operation of provider '{provider}' pages by offset: its cursor must be a whole number from 0 up (the records to skip), not '{cursor}'.",
            "cursor");
    }

    /// <summary>
    /// The next page's cursor: this page's offset (the request's cursor, 0 for the first page)
    /// plus <paramref name="count"/>, when <paramref name="more"/> says another page follows;
    /// null on the last page.
    /// </summary>
    /// <param name="page">The page request this page answers; null is the first page.</param>
    /// <param name="more">Whether the provider said another page follows.</param>
    /// <param name="count">The number of records on this page.</param>
    public static string? NextOffset(CrmPageRequest? page, bool more, int count)
    {
        if (!more) return null;
        var offset = page?.Cursor is { } cursor && TryParseOffset(cursor, out var parsed) ? parsed : 0L;
        return (offset + Math.Max(count, 0)).ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryParseOffset(string text, out long offset)
    {
        offset = 0;
        if (text.Length is 0 or > 18) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        offset = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
