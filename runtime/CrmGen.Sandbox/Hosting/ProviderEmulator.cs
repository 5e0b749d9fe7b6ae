using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>The emulation of one provider's API: its routes under <c>/{Name}</c> and its dialect of "not found".</summary>
public abstract class ProviderEmulator
{
    private protected ProviderEmulator()
    {
    }

    /// <summary>The provider name, also the first path segment of its routes (e.g. <c>hubspot</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The path of the provider's API root below <c>/{Name}</c> (empty for HubSpot, <c>/api/v1</c> for Close).</summary>
    public abstract string ApiRootPath { get; }

    internal abstract void Map(IEndpointRouteBuilder routes);

    internal abstract Task WriteNotFoundAsync(HttpContext context);
}
