namespace CrmGen.Generator;

/// <summary>The names of the generator's pipeline steps (<c>WithTrackingName</c>), for incremental tests.</summary>
internal static class TrackingNames
{
    /// <summary>One .crmmap file parsed into its syntax tree.</summary>
    public const string Parse = "Parse";

    /// <summary>The unified models of one class of the compilation marked <c>[UnifiedModel]</c>.</summary>
    public const string SourceModels = "SourceModels";

    /// <summary>The provider facts of one class of the compilation marked <c>[CrmProvider]</c>.</summary>
    public const string ProviderClasses = "ProviderClasses";

    /// <summary>Whether the unified model attribute comes from a referenced assembly.</summary>
    public const string ModelAttributeOrigin = "ModelAttributeOrigin";

    /// <summary>The unified models of the referenced assembly that defines the attribute.</summary>
    public const string MetadataModels = "MetadataModels";

    /// <summary>The compilation's unified models and provider classes.</summary>
    public const string Facts = "Facts";

    /// <summary>The unified models alone (what emission needs of the facts).</summary>
    public const string Models = "Models";

    /// <summary>One file bound against the facts.</summary>
    public const string Bind = "Bind";

    /// <summary>The providers of every file that binds without errors.</summary>
    public const string Providers = "Providers";

    /// <summary>One provider's generated file (hint name and text).</summary>
    public const string Emit = "Emit";
}
