using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>Reads a response body into a pooled buffer.</summary>
internal static class ResponseBodyReader
{
    private const int DefaultSize = 4096;

    /// <summary>
    /// Reads the whole body. The caller disposes the returned writer (which returns the buffer
    /// to the pool).
    /// </summary>
    public static async ValueTask<PooledBufferWriter> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var length = content.Headers.ContentLength;
        var initial = length is > 0 and < int.MaxValue - 1 ? (int)length.Value + 1 : DefaultSize;
        var body = new PooledBufferWriter(initial);
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var memory = body.GetMemory(1);
                var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                body.Advance(read);
            }
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }
}
