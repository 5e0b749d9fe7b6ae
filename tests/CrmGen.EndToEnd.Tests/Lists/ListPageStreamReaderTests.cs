using System.Text;
using CrmGen.Providers;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>
/// The incremental page reader: records mapped from a stream that arrives in small pieces, with
/// records split across buffer refills, and the same results as reading the page whole.
/// </summary>
public class ListPageStreamReaderTests
{
    private static readonly CrmListOperation<Contact> HubSpotList = HubSpotProvider.ContactsListOperation.Instance;
    private static readonly CrmListOperation<Contact> SalesforceList = SalesforceProvider.ContactsListOperation.Instance;

    /// <summary>A stream that hands out at most <c>chunk</c> bytes a read, and counts the reads.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            var n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static string HubSpotPage(int count, string? after)
    {
        var records = Enumerable.Range(0, count).Select(i =>
            $$"""{"id":"{{1000 + i}}","properties":{"firstname":"Name {{i}} {{new string('x', i * 7)}}","email":"p{{i}}@example.com","createdate":"2025-01-0{{i % 9 + 1}}T10:00:00.000Z","hs_lead_status":"S{{i}}"},"archived":false}""");
        var paging = after is null ? "" : $$$""","paging":{"next":{"after":"{{{after}}}","link":"https://api.hubapi.com/crm/v3/objects/contacts?after={{{after}}}"}}""";
        return $$"""{ "results" : [ {{string.Join(" , ", records)}} , null ]{{paging}} }""";
    }

    private static async Task<(List<Contact> Records, string? Next, int BufferSize)> ReadAsync(CrmListOperation<Contact> operation, string json, int chunk, int bufferSize)
    {
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(json), chunk);
        using var reader = new ListPageStreamReader<Contact>(operation, operation.RecordPath!, stream, CrmReadOptions.Default, bufferSize);
        var records = new List<Contact>();
        await foreach (var record in reader.ReadAsync()) records.Add(record);
        return (records, reader.NextCursor, reader.BufferSize);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(3, 16)]
    [InlineData(7, 64)]
    [InlineData(4096, 16384)]
    public async Task Records_split_across_refills_read_as_the_whole_page_does(int chunk, int bufferSize)
    {
        var json = HubSpotPage(12, "1011");
        var whole = HubSpotList.ReadResponse(Encoding.UTF8.GetBytes(json), CrmReadOptions.Default);

        var (records, next, _) = await ReadAsync(HubSpotList, json, chunk, bufferSize);

        Assert.Equal("1011", next);
        Assert.Equal(whole.NextCursor, next);
        Assert.Equal(whole.Records.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(whole.Records[i].Id, records[i].Id);
            Assert.Equal(whole.Records[i].FirstName, records[i].FirstName);
            Assert.Equal(whole.Records[i].CreatedAt, records[i].CreatedAt);
            Assert.Equal(whole.Records[i].CustomFields!["hs_lead_status"], records[i].CustomFields!["hs_lead_status"]);
            Assert.Equal(whole.Records[i].RemoteData!.ToString(), records[i].RemoteData!.ToString());
        }
    }

    [Fact]
    public async Task The_buffer_grows_with_the_largest_record_not_with_the_page()
    {
        var json = HubSpotPage(300, null);
        Assert.True(json.Length > 100_000);

        var (records, next, size) = await ReadAsync(HubSpotList, json, 1000, 1024);

        Assert.Equal(300, records.Count);
        Assert.Null(next);
        Assert.True(size <= 8192, "buffer grew to " + size);
    }

    [Fact]
    public async Task The_first_record_is_mapped_before_the_page_has_all_arrived()
    {
        var json = Encoding.UTF8.GetBytes(HubSpotPage(50, null));
        var stream = new TrickleStream(json, 256);
        using var reader = new ListPageStreamReader<Contact>(HubSpotList, HubSpotList.RecordPath!, stream, CrmReadOptions.Default, 1024);

        await using var records = reader.ReadAsync().GetAsyncEnumerator();
        Assert.True(await records.MoveNextAsync());

        Assert.Equal("1000", records.Current.Id);
        Assert.True(stream.Position < json.Length / 4, "read " + stream.Position + " of " + json.Length + " bytes");
    }

    [Fact]
    public async Task A_url_page_keeps_its_next_url_and_a_body_that_is_the_array_works_too()
    {
        const string json = """{"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v60.0/query/01g-2","records":[{"attributes":{"type":"Contact"},"Id":"a","FirstName":"A"},{"attributes":{"type":"Contact"},"Id":"b"}]}""";

        var (records, next, _) = await ReadAsync(SalesforceList, json, 5, 32);

        Assert.Equal(new[] { "a", "b" }, records.Select(r => r.Id));
        Assert.Equal("/services/data/v60.0/query/01g-2", next);
    }

    [Fact]
    public async Task A_records_value_that_is_not_an_array_is_the_whole_pages_error()
    {
        var error = await Assert.ThrowsAsync<CrmMappingException>(() => ReadAsync(HubSpotList, """{"results":{"id":"1"}}""", 4, 16));
        Assert.Equal("$.results", error.JsonPath);
    }

    [Fact]
    public async Task A_record_of_the_wrong_shape_is_reported_at_its_index()
    {
        var error = await Assert.ThrowsAsync<CrmMappingException>(() => ReadAsync(HubSpotList, """{"results":[{"id":"1"},null,"text"]}""", 4, 16));
        Assert.Equal("$.results[2]", error.JsonPath);
        Assert.Contains("an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_ends_early_is_a_mapping_error()
    {
        var error = await Assert.ThrowsAsync<CrmMappingException>(() => ReadAsync(HubSpotList, """{"results":[{"id":"1"},{"id":"2","prop""", 3, 16));
        Assert.Equal("$.results[1]", error.JsonPath);
    }
}
