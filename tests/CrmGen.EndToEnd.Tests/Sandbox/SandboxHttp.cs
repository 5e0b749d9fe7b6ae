using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Sandbox;

/// <summary>Raw HTTP against a sandbox, the way a provider's own docs show it (no CrmGen involved).</summary>
internal static class SandboxHttp
{
    public static async Task<(CrmSandbox Sandbox, ManualTimeProvider Clock)> StartAsync(Action<CrmSandboxOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var options = new CrmSandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return (await CrmSandbox.StartAsync(options), clock);
    }

    public static HttpRequestMessage Json(HttpMethod method, Uri uri, string json, AuthenticationHeaderValue? auth)
    {
        var request = new HttpRequestMessage(method, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = auth;
        return request;
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public static AuthenticationHeaderValue Basic(string user, string password = "")
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return doc.RootElement.Clone();
    }

    public static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");
}
