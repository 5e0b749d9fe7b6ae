using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmGen;

/// <summary>
/// Reads one page of a list operation from the response stream as it arrives: each record of
/// the records array is mapped (<see cref="CrmListOperation{TModel}.ReadRecord"/>) as soon as its
/// last byte is in, without the whole body in memory. The body is read into a pooled buffer
/// that only grows to hold the largest single record; everything outside the records array
/// (small: the paging data) is kept, with the array emptied, and read at the end by the
/// operation's <see cref="CrmOperation{TInput, TOutput}.ReadResponse"/> for the next page's cursor.
/// </summary>
/// <typeparam name="TModel">The unified record type.</typeparam>
internal sealed class ListPageStreamReader<TModel> : IDisposable
    where TModel : class
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly CrmListOperation<TModel> _operation;
    private readonly IReadOnlyList<string> _recordPath;
    private readonly Stream _stream;
    private readonly CrmReadOptions _options;
    private readonly PooledBufferWriter _rest = new(256);
    private readonly List<(int Start, int Length, int Index)> _ranges = new();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase;
    private int _matched;
    private bool _pendingMatch;
    private bool _sawRoot;
    private int _restFrom;
    private int _index;

    private enum Phase
    {
        Seeking,
        InArray,
        After,
    }

    /// <summary>Creates the reader; <paramref name="bufferSize"/> is the first size of the read buffer.</summary>
    public ListPageStreamReader(CrmListOperation<TModel> operation, IReadOnlyList<string> recordPath, Stream stream, CrmReadOptions options, int bufferSize = InitialBufferSize)
    {
        _operation = operation;
        _recordPath = recordPath;
        _stream = stream;
        _options = options;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 16));
    }

    /// <summary>The next page's cursor; set once <see cref="ReadAsync"/> has run to the end.</summary>
    public string? NextCursor { get; private set; }

    /// <summary>The size of the read buffer now (it grows only for a record larger than it).</summary>
    public int BufferSize => _buffer.Length;

    /// <summary>The records of the page, each as soon as its bytes are in.</summary>
    public async IAsyncEnumerable<TModel> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            _ranges.Clear();
            var done = Process();
            foreach (var (start, length, index) in _ranges)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Map(start, length, index);
            }
            if (done) break;
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        var page = ReadRest();
        // The rest was read with the records array emptied: an offset counts the streamed records too.
        NextCursor = _operation.Paging == CrmPagingKind.Offset && page.NextCursor is not null
            ? Mapping.CrmPaging.NextOffset(_options.Page, more: true, _index + page.Records.Count)
            : page.NextCursor;
        // A records value that was not an array was kept whole in the rest and read there.
        foreach (var record in page.Records) yield return record;
    }

    private TModel Map(int start, int length, int index)
    {
        try
        {
            return _operation.ReadRecord(_buffer.AsSpan(start, length), _options);
        }
        catch (CrmMappingException ex)
        {
            var prefix = $"Cannot map the {ex.Resource} response of provider '{ex.Provider}' at {ex.JsonPath}: ";
            var message = ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message;
            throw new CrmMappingException(ex.Provider, ex.Resource, ElementPath(index) + ex.JsonPath[1..], message, ex);
        }
    }

    private string ElementPath(int index)
    {
        var path = "$";
        foreach (var step in _recordPath)
        {
            var simple = step.Length > 0;
            foreach (var c in step) simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
            path += simple ? "." + step : "['" + step.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
        }
        return path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
    }

    private CrmPage<TModel> ReadRest()
    {
        try
        {
            return _operation.ReadResponse(_rest.WrittenSpan, _options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new CrmMappingException(_operation.Provider, _operation.Resource, "$", ex.Message, ex);
        }
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer when they fill it, and reads more.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_final)
        {
            throw new CrmMappingException(_operation.Provider, _operation.Resource, _phase == Phase.InArray ? ElementPath(_index) : "$",
                "the response ended before its JSON did.");
        }
        var unread = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            _start = 0;
            _end = unread;
            _restFrom = 0;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0) _final = true;
        _end += read;
    }

    /// <summary>
    /// Reads every token the buffer completes, records the complete elements of the records
    /// array in <see cref="_ranges"/>, and copies the rest of the body aside. True at the end of the JSON.
    /// </summary>
    private bool Process()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var consumed = 0;
        var needMore = false;
        try
        {
            while (!needMore)
            {
                if (_phase == Phase.InArray)
                {
                    var before = reader;
                    if (!reader.Read()) break;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.EndArray:
                            // The rest goes on from the ']': the array is kept, empty.
                            _restFrom = _start + (int)reader.TokenStartIndex;
                            _phase = Phase.After;
                            break;
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            var elementStart = (int)reader.TokenStartIndex;
                            if (!reader.TrySkip())
                            {
                                reader = before;
                                needMore = true;
                                continue;
                            }
                            _ranges.Add((_start + elementStart, (int)reader.BytesConsumed - elementStart, _index++));
                            break;
                        case JsonTokenType.Null:
                            _index++;
                            break;
                        default:
                            _ranges.Add((_start + (int)reader.TokenStartIndex, (int)reader.BytesConsumed - (int)reader.TokenStartIndex, _index++));
                            break;
                    }
                    if (_phase == Phase.InArray) _restFrom = _start + (int)reader.BytesConsumed;
                }
                else
                {
                    if (!reader.Read()) break;
                    if (_phase == Phase.Seeking) Seek(ref reader);
                }
                consumed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }
        }
        catch (JsonException ex)
        {
            throw new CrmMappingException(_operation.Provider, _operation.Resource, _phase == Phase.InArray ? ElementPath(_index) : "$",
                "the response is not valid JSON (" + ex.Message + ")", ex);
        }

        var end = _start + consumed;
        if (_phase != Phase.InArray && end > _restFrom)
        {
            _buffer.AsSpan(_restFrom, end - _restFrom).CopyTo(_rest.GetSpan(end - _restFrom));
            _rest.Advance(end - _restFrom);
        }
        _start = end;
        _restFrom = end;
        // With the final block every token is complete, or reading it threw.
        return _final;
    }

    /// <summary>Follows the record path: a matching property name, then its value.</summary>
    private void Seek(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        if (!_sawRoot)
        {
            _sawRoot = true;
            if (_recordPath.Count == 0 && reader.TokenType == JsonTokenType.StartArray) EnterArray(ref reader);
            return;
        }
        if (_pendingMatch)
        {
            _pendingMatch = false;
            if (_matched + 1 == _recordPath.Count && reader.TokenType == JsonTokenType.StartArray)
            {
                EnterArray(ref reader);
            }
            else if (_matched + 1 < _recordPath.Count && reader.TokenType == JsonTokenType.StartObject)
            {
                _matched++;
            }
            return;
        }
        if (reader.TokenType == JsonTokenType.PropertyName && depth == _matched + 1 && _matched < _recordPath.Count
            && reader.ValueTextEquals(_recordPath[_matched]))
        {
            _pendingMatch = true;
        }
        else if (reader.TokenType == JsonTokenType.EndObject && depth == _matched && _matched > 0)
        {
            _matched--;
        }
    }

    private void EnterArray(ref Utf8JsonReader reader)
    {
        // Everything up to and including '[' is part of the rest.
        var end = _start + (int)reader.BytesConsumed;
        _buffer.AsSpan(_restFrom, end - _restFrom).CopyTo(_rest.GetSpan(end - _restFrom));
        _rest.Advance(end - _restFrom);
        _restFrom = end;
        _phase = Phase.InArray;
    }

    public void Dispose()
    {
        _rest.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, Array.Empty<byte>());
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
