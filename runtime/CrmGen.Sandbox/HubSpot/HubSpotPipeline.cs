using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>A pipeline held by the HubSpot emulator.</summary>
public sealed class HubSpotPipeline
{
    internal HubSpotPipeline(string objectType, string id, string label, int displayOrder, IReadOnlyList<HubSpotPipelineStage> stages, DateTimeOffset createdAt)
    {
        ObjectType = objectType;
        Id = id;
        Label = label;
        DisplayOrder = displayOrder;
        Stages = stages;
        CreatedAt = createdAt;
    }

    /// <summary>The object type the pipeline is for: <c>deals</c> or <c>tickets</c>.</summary>
    public string ObjectType { get; }

    /// <summary>The pipeline id (<c>default</c> for the deal pipeline every account has).</summary>
    public string Id { get; }

    /// <summary>The pipeline's label.</summary>
    public string Label { get; }

    /// <summary>The pipeline's display order.</summary>
    public int DisplayOrder { get; }

    /// <summary>The stages, in the order given.</summary>
    public IReadOnlyList<HubSpotPipelineStage> Stages { get; }

    /// <summary>When the pipeline was created (the Unix epoch for the built-in default pipelines, as HubSpot reports them).</summary>
    public DateTimeOffset CreatedAt { get; }
}

/// <summary>A stage of a pipeline held by the HubSpot emulator.</summary>
/// <param name="Id">The stage id.</param>
/// <param name="Label">The stage's label, unique within its pipeline.</param>
/// <param name="DisplayOrder">The stage's display order.</param>
/// <param name="Metadata">The stage metadata as HubSpot stores it (text values, e.g. <c>probability</c>, <c>isClosed</c>).</param>
public sealed record HubSpotPipelineStage(string Id, string Label, int DisplayOrder, IReadOnlyDictionary<string, string> Metadata);
