using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>JSON text in one canonical spelling (same order, no insignificant whitespace, only the escapes JSON requires), to compare bodies exactly.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            document.RootElement.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
