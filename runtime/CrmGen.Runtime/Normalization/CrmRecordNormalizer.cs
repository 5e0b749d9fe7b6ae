using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CrmGen;

/// <summary>
/// Canonicalises the values of unified records in place: what the normalized response format
/// (<see cref="CrmResponseFormat.Normalized"/>) returns.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description><b>E-mail addresses</b> (fields named <c>email</c> or ending in <c>_email</c>) are trimmed and lower-cased (invariant culture).</description></item>
/// <item><description><b>Phone numbers</b> (a <see cref="PhoneNumber"/>'s <c>number</c>, and the fields <c>phone</c>, <c>phone_number</c>,
/// <c>phone_numbesr</c>, <c>mobile</c> or ending in <c>_phone</c>) become E.164 (<c>+14155552671</c>) where
/// <see cref="PhoneNumberE164"/> parses them, using <see cref="CrmNormalizationOptions.DefaultPhoneCallingCode"/> for
/// national numbers; others are only trimmed. A <see cref="PhoneNumber"/>'s extension moves to its <c>extension</c>
/// when that is empty; a plain phone field with an extension is only trimmed.</description></item>
/// <item><description><b>Date-times</b> are converted to UTC: the same instant with offset zero (ISO-8601 <c>…+00:00</c> when serialised).</description></item>
/// <item><description><b>Empty values are dropped</b> (set to null): strings that are empty or white space, lists with no element left,
/// custom-field dictionaries with no entry left (entries whose value is null, blank, or an empty JSON array or object are removed),
/// and nested records with no field left. Null elements of lists are removed.</description></item>
/// <item><description>Other strings, numbers and booleans are kept as they are, and so is <c>remote_data</c> (the provider's own record).
/// The record passed in is never itself replaced by null.</description></item>
/// </list>
/// Records are walked through their System.Text.Json source-generated metadata
/// (<see cref="UnifiedJsonContext"/>, plus any resolver given for custom models): no reflection, so it
/// is trimming- and AOT-safe. A type without metadata is left as it is.
/// </remarks>
public sealed class CrmRecordNormalizer
{
    private readonly JsonSerializerOptions _metadata;
    private readonly int? _callingCode;

    /// <summary>Creates a normalizer.</summary>
    /// <param name="options">The settings (the default calling code of national phone numbers); null for the defaults.</param>
    /// <param name="typeInfoResolver">Metadata for record types beyond the built-in unified models; null for those only.</param>
    public CrmRecordNormalizer(CrmNormalizationOptions? options = null, IJsonTypeInfoResolver? typeInfoResolver = null)
        : this(options ?? new CrmNormalizationOptions(), UnifiedMetadata.For(typeInfoResolver))
    {
    }

    internal CrmRecordNormalizer(CrmNormalizationOptions options, JsonSerializerOptions metadata)
    {
        _callingCode = options.DefaultPhoneCallingCode;
        _metadata = metadata;
    }

    /// <summary>A normalizer with the default settings and the built-in unified models.</summary>
    public static CrmRecordNormalizer Default { get; } = new();

