using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace CrmGen;

/// <summary>The kind of an operation.</summary>
public enum CrmOperationKind
{
    /// <summary>A page of records.</summary>
    List,
    /// <summary>One record by id.</summary>
    Get,
    /// <summary>Create a record.</summary>
    Create,
    /// <summary>Update a record by id.</summary>
    Update,
    /// <summary>Delete a record by id.</summary>
    Delete,
    /// <summary>A custom action.</summary>
    Action,
}

/// <summary>An operation of a provider: the untyped description.</summary>
public abstract class CrmOperation
{
    /// <summary>The provider name.</summary>
    public abstract string Provider { get; }

    /// <summary>The resource, e.g. <c>contacts</c>.</summary>
    public abstract string Resource { get; }

    /// <summary>The operation name: <c>create</c>, <c>list</c>… or the custom action's name.</summary>
    public abstract string Name { get; }

    /// <summary>The operation kind.</summary>
    public abstract CrmOperationKind Kind { get; }

    /// <summary>The HTTP method.</summary>
    public abstract HttpMethod Method { get; }

    /// <summary>Unified fields (wire names) a caller must set (the <c>requires</c> clause).</summary>
    public abstract IReadOnlyList<string> RequiredFields { get; }

    /// <summary>Unified fields (wire names) the request mapping writes.</summary>
    public abstract IReadOnlyList<string> WrittenFields { get; }

    /// <summary>Unified fields (wire names) the response mapping reads.</summary>
    public abstract IReadOnlyList<string> ReadFields { get; }

    /// <summary>True when the request has a JSON body.</summary>
    public abstract bool HasBody { get; }
}

/// <summary>
/// A typed operation: what the generated adapter implements for each operation of a .crmmap
/// resource. <typeparamref name="TInput"/> is the unified model for create, update and action,
/// <see cref="CrmPageRequest"/> for list, and <see cref="CrmNoInput"/> for get and delete;
/// <typeparamref name="TOutput"/> is the model, <see cref="CrmPage{T}"/> for list (see
/// <see cref="CrmListOperation{TModel}"/>), and <see cref="CrmNoInput"/> for delete.
/// </summary>
public abstract class CrmOperation<TInput, TOutput> : CrmOperation
    where TInput : class
    where TOutput : class
{
    /// <summary>
    /// Throws <see cref="CrmValidationException"/> naming the field and the provider when
    /// <paramref name="input"/> lacks a required field. Called before any HTTP request.
    /// </summary>
    public abstract void Validate(TInput input);

    /// <summary>Adds the path (holes escaped), query and operation headers.</summary>
    /// <param name="request">The request being built; <see cref="ICrmProvider.PrepareRequest"/> has run.</param>
    /// <param name="account">The integrated account (context values).</param>
    /// <param name="id">The record id for get, update and delete; otherwise null.</param>
    /// <param name="input">The unified input.</param>
    public abstract void BuildRequest(CrmRequestBuilder request, IntegratedAccount account, string? id, TInput input);

    /// <summary>Writes the request body (only called when <see cref="CrmOperation.HasBody"/>).</summary>
    /// <param name="writer">The body's writer.</param>
    /// <param name="account">The integrated account (context values the body may carry).</param>
    /// <param name="input">The unified input.</param>
    public virtual void WriteBody(Utf8JsonWriter writer, IntegratedAccount account, TInput input)
    {
    }

    /// <summary>
    /// Maps the provider's response body to the unified output in one forward pass. Throws
    /// <see cref="CrmMappingException"/> (provider, resource, JSON path) on malformed or
    /// unexpected JSON; never returns a partial record.
    /// </summary>
    public abstract TOutput ReadResponse(ReadOnlySpan<byte> utf8Json, CrmReadOptions options);
}

/// <summary>
/// A list operation: one page of records in, <see cref="CrmPage{T}"/> out. Besides reading a
/// whole page (<see cref="CrmOperation{TInput, TOutput}.ReadResponse"/>), it reads one record
/// at a time (<see cref="ReadRecord"/>), which lets the client map records while a page is still
/// arriving.
/// </summary>
/// <typeparam name="TModel">The unified record type.</typeparam>
public abstract class CrmListOperation<TModel> : CrmOperation<CrmPageRequest, CrmPage<TModel>>
    where TModel : class
{
    /// <summary>How the operation finds its next page (<c>next_page cursor</c>, <c>url</c> or <c>offset</c>, or none).</summary>
    public abstract CrmPagingKind Paging { get; }

    /// <summary>
    /// The property names leading from the response root to the array of records
    /// (<c>read from results</c>: <c>["results"]</c>; empty: the body is the array), or null when
    /// the path has array indexes (the page is then read whole).
    /// </summary>
    public abstract IReadOnlyList<string>? RecordPath { get; }

    /// <summary>
    /// Maps one record: <paramref name="utf8Json"/> is exactly one element of the records array.
    /// Throws <see cref="CrmMappingException"/> (JSON path relative to the record) when it cannot.
    /// </summary>
    /// <param name="utf8Json">The record's JSON.</param>
    /// <param name="options">Read options.</param>
    public abstract TModel ReadRecord(ReadOnlySpan<byte> utf8Json, CrmReadOptions options);
}

/// <summary>The input of operations that take no body, and the output of delete.</summary>
public sealed class CrmNoInput
{
    /// <summary>The single instance.</summary>
    public static readonly CrmNoInput Instance = new();

    private CrmNoInput()
    {
    }
}

/// <summary>Options of the read path.</summary>
public sealed class CrmReadOptions
{
    /// <summary>The default options: remote data kept.</summary>
    public static readonly CrmReadOptions Default = new();

    /// <summary>When true, records get no <c>remote_data</c> (and nothing is allocated for it).</summary>
    public bool IgnoreRemoteData { get; init; }

    /// <summary>The integrated account the response belongs to (for mappings that read <c>context.X</c>); may be null.</summary>
    public IntegratedAccount? Account { get; init; }

    /// <summary>
    /// For a list operation, the page request the response answers (offset-paged operations count
    /// the next page's offset from its cursor); null for other operations and the first page.
    /// </summary>
    public CrmPageRequest? Page { get; init; }
}
