using System.Text;
using CrmGen.Providers;
using CrmGen.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGen.EndToEnd.Tests.EndToEnd;

public class DependencyInjectionEndToEndTests
{
    [Fact]
    public async Task A_client_from_AddCrmGen_reaches_the_sandbox_over_the_factory_HttpClient()
    {
        await using var sandbox = await CrmSandbox.StartAsync();
        var services = new ServiceCollection();
        services.AddCrmGen(o => o.AddProviders(BuiltInProviders.All));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<CrmClient>();
        var account = new IntegratedAccount("close", CrmCredentials.ApiKey(sandbox.Options.CloseApiKey)) { BaseAddressOverride = sandbox.BaseAddressFor("close") };

        var pipeline = await client.Pipelines.CreateAsync(account, new Pipeline { Name = "Injected" });

        Assert.Equal(Assert.Single(sandbox.Close.Pipelines.Records).Id, pipeline.Id);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Options.CloseApiKey + ":"));
        Assert.Equal("Basic " + basic, Assert.Single(sandbox.Requests).Header("Authorization"));
    }
}
