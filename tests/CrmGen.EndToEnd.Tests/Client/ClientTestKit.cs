using System.Net;
using CrmGen.EndToEnd.Tests.Support;

namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>Accounts and clients for the client tests.</summary>
internal static class ClientTestKit
{
    public const string Secret = "tok_live_5f8d0c1e9a7b4e26b3c1";

    public static IntegratedAccount Account(string provider = "test", string secret = Secret)
        => new(provider, CrmCredentials.AccessToken(secret)) { Id = "acme-test" };

    public static (CrmClient Client, RecordingHandler Handler) NewClient(HttpStatusCode status = HttpStatusCode.Created, string body = """{"id":"c_1","first":"Ada","last":"Lovelace"}""")
        => NewClient(new RecordingHandler(status, body));

    public static (CrmClient Client, RecordingHandler Handler) NewClient(RecordingHandler handler, ListLogger<CrmClient>? logger = null)
        => (new CrmClient(new HttpClient(handler), [TestProvider.Instance], logger), handler);
}
