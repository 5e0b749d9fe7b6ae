using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
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
    /// <see cref="ICrmProvider"/>. The client settings (<see cref="CrmGenOptions.Client"/>) are
    /// registered as a <see cref="CrmClientOptions"/> singleton, shared by every call. The named
    /// client's own timeout is turned off: the CrmGen timeout covers every attempt of a call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds providers, e.g. <c>o => o.AddProviders(BuiltInProviders.All)</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCrmGen(this IServiceCollection services, Action<CrmGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // One settings object per collection: a later call configures the one the first registered.
        var clientOptions = services.LastOrDefault(d => d.ServiceType == typeof(CrmClientOptions))?.ImplementationInstance as CrmClientOptions;
        if (clientOptions is null)
        {
            clientOptions = new CrmClientOptions();
            services.AddSingleton(clientOptions);
        }
        var options = new CrmGenOptions(clientOptions);
        configure?.Invoke(options);

        foreach (var provider in options.Providers)
        {
            services.AddSingleton(provider);
        }

        // CrmClient enforces its own timeout over all attempts of a call; HttpClient's would cut one.
        services.AddHttpClient(HttpClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddTransient(static sp => new CrmClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetServices<ICrmProvider>(),
            sp.GetRequiredService<CrmClientOptions>(),
            sp.GetService<ILogger<CrmClient>>()));
        return services;
    }
}
