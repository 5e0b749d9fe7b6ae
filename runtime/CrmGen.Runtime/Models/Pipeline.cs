using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CrmGen;

/// <summary>A unified pipeline, with the wire names of <c>/unified/crm/pipelines</c>.</summary>
[UnifiedModel("pipelines")]
public sealed class Pipeline
{
    /// <summary>The unique identifier for the pipeline.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The name of the pipeline.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The entity associated with the pipeline: <c>contact</c>, <c>account</c> or <c>opportunity</c>.</summary>
    [JsonPropertyName("entity")] public string? Entity { get; set; }

    /// <summary>The stages of the pipeline.</summary>
    [JsonPropertyName("stages")] public List<Stage>? Stages { get; set; }

    /// <summary>When the pipeline was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the pipeline was last updated.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The provider's raw record.</summary>
    [JsonPropertyName("remote_data")] public RawJson? RemoteData { get; set; }
}

/// <summary>A stage of a pipeline.</summary>
[UnifiedModel]
public sealed class Stage
{
    /// <summary>The unique identifier for the stage.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The name of the stage.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>
    /// The status of the entity at the stage: <c>open</c>, <c>won</c> or <c>lost</c> on every
    /// provider (Close's <c>active</c> opportunity statuses and HubSpot's open deal stages are
    /// <c>open</c>); null when the provider's stages carry no status (Pipedrive).
    /// </summary>
    [JsonPropertyName("status")] public string? Status { get; set; }

    /// <summary>The pipeline the stage belongs to.</summary>
    [JsonPropertyName("pipeline")] public PipelineReference? Pipeline { get; set; }
}
