using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// The typed operations of one unified resource (<c>client.Contacts</c>, <c>client.Pipelines</c>…).
/// Each method runs the operation of the account's provider through
/// <see cref="CrmClient.ExecuteAsync{TInput, TOutput}"/>.
/// </summary>
/// <typeparam name="TModel">The unified record type, e.g. <see cref="Contact"/>.</typeparam>
public abstract class CrmResourceClient<TModel>
    where TModel : class
{
    private protected CrmResourceClient(CrmClient client, string resource)
    {
        Client = client;
        Resource = resource;
    }

    /// <summary>The resource name used in .crmmap files, e.g. <c>contacts</c>.</summary>
    public string Resource { get; }

    /// <summary>The client the operations run on.</summary>
    protected CrmClient Client { get; }

    /// <summary>
    /// Creates a record. Fields the provider requires are checked before any HTTP request. A
    /// create answered with 429 is retried (the provider refused it); after any other failure it
    /// is retried only when <see cref="CrmRequestOptions.IdempotencyKey"/> is set, since it may
    /// have reached the provider.
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="record">The unified record to create.</param>
    /// <param name="options">Per-request options (unified or normalized format), or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created record as the provider returned it, mapped to the unified model.</returns>
    /// <exception cref="CrmValidationException">A field the provider requires is missing, or an option cannot apply (no request was sent).</exception>
    /// <exception cref="CrmNotSupportedException">The provider cannot create this resource.</exception>
    /// <exception cref="CrmProviderException">The provider refused the request.</exception>
    /// <exception cref="CrmTimeoutException">The call did not complete within its timeout.</exception>
    public Task<TModel> CreateAsync(IntegratedAccount account, TModel record, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Client.ExecuteAsync<TModel, TModel>(account, Resource, "create", record, id: null, options, cancellationToken);
    }

    /// <summary>
    /// Creates a record and returns the provider's own response, untouched (the raw format):
    /// status, headers and body bytes. Validation, request building and retries are those of
    /// <see cref="CreateAsync"/>.
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="record">The unified record to create.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's response.</returns>
    public Task<CrmRawResponse> CreateRawAsync(IntegratedAccount account, TModel record, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Client.ExecuteRawAsync<TModel, TModel>(account, Resource, "create", record, id: null, options, cancellationToken);
    }

    /// <summary>
    /// Creates a record and hands over the provider's response body as a stream read from the
    /// connection (the stream format). Dispose the result.
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="record">The unified record to create.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call up to the hand-over.</param>
    /// <returns>The provider's response with its body stream.</returns>
    public Task<CrmStreamResponse> CreateStreamAsync(IntegratedAccount account, TModel record, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Client.ExecuteStreamAsync<TModel, TModel>(account, Resource, "create", record, id: null, options, cancellationToken);
    }

    /// <summary>
    /// Lists one page of records. Pass <see cref="CrmPage{T}.NextCursor"/> of a page as
    /// <see cref="CrmPageRequest.Cursor"/> to get the next one. The request options apply as for
    /// the other operations: <see cref="CrmRequestOptions.RemoteQuery"/> adds query parameters
    /// (to every page), <see cref="CrmRequestOptions.IgnoreRemoteData"/>,
    /// <see cref="CrmRequestOptions.ExcludeFields"/> and the normalized format apply to each
    /// record. A list is a GET, so every transient failure is retried.
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="page">The cursor and page size, or null for the first page with the provider's default size.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its records, and the cursor of the next page (null on the last).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is not positive.</exception>
    /// <exception cref="CrmNotSupportedException">The provider cannot list this resource.</exception>
    /// <exception cref="CrmValidationException">An option cannot apply, or the cursor is a next-page URL outside the provider's base address (no request was sent).</exception>
    /// <exception cref="CrmProviderException">The provider refused the request.</exception>
    /// <exception cref="CrmMappingException">The page could not be mapped (the JSON path says where).</exception>
    /// <exception cref="CrmTimeoutException">The call did not complete within its timeout.</exception>
    public Task<CrmPage<TModel>> ListAsync(IntegratedAccount account, CrmPageRequest? page = null, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        page ??= CrmPageRequest.First;
        page.Validate();
        return Client.ExecuteAsync<CrmPageRequest, CrmPage<TModel>>(account, Resource, "list", page, id: null, options, cancellationToken);
    }

    /// <summary>
    /// Lists every record, following the pages to the end. Records are streamed: each is mapped
    /// and yielded as soon as its bytes arrive, while the rest of its page is still on the
    /// network, so memory stays bounded by the largest record rather than the page. Each page
    /// request is validated, sent and retried like <see cref="ListAsync"/> (its timeout covers the
    /// request up to the response headers; reading the page is cancelled by the token). Options
    /// apply to every record and page as in <see cref="ListAsync"/>; the raw and stream formats
    /// have no records and are refused. A failure in the middle of a page is thrown after the
    /// records already yielded.
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="pageSize">The page size to ask for, or null for the provider's default.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the enumeration (combined with the token given to <c>WithCancellation</c>).</param>
    /// <returns>The records, in the provider's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is not positive.</exception>
    /// <exception cref="CrmMappingException">A page could not be mapped, or the provider returned the same next-page cursor twice.</exception>
    public IAsyncEnumerable<TModel> ListAllAsync(IntegratedAccount account, int? pageSize = null, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var first = new CrmPageRequest { PageSize = pageSize };
        first.Validate();
        return Client.ListAllAsync<TModel>(account, Resource, first, options, cancellationToken);
    }
}
