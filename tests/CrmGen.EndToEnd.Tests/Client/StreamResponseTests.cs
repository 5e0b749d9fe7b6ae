using System.Net;
using System.Text;
using CrmGen.EndToEnd.Tests.Support;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>The stream format hands the body over before it has all arrived.</summary>
public class StreamResponseTests
{
    [Fact]
    public async Task The_stream_is_handed_over_before_the_provider_finished_sending()
    {
        var body = new GatedStream(Encoding.UTF8.GetBytes("""{"id":"c_1","first":"Ada"}"""));
        var handler = new RecordingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StreamContent(body) { Headers = { ContentType = new("application/json") } },
        }));
        var (client, _) = NewClient(handler);

        var call = client.Contacts.CreateStreamAsync(Account(), new Contact { FirstName = "Ada" });
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(call, finished);
        await using var response = await call;
        Assert.Equal(201, response.StatusCode);
        Assert.False(body.Released, "nothing past the first bytes was read before the hand-over");
        var first = new byte[8];
        var read = await response.Body.ReadAsync(first);
        Assert.Equal("{\"id\":\"c"[..read], Encoding.UTF8.GetString(first, 0, read));
        body.Release();
        using var rest = new StreamReader(response.Body);
        Assert.EndsWith("\"first\":\"Ada\"}", Encoding.UTF8.GetString(first, 0, read) + await rest.ReadToEndAsync());
    }

    [Fact]
    public async Task A_stream_call_validates_and_refuses_like_the_others()
    {
        var (client, handler) = NewClient(HttpStatusCode.Conflict, """{"message":"exists","code":"DUP"}""");

        await Assert.ThrowsAsync<CrmValidationException>(() => client.Contacts.CreateStreamAsync(Account(), new Contact()));
        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateStreamAsync(Account(), new Contact { FirstName = "Ada" }));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("DUP", ex.ProviderCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Reading_the_stream_after_the_timeout_elapsed_still_works()
    {
        var (client, _) = NewClient();

        await using var response = await client.Contacts.CreateStreamAsync(Account(), new Contact { FirstName = "Ada" },
            new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(1) });
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        using var reader = new StreamReader(response.Body);

        Assert.Equal("""{"id":"c_1","first":"Ada","last":"Lovelace"}""", await reader.ReadToEndAsync());
    }

    /// <summary>Gives its first 8 bytes at once and the rest only after <see cref="Release"/>.</summary>
    private sealed class GatedStream(byte[] content) : Stream
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _position;

        public bool Released => _gate.Task.IsCompleted;

        public void Release() => _gate.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= 8) await _gate.Task.WaitAsync(cancellationToken);
            var limit = _position < 8 ? 8 : content.Length;
            var count = Math.Min(buffer.Length, limit - _position);
            content.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
