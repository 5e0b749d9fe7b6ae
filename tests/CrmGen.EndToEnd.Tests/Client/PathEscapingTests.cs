using System.Net;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class PathEscapingTests
{
    [Theory]
    [InlineData("../x", "/api/contacts/..%2Fx")]
    [InlineData("a/b?c", "/api/contacts/a%2Fb%3Fc")]
    [InlineData("a#b", "/api/contacts/a%23b")]
    [InlineData("%2F", "/api/contacts/%252F")]
    [InlineData("ü ñ", "/api/contacts/%C3%BC%20%C3%B1")]
    [InlineData("c_123", "/api/contacts/c_123")]
    public async Task A_path_parameter_stays_one_segment(string id, string expectedPath)
    {
        var (client, handler) = NewClient(HttpStatusCode.OK, """{"id":"c_1"}""");

        await client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: id);

        var uri = Assert.Single(handler.Requests).Uri;
        Assert.Equal("crm.test.invalid", uri.Host);
        Assert.Equal(expectedPath, uri.AbsolutePath);
        Assert.Equal("", uri.Query);
        Assert.Equal("", uri.Fragment);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_segment_is_refused_before_any_request(string id)
    {
        var (client, handler) = NewClient(HttpStatusCode.OK, """{"id":"c_1"}""");

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: id));

        Assert.Equal("id", ex.Field);
        Assert.Contains($"cannot be '{id}'", ex.Message);
        Assert.Empty(handler.Requests);
    }
}
