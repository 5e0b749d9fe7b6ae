using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>
/// Source-generated System.Text.Json metadata for every unified model, with the unified wire
/// names: AOT- and trim-safe serialization (<c>JsonSerializer.Serialize(contact, UnifiedJsonContext.Default.Contact)</c>),
/// and the property metadata <see cref="CrmRecordNormalizer"/> and
/// <see cref="CrmRequestOptions.ExcludeFields"/> walk instead of reflection. Null values are not
/// written. Custom-field values may be strings, <c>long</c>, <c>decimal</c>, <c>double</c>,
/// <c>bool</c> or <see cref="JsonElement"/>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Contact))]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(Opportunity))]
[JsonSerializable(typeof(Pipeline))]
[JsonSerializable(typeof(Stage))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Association))]
[JsonSerializable(typeof(AssociationLinks))]
[JsonSerializable(typeof(AssociationLink))]
[JsonSerializable(typeof(EmailAddress))]
[JsonSerializable(typeof(PhoneNumber))]
[JsonSerializable(typeof(Address))]
[JsonSerializable(typeof(Tag))]
[JsonSerializable(typeof(ContactUrl))]
[JsonSerializable(typeof(AccountReference))]
[JsonSerializable(typeof(OwnerReference))]
[JsonSerializable(typeof(PipelineReference))]
[JsonSerializable(typeof(RecordReference))]
[JsonSerializable(typeof(StageReference))]
[JsonSerializable(typeof(List<Contact>))]
[JsonSerializable(typeof(List<Account>))]
[JsonSerializable(typeof(List<Opportunity>))]
[JsonSerializable(typeof(List<Pipeline>))]
[JsonSerializable(typeof(List<User>))]
[JsonSerializable(typeof(List<AssociationLink>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class UnifiedJsonContext : JsonSerializerContext
{
}
