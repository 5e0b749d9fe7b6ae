using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmGen.Sandbox;

/// <summary>A record held by the Salesforce emulator (a snapshot: an update replaces it).</summary>
public sealed class SalesforceRecord
{
    internal SalesforceRecord(string sobjectType, string id, IReadOnlyDictionary<string, object?> fields, DateTimeOffset createdDate, DateTimeOffset lastModifiedDate)
    {
        SObjectType = sobjectType;
        Id = id;
        Fields = fields;
        CreatedDate = createdDate;
        LastModifiedDate = lastModifiedDate;
    }

    /// <summary>The sObject type, e.g. <c>Contact</c>.</summary>
    public string SObjectType { get; }

    /// <summary>The 18-character id, e.g. <c>003Hs00000AbCdEfAAA</c>.</summary>
    public string Id { get; }

    /// <summary>
    /// The field values that were set, by API name (case-insensitive): <see cref="string"/>,
    /// <see cref="bool"/>, <see cref="decimal"/>, <see cref="long"/>, or a
    /// <see cref="System.Text.Json.JsonElement"/> for structured custom-field values. References
    /// hold 18-character ids; dates hold <c>yyyy-MM-dd</c> text.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Fields { get; }

    /// <summary>When the record was created (<c>CreatedDate</c>).</summary>
    public DateTimeOffset CreatedDate { get; }

    /// <summary>When the record was last modified (<c>LastModifiedDate</c>, <c>SystemModstamp</c>).</summary>
    public DateTimeOffset LastModifiedDate { get; }

    /// <summary>A field's value as text, or null when it is not set.</summary>
    public string? this[string field]
        => Fields.TryGetValue(field, out var value) ? value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } : null;

    /// <inheritdoc />
    public override string ToString() => $"{SObjectType} {Id}";
}
