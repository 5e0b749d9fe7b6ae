using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CrmGen.Sandbox;

/// <summary>Answers a request with the next canned response queued for its provider, if any.</summary>
internal static class CannedResponseWriter
{
    /// <summary>
    /// Takes the next canned response for <paramref name="provider"/>: waits its delay, then writes
    /// it. Returns false when there is none, or when it only delays and the emulator is to answer.
    /// </summary>
    public static async Task<bool> TryAnswerAsync(HttpContext context, RequestJournal journal, string provider, TimeProvider time)
    {
        if (!journal.TryTake(provider, out var canned)) return false;

        if (canned.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(canned.Delay, time, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up: nobody is left to answer.
                return true;
            }
        }
        if (canned.AnswerFromEmulator) return false;

        if (canned.Headers is not null)
        {
            foreach (var header in canned.Headers) context.Response.Headers[header.Key] = header.Value;
        }
        await JsonResponse.WriteBytesAsync(context, canned.StatusCode, canned.ContentType, Encoding.UTF8.GetBytes(canned.Body)).ConfigureAwait(false);
        return true;
    }
}
