using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>A pipeline held by the Close emulator.</summary>
public sealed class ClosePipeline
{
    internal ClosePipeline(string id, string name, string organizationId, IReadOnlyList<CloseOpportunityStatus> statuses, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        OrganizationId = organizationId;
        Statuses = statuses;
        DateCreated = createdAt;
        DateUpdated = createdAt;
    }

    /// <summary>The pipeline id (<c>pipe_…</c>).</summary>
    public string Id { get; }

    /// <summary>The pipeline name.</summary>
    public string Name { get; }

    /// <summary>The organization (<c>orga_…</c>).</summary>
    public string OrganizationId { get; }

    /// <summary>The opportunity statuses of the pipeline, in order.</summary>
    public IReadOnlyList<CloseOpportunityStatus> Statuses { get; }

    /// <summary>When the pipeline was created.</summary>
    public DateTimeOffset DateCreated { get; }

    /// <summary>When the pipeline was last updated.</summary>
    public DateTimeOffset DateUpdated { get; }
}

/// <summary>An opportunity status of a pipeline.</summary>
/// <param name="Id">The status id (<c>stat_…</c>).</param>
/// <param name="Label">The status label, e.g. <c>Active</c>.</param>
/// <param name="Type">The status type: <c>active</c>, <c>won</c> or <c>lost</c>.</param>
public sealed record CloseOpportunityStatus(string Id, string Label, string Type);
