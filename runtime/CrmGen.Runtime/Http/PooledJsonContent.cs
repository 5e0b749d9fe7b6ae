using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// A JSON request body held in a pooled buffer (<c>Content-Type: application/json</c>).
/// When the content owns the buffer, it goes back to the pool when the content (or its request)
/// is disposed; otherwise its owner (a call sending the same body on each attempt) returns it.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private readonly bool _ownsBody;
    private PooledBufferWriter? _body;

    public PooledJsonContent(PooledBufferWriter body, bool ownsBody = true)
    {
        _body = body;
        _ownsBody = ownsBody;
        // As text: a constant, valid value that nothing needs parsed per request.
        Headers.TryAddWithoutValidation("Content-Type", "application/json");
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
            if (_ownsBody) _body?.Dispose();
            _body = null;
        }
        base.Dispose(disposing);
    }
}
