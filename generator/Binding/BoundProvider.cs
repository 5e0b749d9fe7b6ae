using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The binder's output for one .crmmap file. When <see cref="Diagnostics"/> holds an error the
/// generator emits nothing for the file. Everything here is equatable and free of Roslyn
/// symbols, syntax nodes and locations: this is the generation model the emitter consumes.
/// </summary>
internal sealed record BoundFile(
    string FilePath,
    EquatableArray<BoundProvider> Providers,
    EquatableArray<CrmDiagnostic> Diagnostics);

/// <summary>The class that receives a provider's generated adapter.</summary>
internal sealed record ProviderClassRef(string Namespace, string ClassName, string FullyQualifiedName);

/// <summary>One provider, fully resolved.</summary>
internal sealed record BoundProvider(
    string Name,
    string DisplayName,
    ProviderClassRef Class,
    BoundExpression BaseUrl,
    BoundAuth Auth,
    EquatableArray<BoundHeader> Headers,
    EquatableArray<BoundContextValue> Context,
    EquatableArray<string> Credentials,
    BoundErrorMapping? Errors,
    EquatableArray<BoundEnumTable> Enums,
    EquatableArray<BoundResource> Resources);

/// <summary>How requests authenticate.</summary>
internal enum AuthKind
{
    None,
    /// <summary><c>Authorization: Bearer {0}</c></summary>
    Bearer,
    /// <summary><c>Authorization: Basic base64({0}:{1})</c></summary>
    Basic,
    /// <summary>A header named <see cref="BoundAuth.ParameterName"/> carrying {0}.</summary>
    ApiKeyHeader,
    /// <summary>A query parameter named <see cref="BoundAuth.ParameterName"/> carrying {0}.</summary>
    ApiKeyQuery,
    /// <summary>An OAuth 2.0 access token sent as a bearer token.</summary>
    OAuth2,
}

/// <summary>The auth scheme and its (string-typed) arguments.</summary>
internal sealed record BoundAuth(AuthKind Kind, string? ParameterName, EquatableArray<BoundExpression> Arguments);

/// <summary>A fixed or computed header; the value is string-typed (literal, context, credential, interpolation).</summary>
internal sealed record BoundHeader(string Name, BoundExpression Value);

/// <summary>A declared account context value (<c>context location_id required</c>).</summary>
internal sealed record BoundContextValue(string Name, bool IsRequired);

/// <summary>How the provider's error body reads: string-typed read expressions over the error JSON.</summary>
internal sealed record BoundErrorMapping(BoundExpression? Message, BoundExpression? Code);

/// <summary>
/// An enum table: rows map <c>From</c> to <c>To</c>; <see cref="Else"/> is the result for a
/// value no row matches (null: such a value maps to null). <see cref="IsInvertible"/>: no two
/// rows share a <c>To</c>, so the table can be applied backwards.
/// </summary>
internal sealed record BoundEnumTable(string Name, EquatableArray<BoundEnumEntry> Entries, string? Else, bool IsInvertible);

/// <summary>One row of an enum table.</summary>
internal sealed record BoundEnumEntry(string From, string To);

/// <summary>A resource (e.g. <c>contacts</c>) bound to its unified model.</summary>
internal sealed record BoundResource(string Name, UnifiedModelRef Model, EquatableArray<BoundOperation> Operations);

/// <summary>
/// A unified model class. <see cref="RemoteDataProperty"/> is the C# name of its
/// <c>RawJson</c> property (<c>remote_data</c>), which the read path fills with the provider's
/// record unless remote data is ignored; null when the model has none.
/// </summary>
internal sealed record UnifiedModelRef(string Name, string FullyQualifiedName, string? RemoteDataProperty);
