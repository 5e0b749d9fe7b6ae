using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>HighLevel's associations API (API 2.0), in memory: association definitions and the relations between records.</summary>
/// <remarks>
/// Follows the API reference pages "Create Association" (<c>POST /associations/</c>: a
/// <c>createAssociationReqDto</c> with <c>locationId</c>, <c>key</c>, <c>firstObjectLabel</c>,
/// <c>firstObjectKey</c>, <c>secondObjectLabel</c> and <c>secondObjectKey</c>, all required) and
/// "Create Relation for you associated entities" (<c>POST /associations/relations</c>: a
/// <c>createRelationReqDto</c> with <c>locationId</c>, <c>associationId</c>,
/// <c>firstRecordId</c> and <c>secondRecordId</c>, all required). Both answer <c>201</c> with
/// the association definition (<c>GetPostSuccessfulResponseDto</c>: <c>locationId</c>,
/// <c>id</c>, <c>key</c>, the two object labels and keys, <c>associationType</c>), as documented.
/// A relation needs a definition of the token's location (400 "Association not found"
/// otherwise); a contact record it names must exist (400), and the same relation twice is a 400.
/// Records of other object types are not checked: the emulator holds only contacts.
/// </remarks>
public sealed class HighLevelAssociationsEmulator
{
    private static readonly HighLevelProperty[] CreateAssociationDto =
    [
        new("locationId", HighLevelValueKind.String, Required: true),
        new("key", HighLevelValueKind.String, Required: true),
        new("firstObjectLabel", HighLevelValueKind.StringOrObject, Required: true),
        new("firstObjectKey", HighLevelValueKind.StringOrObject, Required: true),
        new("secondObjectLabel", HighLevelValueKind.StringOrObject, Required: true),
        new("secondObjectKey", HighLevelValueKind.StringOrObject, Required: true),
    ];

    private static readonly HighLevelProperty[] CreateRelationDto =
    [
        new("locationId", HighLevelValueKind.String, Required: true),
        new("associationId", HighLevelValueKind.String, Required: true),
        new("firstRecordId", HighLevelValueKind.String, Required: true),
        new("secondRecordId", HighLevelValueKind.String, Required: true),
    ];

    private readonly HighLevelEmulator _api;
    private readonly TimeProvider _time;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private readonly List<HighLevelAssociation> _definitions = new();
    private readonly List<HighLevelRelation> _relations = new();

    internal HighLevelAssociationsEmulator(HighLevelEmulator api, TimeProvider time, SandboxRandom random)
    {
        _api = api;
        _time = time;
        _random = random;
    }

    /// <summary>The association definitions of the location, in creation order.</summary>
    public IReadOnlyList<HighLevelAssociation> Definitions
    {
        get
        {
            lock (_gate) return _definitions.ToArray();
        }
    }

    /// <summary>The relations made so far, in creation order.</summary>
    public IReadOnlyList<HighLevelRelation> Relations
    {
        get
        {
            lock (_gate) return _relations.ToArray();
        }
    }

    /// <summary>
    /// Adds an association definition to the location (as <c>POST /associations/</c> would) and
    /// returns it; its <see cref="HighLevelAssociation.Id"/> is what relations name.
    /// </summary>
    /// <param name="key">The unique key, e.g. <c>contact_opportunity</c>.</param>
    /// <param name="firstObjectKey">The first object type, e.g. <c>contact</c>.</param>
    /// <param name="secondObjectKey">The second object type, e.g. <c>opportunity</c>.</param>
    /// <param name="firstObjectLabel">The first object's label; defaults to its key.</param>
    /// <param name="secondObjectLabel">The second object's label; defaults to its key.</param>
    /// <param name="associationType"><c>USER_DEFINED</c> (the default) or <c>SYSTEM_DEFINED</c>.</param>
    /// <exception cref="InvalidOperationException">The location already has an association with that key.</exception>
    public HighLevelAssociation Define(
        string key,
        string firstObjectKey,
        string secondObjectKey,
        string? firstObjectLabel = null,
        string? secondObjectLabel = null,
        string associationType = "USER_DEFINED")
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(firstObjectKey);
        ArgumentException.ThrowIfNullOrEmpty(secondObjectKey);
        lock (_gate)
        {
            if (_definitions.Any(d => d.Key == key)) throw new InvalidOperationException($"The location already has an association with the key '{key}'.");
            var definition = new HighLevelAssociation(_random.NextId("", 20), _api.LocationId, key,
                firstObjectKey, firstObjectLabel ?? firstObjectKey, secondObjectKey, secondObjectLabel ?? secondObjectKey, associationType);
            _definitions.Add(definition);
            return definition;
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/associations/relations", CreateRelationAsync);
        routes.MapPost("/associations/", CreateAssociationAsync);
    }

