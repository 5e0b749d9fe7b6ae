using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmGen.Benchmarks.Read;
using CrmGen.Benchmarks.Write;

namespace CrmGen.Benchmarks.EndToEnd;

/// <summary>
/// A HubSpot contact create as an application writes it with a bare <see cref="HttpClient"/>:
/// the request CrmGen sends (method, URL, <c>Authorization</c>, <c>Accept</c>,
/// <c>User-Agent</c>, <c>Content-Type</c>, the body written per call with
/// <see cref="ContactWriters.WriteHubSpot"/>), and the response mapped by
/// <see cref="HandWrittenReaders.ReadHubSpotContact"/>. The baseline of the end-to-end scenarios.
/// </summary>
internal sealed class BareHubSpotCreate
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly MediaTypeHeaderValue ContentTypeJson = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = new("CrmGen", typeof(CrmClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    private readonly HttpClient _http;
    private readonly Uri _createUri;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>Creates the sender.</summary>
    /// <param name="http">The client that sends.</param>
    /// <param name="baseAddress">HubSpot's base address (or the sandbox's).</param>
    /// <param name="accessToken">The bearer token.</param>
    public BareHubSpotCreate(HttpClient http, string baseAddress, string accessToken)
    {
        _http = http;
        _createUri = new Uri(baseAddress.TrimEnd('/') + "/crm/v3/objects/contacts");
        _authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <summary>The request for <paramref name="contact"/>.</summary>
    public HttpRequestMessage Request(Contact contact)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ContactWriters.WriteHubSpot(writer, contact);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, _createUri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.UserAgent.Add(UserAgent);
        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = ContentTypeJson;
        request.Content = content;
        return request;
    }

    /// <summary>Sends the create and maps the answer.</summary>
    public async Task<Contact> SendAsync(Contact contact)
    {
        using var request = Request(contact);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HubSpot answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        var reader = new Utf8JsonReader(body);
        reader.Read();
        return HandWrittenReaders.ReadHubSpotContact(ref reader);
    }
}
