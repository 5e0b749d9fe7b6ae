using System.Net;
using CrmGen.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddCrmGen_registers_the_client_over_the_named_HttpClient()
    {
        var primary = new RecordingHandler(HttpStatusCode.Created, """{"id":"c_1","first":"Ada"}""");
        var counting = new CountingHandler();
        var services = new ServiceCollection();
        services.AddCrmGen(o => o.AddProvider(TestProvider.Instance));
        services.AddHttpClient(CrmGenServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => primary)
            .AddHttpMessageHandler(() => counting);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CrmClient>();
        var created = await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" });

        Assert.Equal("c_1", created.Id);
        Assert.Equal(1, counting.Count);
        Assert.Equal("seen", Assert.Single(primary.Requests).Header("X-Caller-Handler"));
        Assert.Same(TestProvider.Instance, Assert.Single(provider.GetServices<ICrmProvider>()));
    }

    [Fact]
    public void AddCrmGen_gives_the_client_the_registered_logger_and_every_provider()
    {
        var logger = new ListLogger<CrmClient>();
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<CrmClient>>(logger);
        services.AddCrmGen(o => o.AddProviders([TestProvider.Instance]));
        services.AddCrmGen();
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CrmClient>();

        Assert.Equal(["test"], client.Providers.Select(p => p.Name));
        Assert.NotSame(client, provider.GetRequiredService<CrmClient>());
    }

    [Fact]
    public void AddCrmGen_works_without_logging_registered()
    {
        var services = new ServiceCollection();
        services.AddCrmGen(o => o.AddProvider(TestProvider.Instance));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<CrmClient>());
    }

    [Fact]
    public async Task AddCrmGen_applies_the_client_settings_of_every_call()
    {
        var primary = new RecordingHandler(HttpStatusCode.ServiceUnavailable, """{"message":"down"}""");
        var services = new ServiceCollection();
        services.AddCrmGen(o => o.AddProvider(TestProvider.Instance).Client.Retry.MaxAttempts = 2);
        services.AddCrmGen(o => o.Client.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        services.AddHttpClient(CrmGenServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<CrmClientOptions>();
        var client = provider.GetRequiredService<CrmClient>();
        var ex = await Assert.ThrowsAsync<CrmProviderException>(() =>
            client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: "c_1"));

        Assert.Equal(2, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(1), options.Retry.BaseDelay);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, primary.Requests.Count);
        Assert.Single(provider.GetServices<CrmClientOptions>());
    }

    [Fact]
    public void The_named_HttpClient_leaves_timeouts_to_CrmGen()
    {
        var services = new ServiceCollection();
        services.AddCrmGen();
        using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(CrmGenServiceCollectionExtensions.HttpClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }
}
