using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CrmGen.Sandbox;

/// <summary>Writes JSON response bodies built with <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonResponse
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Providers answer in plain UTF-8; only what JSON requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Build<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, state);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteAsync<TState>(HttpContext context, int statusCode, string contentType, TState state, Action<Utf8JsonWriter, TState> write)
        => WriteBytesAsync(context, statusCode, contentType, Build(state, write));

    public static async Task WriteBytesAsync(HttpContext context, int statusCode, string contentType, byte[] body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
