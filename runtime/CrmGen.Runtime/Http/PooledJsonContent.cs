using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// A JSON request body held in a pooled buffer (<c>Content-Type: application/json</c>).
/// The buffer goes back to the pool when the content (or its request) is disposed.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private PooledBufferWriter? _body;

    public PooledJsonContent(PooledBufferWriter body)
    {
        _body = body;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    private PooledBufferWriter Body => _body ?? throw new ObjectDisposedException(nameof(PooledJsonContent));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(Body.WrittenMemory).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(Body.WrittenMemory, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.Write(Body.WrittenSpan);

    protected override bool TryComputeLength(out long length)
    {
        length = Body.WrittenCount;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body?.Dispose();
            _body = null;
        }
        base.Dispose(disposing);
    }
}
