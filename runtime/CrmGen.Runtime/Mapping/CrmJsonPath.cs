using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmGen.Mapping;

/// <summary>
/// Finds the JSON path (<c>$.properties.createdate</c>, <c>$.results[3].id</c>) of a position in
/// a UTF-8 JSON buffer. Only error paths call it, so the read path itself tracks no path.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrmJsonPath
{
    /// <summary>The path of the value whose first token starts at <paramref name="tokenStartIndex"/>.</summary>
    public static string At(ReadOnlySpan<byte> utf8Json, long tokenStartIndex) => Scan(utf8Json, tokenStartIndex);

    /// <summary>The path where reading malformed JSON fails (or <c>$</c> when it does not).</summary>
    public static string OfError(ReadOnlySpan<byte> utf8Json) => Scan(utf8Json, long.MaxValue);

    private static string Scan(ReadOnlySpan<byte> utf8Json, long target)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8Json);
        while (true)
        {
            try
            {
                if (!reader.Read()) return Build(frames);
            }
            catch (JsonException)
            {
                return Build(frames);
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (frames.Count > 0)
                    {
                        string name;
                        try
                        {
                            name = reader.GetString() ?? "";
                        }
                        catch (InvalidOperationException)
                        {
                            name = "?";
                        }
                        frames[frames.Count - 1] = frames[frames.Count - 1] with { Name = name };
                    }
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (reader.TokenStartIndex >= target) return Build(frames);
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, 0, null));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (frames.Count > 0) frames.RemoveAt(frames.Count - 1);
                    AfterValue(frames);
                    break;
                default:
                    if (reader.TokenStartIndex >= target) return Build(frames);
                    AfterValue(frames);
                    break;
            }
        }
    }

    private static void AfterValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[frames.Count - 1].IsArray)
        {
            var top = frames[frames.Count - 1];
            frames[frames.Count - 1] = top with { Index = top.Index + 1 };
        }
    }

    private static string Build(List<Frame> frames)
    {
        var sb = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                sb.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.Name is not null)
            {
                AppendName(sb, frame.Name);
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends <c>.name</c>, or <c>['odd name']</c> when the name is not a plain identifier.</summary>
    internal static void AppendName(StringBuilder sb, string name)
    {
        var plain = name.Length > 0;
        foreach (var c in name)
        {
            if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                plain = false;
                break;
            }
        }
        if (plain)
        {
            sb.Append('.').Append(name);
        }
        else
        {
            sb.Append("['").Append(name.Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
        }
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Name);
}