    /// <summary>Normalizes <paramref name="record"/> (a unified record, or a list of them) in place; the record, and each record of a list, stays even when no field is left.</summary>
    public void Normalize(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record is IList list)
        {
            // The records of a list result stay, even empty ones: only their values change.
            foreach (var element in list)
            {
                if (element is not null) NormalizeObject(element);
            }
            return;
        }
        NormalizeObject(record);
    }

    /// <summary>Normalizes the fields of a record; returns false when none is left.</summary>
    private bool NormalizeObject(object record)
    {
        var info = UnifiedMetadata.ObjectInfo(_metadata, record.GetType());
        if (info is null) return true;

        if (record is PhoneNumber phone && phone.Number is { } number
            && PhoneNumberE164.TryFormat(number, _callingCode, out var e164, out var extension))
        {
            phone.Number = e164;
            if (extension is not null && string.IsNullOrWhiteSpace(phone.Extension)) phone.Extension = extension;
        }

        var hasContent = false;
        foreach (var property in info.Properties)
        {
            if (property.Get is null) continue;
            var value = property.Get(record);
            if (value is null) continue;

            var normalized = NormalizeValue(value, RuleFor(record, property.Name));
            if (!ReferenceEquals(normalized, value) && property.Set is not null)
            {
                property.Set(record, normalized);
            }
            else if (normalized is null && property.Set is null)
            {
                normalized = value;
            }
            if (normalized is not null) hasContent = true;
        }
        return hasContent;
    }

    private object? NormalizeValue(object value, ValueRule rule)
    {
        switch (value)
        {
            case string text:
                return NormalizeString(text, rule);
            case DateTimeOffset instant:
                return instant.Offset == TimeSpan.Zero ? value : instant.ToUniversalTime();
            case RawJson raw:
                return raw.Utf8Json.IsEmpty ? null : value;
            case JsonElement element:
                return IsEmpty(element) ? null : value;
            case IDictionary<string, object?> dictionary:
                NormalizeDictionary(dictionary);
                return dictionary.Count == 0 ? null : value;
            case IList list:
                NormalizeList(list);
                return list.Count == 0 ? null : value;
            default:
                if (value.GetType().IsValueType) return value;
                return NormalizeObject(value) ? value : null;
        }
    }

    private string? NormalizeString(string text, ValueRule rule)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        switch (rule)
        {
            case ValueRule.Email:
                var email = text.Trim().ToLowerInvariant();
                return email == text ? text : email;
            case ValueRule.Phone:
                if (PhoneNumberE164.TryFormat(text, _callingCode, out var e164, out var extension) && extension is null)
                {
                    return e164 == text ? text : e164;
                }
                var trimmed = text.Trim();
                return trimmed == text ? text : trimmed;
            default:
                return text;
        }
    }

    private void NormalizeDictionary(IDictionary<string, object?> dictionary)
    {
        if (dictionary.IsReadOnly) return;
        List<KeyValuePair<string, object?>>? changes = null;
        foreach (var pair in dictionary)
        {
            var normalized = pair.Value is null ? null : NormalizeValue(pair.Value, ValueRule.None);
            if (!ReferenceEquals(normalized, pair.Value) || normalized is null)
            {
                (changes ??= new()).Add(new(pair.Key, normalized));
            }
        }
        if (changes is null) return;
        foreach (var change in changes)
        {
            if (change.Value is null) dictionary.Remove(change.Key);
            else dictionary[change.Key] = change.Value;
        }
    }

    private void NormalizeList(IList list)
    {
        if (list.IsReadOnly) return;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var element = list[i];
            var normalized = element is null ? null : NormalizeValue(element, ValueRule.None);
            if (normalized is null)
            {
                if (!list.IsFixedSize) list.RemoveAt(i);
            }
            else if (!ReferenceEquals(normalized, element))
            {
                list[i] = normalized;
            }
        }
    }

    private static bool IsEmpty(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(element.GetString()),
        JsonValueKind.Array => element.GetArrayLength() == 0,
        JsonValueKind.Object => !element.EnumerateObject().MoveNext(),
        _ => false,
    };

    private static ValueRule RuleFor(object record, string wireName)
    {
        if (wireName == "email" || wireName.EndsWith("_email", StringComparison.Ordinal)) return ValueRule.Email;
        if (record is PhoneNumber && wireName == "number") return ValueRule.Phone;
        if (wireName is "phone" or "phone_number" or "phone_numbesr" or "mobile" || wireName.EndsWith("_phone", StringComparison.Ordinal)) return ValueRule.Phone;
        return ValueRule.None;
    }

    private enum ValueRule
    {
        None,
        Email,
        Phone,
    }
}

/// <summary>The source-generated metadata the normalizer and field exclusion walk.</summary>
internal static class UnifiedMetadata
{
    /// <summary>Metadata for the built-in unified models, plus <paramref name="extra"/> when given.</summary>
    public static JsonSerializerOptions For(IJsonTypeInfoResolver? extra)
    {
        if (extra is null) return UnifiedJsonContext.Default.Options;
        var options = new JsonSerializerOptions(UnifiedJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(extra, UnifiedJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata of an object (record) type, or null when there is none or the type is not an object.</summary>
    public static JsonTypeInfo? ObjectInfo(JsonSerializerOptions metadata, Type type)
        => metadata.TryGetTypeInfo(type, out var info) && info.Kind == JsonTypeInfoKind.Object ? info : null;

    /// <summary>The element type of a list type with metadata, or null.</summary>
    public static Type? ElementType(JsonSerializerOptions metadata, Type type)
        => metadata.TryGetTypeInfo(type, out var info) && info.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
}
