using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// Associations: links between records (<c>/unified/crm/associations</c>). The unified request
/// links one record (<see cref="Association.Entity"/>, <see cref="Association.EntityId"/>) to any
/// number of accounts, contacts, leads and opportunities; providers link two records at a time,
/// so the request is carried out as one <see cref="AssociationLink"/> per linked record through
/// the provider's <c>association_links</c> resource.
/// </summary>
/// <remarks>
/// <para>
/// For each pair (entity type, linked type) the provider's operation is, in this order: the
/// action <c>link_{entity}_{target}</c> (e.g. <c>link_accounts_contacts</c>) when the provider
/// defines it; otherwise its generic <c>create</c>; otherwise the pair cannot be linked on that
/// provider.
/// </para>
/// <para>
/// Everything that can be checked is checked before the first HTTP request: the request itself,
/// that the provider has an operation for every pair, and every link's provider request, built
/// in full (required fields, path values, the account's credentials and context values, the
/// body). So an unsupported pair, a missing id or a missing context value never leaves the
/// association half made.
/// </para>
/// <para>
/// The links are then made <b>sequentially</b>, in the order accounts, contacts, leads,
/// opportunities, each list in its own order: one request at a time stays within the providers'
/// rate limits, and a failure leaves a precise, ordered record of what was made. The first
/// failure stops the fan-out with a <see cref="CrmAssociationException"/> naming the links made,
/// the failed link and the links never attempted. Links are creates: each is retried only as
/// <see cref="CrmClient.ExecuteAsync{TInput, TOutput}"/> retries any call (so only with an
/// idempotency key, or when the provider's method is idempotent).
/// </para>
/// <para>
/// The request options apply to every link request: the remote query goes to each, the
/// <c>remote_data</c> is merged into each body (a pair whose request has no body refuses it,
/// before any request), the context values and the timeout apply to each. An idempotency key
/// becomes one key per link, <c>{key}-{n}</c> with <c>n</c> the link's 1-based position, so
/// that a provider does not take the second link for a repeat of the first. The excluded
/// fields, <see cref="CrmRequestOptions.IgnoreRemoteData"/> and the normalized format apply to
/// the unified <see cref="Association"/> result.
/// </para>
/// </remarks>
public sealed class AssociationsClient
{
    /// <summary>The resource of a provider's link operations.</summary>
    public const string LinkResource = "association_links";

    /// <summary>The generic link operation, used for any pair without its own action.</summary>
    public const string GenericLinkOperation = "create";

    private const string Resource = "associations";
    private const int MaxIdempotencyKeyLength = 255;

    private static readonly string[] s_entityTypes = ["accounts", "contacts", "leads", "opportunities"];

    private readonly CrmClient _client;

    internal AssociationsClient(CrmClient client) => _client = client;

    /// <summary>The record types an association links: <c>accounts</c>, <c>contacts</c>, <c>leads</c>, <c>opportunities</c>.</summary>
    public static IReadOnlyList<string> EntityTypes => s_entityTypes;

    /// <summary>The name of the action that links <paramref name="entity"/> records to <paramref name="target"/> records: <c>link_{entity}_{target}</c>.</summary>
    public static string LinkOperationName(string entity, string target) => $"link_{entity}_{target}";

