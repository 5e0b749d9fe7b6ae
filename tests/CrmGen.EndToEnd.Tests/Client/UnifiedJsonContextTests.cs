using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>The source-generated metadata normalization and field exclusion walk covers every unified model.</summary>
public class UnifiedJsonContextTests
{
    public static TheoryData<string> UnifiedModels()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Contact).Assembly.GetTypes().Where(t => t.GetCustomAttribute<UnifiedModelAttribute>() is not null).OrderBy(t => t.Name))
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UnifiedModels))]
    public void Every_unified_model_has_metadata_with_its_wire_names(string typeName)
    {
        var type = typeof(Contact).Assembly.GetType(typeName)!;

        var info = UnifiedJsonContext.Default.GetTypeInfo(type);

        Assert.True(info is not null, $"{type.Name} is missing from UnifiedJsonContext: add [JsonSerializable(typeof({type.Name}))].");
        Assert.Equal(JsonTypeInfoKind.Object, info!.Kind);
        var wireNames = type.GetProperties().Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name).Where(n => n is not null).Order();
        Assert.Equal(wireNames, info.Properties.Select(p => p.Name).Order());
        Assert.All(info.Properties, p => Assert.NotNull(p.Set));
    }

    [Fact]
    public void Records_serialize_with_wire_names_and_without_nulls()
    {
        var contact = new Contact
        {
            FirstName = "Ada",
            EmailAddresses = [new EmailAddress { Email = "ada@example.com" }],
            CustomFields = new Dictionary<string, object?> { ["n"] = 3L, ["d"] = 1.5m, ["b"] = true, ["s"] = "x", ["j"] = JsonDocument.Parse("[1]").RootElement },
            CreatedAt = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero),
            RemoteData = new RawJson("""{"raw":true}"""u8.ToArray()),
        };

        var json = JsonSerializer.Serialize(contact, UnifiedJsonContext.Default.Contact);

        Assert.Equal("""{"first_name":"Ada","email_addresses":[{"email":"ada@example.com"}],"custom_fields":{"n":3,"d":1.5,"b":true,"s":"x","j":[1]},"created_at":"2025-03-14T09:26:53+00:00","remote_data":{"raw":true}}""", json);
        var back = JsonSerializer.Deserialize(json, UnifiedJsonContext.Default.Contact)!;
        Assert.Equal("ada@example.com", back.EmailAddresses![0].Email);
        Assert.Equal("""{"raw":true}""", back.RemoteData!.ToString());
    }
}
