using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmGen;

/// <summary>The JSON form of capabilities, written and read in one forward pass.</summary>
internal static class CapabilitiesJson
{
    public static void Write(Utf8JsonWriter writer, CrmCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (name, provider) in capabilities.Providers)
        {
            writer.WritePropertyName(name);
            Write(writer, provider);
        }
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, ProviderCapabilities provider)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (resourceName, resource) in provider.Resources)
        {
            writer.WriteStartObject(resourceName);
            foreach (var (operationName, operation) in resource.Operations)
            {
                writer.WriteStartObject(operationName);
                WriteList(writer, "supported", operation.Supported);
                WriteList(writer, "required", operation.Required);
                WriteList(writer, "written", operation.Written);
                WriteList(writer, "read", operation.Read);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static CrmCapabilities ReadAll(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "the capabilities");
        var providers = new List<ProviderCapabilities>();
        while (NextProperty(ref reader, out var name))
        {
            providers.Add(ReadProvider(ref reader, name));
        }
        return Create(() => new CrmCapabilities(providers));
    }

    public static ProviderCapabilities ReadProvider(ref Utf8JsonReader reader, string name)
    {
        ExpectObject(ref reader, $"provider '{name}'");
        var resources = new List<ResourceCapabilities>();
        while (NextProperty(ref reader, out var resourceName))
        {
            ExpectObject(ref reader, $"resource '{resourceName}'");
            var operations = new List<OperationCapabilities>();
            while (NextProperty(ref reader, out var operationName))
            {
                operations.Add(ReadOperation(ref reader, operationName));
            }
            resources.Add(Create(() => new ResourceCapabilities(resourceName, operations)));
        }
        return Create(() => new ProviderCapabilities(name, resources));
    }

    private static OperationCapabilities ReadOperation(ref Utf8JsonReader reader, string name)
    {
        ExpectObject(ref reader, $"operation '{name}'");
        List<string> supported = [], required = [], written = [], read = [];
        while (NextProperty(ref reader, out var key))
        {
            var list = key switch
            {
                "supported" => supported,
                "required" => required,
                "written" => written,
                "read" => read,
                _ => null,
            };
            if (list is null)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"'{key}' of operation '{name}' must be an array of field names.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String) throw new JsonException($"'{key}' of operation '{name}' must hold field names (strings).");
                list.Add(reader.GetString()!);
            }
        }
        return Create(() => new OperationCapabilities(name, supported, required, written, read));
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected an object for {what}.");
    }

    // Moves to the next property of the current object: false at its end; otherwise the reader
    // is left on the property's value, which the caller consumes entirely.
    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        if (!reader.Read()) throw new JsonException("Unexpected end of the capabilities JSON.");
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }
        name = reader.GetString()!;
        if (!reader.Read()) throw new JsonException("Unexpected end of the capabilities JSON.");
        return true;
    }

    // Invalid descriptions (empty or repeated names) surface as JsonException when read from JSON.
    private static T Create<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> fields)
    {
        writer.WriteStartArray(name);
        foreach (var field in fields) writer.WriteStringValue(field);
        writer.WriteEndArray();
    }
}