    /// <summary>
    /// The operation of <paramref name="provider"/> that links an <paramref name="entity"/> record
    /// to a <paramref name="target"/> record (<c>link_{entity}_{target}</c>, else the generic
    /// <c>create</c>), or null when the provider has none for that pair. A generic <c>create</c>
    /// may still refuse some pairs when a link is built.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="entity">The type of the record the link starts from, e.g. <c>accounts</c>.</param>
    /// <param name="target">The type of the linked record, e.g. <c>contacts</c>.</param>
    public static CrmOperation<AssociationLink, AssociationLink>? FindLinkOperation(ICrmProvider provider, string entity, string target)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(target);
        return provider.FindOperation(LinkResource, LinkOperationName(entity, target)) as CrmOperation<AssociationLink, AssociationLink>
            ?? provider.FindOperation(LinkResource, GenericLinkOperation) as CrmOperation<AssociationLink, AssociationLink>;
    }

    /// <summary>True when <paramref name="provider"/> has an operation that links <paramref name="entity"/> records to <paramref name="target"/> records (see <see cref="FindLinkOperation"/>).</summary>
    public static bool CanLink(ICrmProvider provider, string entity, string target) => FindLinkOperation(provider, entity, target) is not null;

    /// <summary>
    /// Links the record <see cref="Association.EntityId"/> (of type <see cref="Association.Entity"/>)
    /// to every record listed in <see cref="Association.Associations"/>, one provider request per
    /// linked record, sequentially (see the remarks of <see cref="AssociationsClient"/>).
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="association">The unified request: <c>entity</c>, <c>entity_id</c> and at least one linked record.</param>
    /// <param name="options">Per-request options, or null for the defaults: the unified or normalized format.</param>
    /// <param name="cancellationToken">
    /// Cancels the call. Cancelling between links stops before the next one; links already made
    /// stay made (an <see cref="OperationCanceledException"/> does not list them).
    /// </param>
    /// <returns>
    /// The association as made: <c>entity</c>, <c>entity_id</c>, the linked records by type, and
    /// <c>remote_data</c>: a JSON array of the provider's raw responses, one per link in the order
    /// the links were made (<c>null</c> for a link whose response had no record to keep).
    /// </returns>
    /// <exception cref="ArgumentException">The options ask for the raw or stream format, or hold invalid values.</exception>
    /// <exception cref="CrmValidationException">The request lacks the entity, its id or any linked record, an id is empty, or a link's provider request cannot be built (nothing was sent).</exception>
    /// <exception cref="CrmNotSupportedException">The provider cannot link one of the requested pairs (nothing was sent).</exception>
    /// <exception cref="CrmConfigurationException">The provider is not registered, or the account lacks a credential or context value a link needs (nothing was sent).</exception>
    /// <exception cref="CrmAssociationException">A link failed: says which links were made before it; the cause is its inner exception.</exception>
    public async Task<Association> CreateAsync(
        IntegratedAccount account,
        Association association,
        CrmRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= CrmRequestOptions.Default;
        if (options.ResponseFormat is CrmResponseFormat.Raw or CrmResponseFormat.Stream)
        {
            throw new ArgumentException(
                $"The {options.ResponseFormat} response format returns the provider's own responses, not an Association, and an association has one per link: call CreateRawAsync.",
                nameof(options));
        }
        var (provider, plan) = Begin(account, association, options, cancellationToken);
        var exclusion = FieldExclusion.Resolve(typeof(Association), options.ExcludeFields, UnifiedJsonContext.Default.Options, provider.Name, Resource);
        var keepRemoteData = !options.IgnoreRemoteData && exclusion is not { ExcludesRemoteData: true };

        // The links run in the unified format; what the caller asked for applies to the result.
        var linkOptions = options with
        {
            ResponseFormat = CrmResponseFormat.Unified,
            ExcludeFields = null,
            IgnoreRemoteData = !keepRemoteData,
        };
        var completed = await FanOutAsync(provider, plan, linkOptions,
            (link, o, ct) => _client.ExecuteAsync<AssociationLink, AssociationLink>(account, LinkResource, link.Operation.Name, link.Link, id: null, o, ct),
            static (link, made) => Completed(link, made.Id, made.RemoteData),
            cancellationToken).ConfigureAwait(false);

        var result = new Association
        {
            Entity = association.Entity,
            EntityId = association.EntityId,
            Associations = Echo(association.Associations!),
            RemoteData = keepRemoteData ? RemoteDataOf(completed) : null,
        };
        exclusion?.Apply(result);
        if (options.ResponseFormat == CrmResponseFormat.Normalized) CrmRecordNormalizer.Default.Normalize(result);
        return result;
    }

    /// <summary>
    /// Makes the same links as <see cref="CreateAsync"/> and returns the provider's own
    /// responses, untouched (the raw format): one per link, in the order the links were made.
    /// <see cref="CrmRequestOptions.ResponseFormat"/>, <see cref="CrmRequestOptions.IgnoreRemoteData"/>
    /// and <see cref="CrmRequestOptions.ExcludeFields"/> do not apply.
    /// </summary>
    /// <param name="account">The integrated account (selects the provider).</param>
    /// <param name="association">The unified request.</param>
    /// <param name="options">Per-request options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's responses.</returns>
    /// <exception cref="CrmAssociationException">A link failed; its completed links carry the raw body of each earlier response as <c>remote_data</c> when it was JSON.</exception>
    public async Task<IReadOnlyList<CrmRawResponse>> CreateRawAsync(
        IntegratedAccount account,
        Association association,
        CrmRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= CrmRequestOptions.Default;
        var (provider, plan) = Begin(account, association, options, cancellationToken);
        var linkOptions = options with { ResponseFormat = CrmResponseFormat.Raw, ExcludeFields = null, IgnoreRemoteData = false };
        var responses = new List<CrmRawResponse>(plan.Count);
        await FanOutAsync(provider, plan, linkOptions,
            async (link, o, ct) =>
            {
                var response = await _client.ExecuteRawAsync<AssociationLink, AssociationLink>(account, LinkResource, link.Operation.Name, link.Link, id: null, o, ct).ConfigureAwait(false);
                responses.Add(response);
                return response;
            },
            static (link, response) => Completed(link, null, IsJson(response.Body.Span) ? new RawJson(response.Body) : null),
            cancellationToken).ConfigureAwait(false);
        return responses;
    }

    // Everything checked before any request.
    private (ICrmProvider Provider, List<PlannedLink> Plan) Begin(IntegratedAccount account, Association association, CrmRequestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(association);
        cancellationToken.ThrowIfCancellationRequested();
        options.Validate();

        var provider = _client.GetProvider(account.Provider);
        var plan = Plan(provider, association);
        var longestSuffix = 1 + plan.Count.ToString(CultureInfo.InvariantCulture).Length;
        if (options.IdempotencyKey is { } key && key.Length + longestSuffix > MaxIdempotencyKeyLength)
        {
            throw new ArgumentException(
                $"The idempotency key is too long for {plan.Count} links: each link appends '-{{n}}' to it, and a key may have at most {MaxIdempotencyKeyLength} characters.",
                nameof(options));
        }
        Preflight(provider, account.WithContext(options.Context), plan, options);
        return (provider, plan);
    }

    private static async Task<List<AssociationLink>> FanOutAsync<T>(
        ICrmProvider provider,
        List<PlannedLink> plan,
        CrmRequestOptions linkOptions,
        Func<PlannedLink, CrmRequestOptions, CancellationToken, Task<T>> send,
        Func<PlannedLink, T, AssociationLink> completedOf,
        CancellationToken cancellationToken)
    {
        var completed = new List<AssociationLink>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            var options = linkOptions.IdempotencyKey is { } key
                ? linkOptions with { IdempotencyKey = key + "-" + (i + 1).ToString(CultureInfo.InvariantCulture) }
                : linkOptions;
            T made;
            try
            {
                made = await send(plan[i], options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsLinkFailure(ex, cancellationToken))
            {
                var notAttempted = new List<AssociationLink>(plan.Count - i - 1);
                for (var j = i + 1; j < plan.Count; j++) notAttempted.Add(plan[j].Link);
                throw new CrmAssociationException(provider.Name, completed, plan[i].Link, notAttempted, ex);
            }
            completed.Add(completedOf(plan[i], made));
        }
        return completed;
    }

    // Checks the request and every pair; returns the links in the order they are made.
    private static List<PlannedLink> Plan(ICrmProvider provider, Association association)
    {
        var entity = association.Entity;
        if (string.IsNullOrWhiteSpace(entity))
        {
            throw new CrmValidationException(provider.Name, $"An association needs the 'entity' (the type of the record to link from: {string.Join(", ", s_entityTypes)}).", "entity");
        }
        if (Array.IndexOf(s_entityTypes, entity) < 0)
        {
            throw new CrmValidationException(provider.Name, $"Unknown association entity '{entity}'; expected one of {string.Join(", ", s_entityTypes)}.", "entity");
        }
        if (string.IsNullOrWhiteSpace(association.EntityId))
        {
            throw new CrmValidationException(provider.Name, $"An association needs the 'entity_id' (the id of the {entity} record to link from).", "entity_id");
        }

        var links = association.Associations;
        var plan = new List<PlannedLink>();
        var unsupported = new List<string>();
        if (links is not null)
        {
            AddTargets(plan, unsupported, provider, association, "accounts", links.Accounts);
            AddTargets(plan, unsupported, provider, association, "contacts", links.Contacts);
            AddTargets(plan, unsupported, provider, association, "leads", links.Leads);
            AddTargets(plan, unsupported, provider, association, "opportunities", links.Opportunities);
        }
        if (unsupported.Count > 0)
        {
            var operation = LinkOperationName(entity, unsupported[0]);
            throw new CrmNotSupportedException(provider.Name, LinkResource, operation,
                $"{provider.DisplayName} cannot link {entity} to {string.Join(" or ", unsupported)}: provider '{provider.Name}' has no {LinkResource} {operation} or {GenericLinkOperation} operation. Nothing was sent.");
        }
        if (plan.Count == 0)
        {
            throw new CrmValidationException(provider.Name, "An association needs at least one record to link in 'associations' (accounts, contacts, leads or opportunities).", "associations");
        }
        return plan;
    }

    private static void AddTargets(List<PlannedLink> plan, List<string> unsupported, ICrmProvider provider, Association association, string target, List<RecordReference>? records)
    {
        if (records is null || records.Count == 0) return;
        for (var i = 0; i < records.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(records[i]?.Id))
            {
                throw new CrmValidationException(provider.Name, $"associations.{target}[{i}] has no id: every linked record needs one.", $"associations.{target}[{i}].id");
            }
        }

        var operation = FindLinkOperation(provider, association.Entity!, target);
        if (operation is null)
        {
            unsupported.Add(target);
            return;
        }
        foreach (var record in records)
        {
            plan.Add(new PlannedLink(operation, new AssociationLink
            {
                Entity = association.Entity,
                EntityId = association.EntityId,
                Target = target,
                TargetId = record.Id,
            }));
        }
    }

    // Builds every link's provider request without sending it: the operation's own checks, its
    // path values and hooks (which may refuse a pair), the account's credentials and context
    // values, and the body all fail here, before the first link is made.
    private static void Preflight(ICrmProvider provider, IntegratedAccount account, List<PlannedLink> plan, CrmRequestOptions options)
    {
        foreach (var (operation, link) in plan)
        {
            operation.Validate(link);
        }
        foreach (var (operation, link) in plan)
        {
            if (options.RemoteData is not null && !operation.HasBody)
            {
                throw new CrmValidationException(provider.Name,
                    $"Linking {link.Entity} to {link.Target} on provider '{provider.Name}' ({LinkResource} {operation.Name}) sends no request body, so remote_data cannot be merged into one. Nothing was sent.",
                    "remote_data");
            }
            var builder = new CrmRequestBuilder(operation.Method, provider.Name);
            provider.PrepareRequest(builder, account);
            operation.BuildRequest(builder, account, null, link);
            if (operation.HasBody)
            {
                JsonBodyWriter.Write(operation, account, link).Dispose();
            }
        }
    }

    private static bool IsLinkFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        // The caller's cancellation stays a cancellation; anything else that stops a link is a failed link.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        CrmException or HttpRequestException => true,
        _ => false,
    };

    private static AssociationLink Completed(PlannedLink planned, string? id, RawJson? remoteData) => new()
    {
        Entity = planned.Link.Entity,
        EntityId = planned.Link.EntityId,
        Target = planned.Link.Target,
        TargetId = planned.Link.TargetId,
        Id = id,
        RemoteData = remoteData,
    };

    private static bool IsJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return false;
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static AssociationLinks Echo(AssociationLinks links) => new()
    {
        Accounts = Copy(links.Accounts),
        Contacts = Copy(links.Contacts),
        Leads = Copy(links.Leads),
        Opportunities = Copy(links.Opportunities),
    };

    private static List<RecordReference>? Copy(List<RecordReference>? records)
    {
        if (records is null || records.Count == 0) return null;
        var copy = new List<RecordReference>(records.Count);
        foreach (var record in records) copy.Add(new RecordReference { Id = record.Id });
        return copy;
    }

    // One JSON array of the raw responses, written verbatim in link order.
    private static RawJson RemoteDataOf(List<AssociationLink> links)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("["u8);
        for (var i = 0; i < links.Count; i++)
        {
            if (i > 0) buffer.Write(","u8);
            if (links[i].RemoteData is { } raw && !raw.Utf8Json.IsEmpty) buffer.Write(raw.Utf8Json.Span);
            else buffer.Write("null"u8);
        }
        buffer.Write("]"u8);
        return new RawJson(buffer.WrittenMemory);
    }

    private readonly record struct PlannedLink(CrmOperation<AssociationLink, AssociationLink> Operation, AssociationLink Link);
}