    private async Task CreateAssociationAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        using var document = await _api.ReadObjectBodyAsync(context).ConfigureAwait(false);
        if (document is null) return;
        var body = document.RootElement;

        var problems = HighLevelBodyRules.Check(body, CreateAssociationDto, _api.RejectUndeclaredProperties);
        if (problems.Count > 0)
        {
            await HighLevelEmulator.WriteUnprocessableAsync(context, problems).ConfigureAwait(false);
            return;
        }
        if (!await _api.CheckLocationAsync(context, body.GetProperty("locationId").GetString()!).ConfigureAwait(false)) return;

        HighLevelAssociation definition;
        try
        {
            definition = Define(body.GetProperty("key").GetString()!,
                Label(body.GetProperty("firstObjectKey")), Label(body.GetProperty("secondObjectKey")),
                Label(body.GetProperty("firstObjectLabel")), Label(body.GetProperty("secondObjectLabel")));
        }
        catch (InvalidOperationException ex)
        {
            await HighLevelEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
            return;
        }
        await WriteDefinitionAsync(context, definition).ConfigureAwait(false);
    }

    private async Task CreateRelationAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        using var document = await _api.ReadObjectBodyAsync(context).ConfigureAwait(false);
        if (document is null) return;
        var body = document.RootElement;

        var problems = HighLevelBodyRules.Check(body, CreateRelationDto, _api.RejectUndeclaredProperties);
        if (problems.Count > 0)
        {
            await HighLevelEmulator.WriteUnprocessableAsync(context, problems).ConfigureAwait(false);
            return;
        }
        var locationId = body.GetProperty("locationId").GetString()!;
        if (!await _api.CheckLocationAsync(context, locationId).ConfigureAwait(false)) return;

        var associationId = body.GetProperty("associationId").GetString()!;
        var firstRecordId = body.GetProperty("firstRecordId").GetString()!;
        var secondRecordId = body.GetProperty("secondRecordId").GetString()!;

        string? problem = null;
        HighLevelAssociation? definition;
        lock (_gate)
        {
            definition = _definitions.FirstOrDefault(d => d.Id == associationId && d.LocationId == locationId);
            if (definition is null)
            {
                problem = "Association not found";
            }
            else if ((MissingContact(definition.FirstObjectKey, firstRecordId) ?? MissingContact(definition.SecondObjectKey, secondRecordId)) is { } missing)
            {
                problem = missing;
            }
            else if (_relations.Any(r => r.AssociationId == associationId && r.FirstRecordId == firstRecordId && r.SecondRecordId == secondRecordId))
            {
                problem = "Relation already exists";
            }
            else
            {
                _relations.Add(new HighLevelRelation(_random.NextId("", 20), locationId, associationId, firstRecordId, secondRecordId, _time.GetUtcNow()));
            }
        }

        if (problem is not null)
        {
            await HighLevelEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }
        await WriteDefinitionAsync(context, definition!).ConfigureAwait(false);
    }

    private string? MissingContact(string objectKey, string recordId)
        => objectKey == "contact" && _api.Contacts.Find(recordId) is null ? $"Contact with id {recordId} not found" : null;

    private static string Label(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static Task WriteDefinitionAsync(HttpContext context, HighLevelAssociation definition)
        => JsonResponse.WriteAsync(context, StatusCodes.Status201Created, HighLevelEmulator.JsonContentType, definition, static (w, d) =>
        {
            w.WriteStartObject();
            w.WriteString("locationId", d.LocationId);
            w.WriteString("id", d.Id);
            w.WriteString("key", d.Key);
            w.WriteString("firstObjectLabel", d.FirstObjectLabel);
            w.WriteString("firstObjectKey", d.FirstObjectKey);
            w.WriteString("secondObjectLabel", d.SecondObjectLabel);
            w.WriteString("secondObjectKey", d.SecondObjectKey);
            w.WriteString("associationType", d.AssociationType);
            w.WriteEndObject();
        });
}
