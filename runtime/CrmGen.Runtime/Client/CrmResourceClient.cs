using System;
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
}
