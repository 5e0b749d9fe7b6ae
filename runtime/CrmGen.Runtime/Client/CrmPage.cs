using System;
using System.Collections;
using System.Collections.Generic;

namespace CrmGen;

/// <summary>
/// Which page a list call asks for: the cursor of a page (null for the first) and how many
/// records a page should hold (null for the provider's default).
/// </summary>
public sealed class CrmPageRequest
{
    /// <summary>The first page, with the provider's default page size.</summary>
    public static readonly CrmPageRequest First = new();

    /// <summary>
    /// The <see cref="CrmPage{T}.NextCursor"/> of the previous page, or null for the first page.
    /// Pass it back as it came: for some providers it is an opaque token, for others the
    /// relative URL of the next page (Salesforce's <c>nextRecordsUrl</c>), which is only followed
    /// within the provider's base address.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>
    /// The number of records a page should hold, or null for the provider's default. Providers
    /// cap it or round it to what they accept (HubSpot: at most 100; Salesforce: 200 to 2000).
    /// </summary>
    public int? PageSize { get; init; }

    /// <summary>Throws when the page size is not positive.</summary>
    internal void Validate()
    {
        if (PageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "A page size must be at least 1.");
        }
    }
}

/// <summary>How a list operation finds its next page.</summary>
public enum CrmPagingKind
{
    /// <summary>The operation has no pagination: one page holds everything the provider returns.</summary>
    None,

    /// <summary>The response carries a cursor the next request sends back (<c>next_page cursor</c>).</summary>
    Cursor,

    /// <summary>The response carries the URL of the next page, fetched with GET (<c>next_page url</c>).</summary>
    Url,

    /// <summary>
    /// The response says whether another page follows; the cursor is a record offset, the next
    /// one this page's offset plus its record count (<c>next_page offset</c>).
    /// </summary>
    Offset,
}

/// <summary>The untyped view of a page: its records and the cursor of the next one.</summary>
internal interface ICrmPage
{
    /// <summary>The records, as objects.</summary>
    IList RecordList { get; }
}

/// <summary>One page of records returned by a list operation.</summary>
/// <typeparam name="T">The unified record type.</typeparam>
public sealed class CrmPage<T> : ICrmPage
    where T : class
{
    /// <summary>Creates a page.</summary>
    /// <param name="records">The records of the page, in the provider's order.</param>
    /// <param name="nextCursor">What to pass as <see cref="CrmPageRequest.Cursor"/> for the next page; null or empty on the last page.</param>
    public CrmPage(List<T> records, string? nextCursor)
    {
        Records = records ?? throw new ArgumentNullException(nameof(records));
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    /// <summary>The records of the page, in the provider's order.</summary>
    public List<T> Records { get; }

    /// <summary>
    /// The cursor of the next page (an opaque token, or the next page's relative URL for
    /// providers that page by URL); null on the last page.
    /// </summary>
    public string? NextCursor { get; }

    /// <summary>True when another page follows (<see cref="NextCursor"/> is set).</summary>
    public bool HasMore => NextCursor is not null;

    IList ICrmPage.RecordList => Records;
}
