using CrmGen.Generator.Binding;
using CrmGen.Generator.Emit;
using CrmGen.Generator.Model;
using CrmGen.Generator.Tests.Infrastructure;
using static CrmGen.Generator.Tests.Emit.BoundModelDsl;

namespace CrmGen.Generator.Tests.Emit;

/// <summary>Provider settings the sample does not use: every auth scheme, the global namespace, no errors mapping, no operations.</summary>
public class ProviderVariantsTests
{
    private static BoundProvider Minimal(AuthKind auth, string? parameter, params BoundExpression[] arguments) => new(
        "mini",
        "Mini",
        new ProviderClassRef("", "MiniProvider", "global::MiniProvider"),
        new BoundContextReference("instance_url"),
        new BoundAuth(auth, parameter, arguments.ToEquatableArray()),
        EquatableArray<BoundHeader>.Empty,
        EquatableArray.Create(new BoundContextValue("instance_url", false)),
        EquatableArray.Create("token"),
        null,
        EquatableArray<BoundEnumTable>.Empty,
        EquatableArray.Create(new BoundResource("pipelines", ModelRef<Pipeline>(), EquatableArray.Create(
            Operation(OperationKind.Get, "GET", "/pipelines/{id}")))));

    private const string MiniClass = """
        /// <summary>A minimal provider in the global namespace.</summary>
        [CrmGen.CrmProvider("mini")]
        public partial class MiniProvider
        {
        }
        """;

    public static TheoryData<string> Schemes => new() { "none", "bearer", "oauth2", "basic", "header", "query" };

    private static BoundProvider ProviderFor(string scheme) => scheme switch
    {
        "bearer" => Minimal(AuthKind.Bearer, null, new BoundCredential("token")),
        "oauth2" => Minimal(AuthKind.OAuth2, null, new BoundCredential("token")),
        "basic" => Minimal(AuthKind.Basic, null, new BoundCredential("token"), Lit("")),
        "header" => Minimal(AuthKind.ApiKeyHeader, "X-Key", new BoundCredential("token")),
        "query" => Minimal(AuthKind.ApiKeyQuery, "api_token", new BoundCredential("token")),
        _ => Minimal(AuthKind.None, null),
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Every_auth_scheme_compiles_and_applies(string scheme)
    {
        var source = ProviderEmitter.Emit(ProviderFor(scheme), RuntimeModels());
        Assert.Equal("MiniProvider.CrmProvider.g.cs", source.HintName);
        Assert.DoesNotContain("namespace", source.Source);
        var compilation = TestCompilation.Create("Mini" + scheme, new[] { ("MiniProvider.cs", MiniClass), (source.HintName, source.Source) });
        var problems = TestCompilation.Problems(compilation);
        Assert.True(problems.Count == 0, TestCompilation.Format(problems));

        using var assembly = AdapterAssembly.Load(compilation);
        var provider = assembly.Provider("MiniProvider");
        var account = new IntegratedAccount("mini", new CrmCredentials([new("token", "s3cret")]), new Dictionary<string, string> { ["instance_url"] = "https://eu.mini.test" });
        var request = new CrmRequestBuilder(HttpMethod.Get, "mini");
        provider.PrepareRequest(request, account);
        Assert.NotNull(provider.FindOperation("pipelines", "get"));
        Assert.Equal("https://eu.mini.test", request.BaseAddress);
        Assert.Equal(default, provider.ReadError("""{"message":"x"}"""u8));
        var built = request.Build();
        switch (scheme)
        {
            case "bearer" or "oauth2":
                Assert.Equal("Bearer s3cret", built.Headers.Authorization!.ToString());
                break;
            case "basic":
                Assert.Equal("Basic " + Convert.ToBase64String("s3cret:"u8.ToArray()), built.Headers.Authorization!.ToString());
                break;
            case "header":
                Assert.Equal("s3cret", built.Headers.GetValues("X-Key").Single());
                break;
            case "query":
                Assert.Equal("https://eu.mini.test/?api_token=s3cret", request.BuildUri().ToString());
                break;
            default:
                Assert.Null(built.Headers.Authorization);
                break;
        }
    }
}
