using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CrmGen;

/// <summary>Registers CrmGen with <see cref="IServiceCollection"/>.</summary>
public static class CrmGenServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> CrmGen asks <see cref="IHttpClientFactory"/> for.
    /// Configure it to add handlers: <c>services.AddHttpClient(CrmGenServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(…)</c>.
    /// </summary>
    public const string HttpClientName = "CrmGen";

    /// <summary>
    /// Registers the providers (as <see cref="ICrmProvider"/> singletons), the named
    /// <see cref="HttpClient"/> <c>"CrmGen"</c> and <see cref="CrmClient"/> (transient: each
    /// instance takes a client from <see cref="IHttpClientFactory"/>; disposing it is optional).
    /// Calling it again adds providers; <see cref="CrmClient"/> sees every registered
    /// <see cref="ICrmProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds providers, e.g. <c>o => o.AddProviders(BuiltInProviders.All)</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCrmGen(this IServiceCollection services, Action<CrmGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new CrmGenOptions();
        configure?.Invoke(options);

        foreach (var provider in options.Providers)
        {
            services.AddSingleton(provider);
        }

        services.AddHttpClient(HttpClientName);
        services.TryAddTransient(static sp => new CrmClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetServices<ICrmProvider>(),
            sp.GetService<ILogger<CrmClient>>()));
        return services;
    }
}
