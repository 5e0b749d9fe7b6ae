namespace CrmGen.Generator;

/// <summary>The names of the generator's pipeline steps (<c>WithTrackingName</c>), for incremental tests.</summary>
internal static class TrackingNames
{
    /// <summary>One .crmmap file parsed into its syntax tree.</summary>
    public const string Parse = "Parse";

    /// <summary>One class declaration read from syntax: marked <c>[CrmProvider]</c> or <c>[UnifiedModel]</c>, or a partial part with static methods.</summary>
    public const string Declarations = "Declarations";

    /// <summary>Whether nullable annotations are on in the project (where no <c>#nullable</c> directive says).</summary>
    public const string NullableAnnotations = "NullableAnnotations";

    /// <summary>The compilation's assembly name (the one the referenced assemblies are seen from).</summary>
    public const string AssemblyName = "AssemblyName";

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
