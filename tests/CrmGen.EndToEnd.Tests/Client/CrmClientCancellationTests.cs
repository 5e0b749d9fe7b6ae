using System.Net;
using CrmGen.EndToEnd.Tests.Support;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class CrmClientCancellationTests
{
    [Fact]
    public async Task A_cancelled_token_stops_the_call_before_any_request()
    {
        var (client, handler) = NewClient();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, cancellationToken: cts.Token));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_provider_surfaces_as_cancellation()
    {
        var handler = new RecordingHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var (client, _) = NewClient(handler);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_while_reading_the_body_surfaces_as_cancellation()
    {
        var handler = new RecordingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StreamContent(new StallingStream()),
        }));
        var (client, _) = NewClient(handler);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, cancellationToken: cts.Token));
    }

    /// <summary>A response stream that sends a few bytes, then waits until cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        private bool _sentPrefix;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentPrefix)
            {
                _sentPrefix = true;
                buffer.Span[0] = (byte)'{';
                return 1;
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
