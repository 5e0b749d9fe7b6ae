using System;

namespace CrmGen.Sandbox;

/// <summary>A pipeline held by the Pipedrive emulator. Pipelines are created without stages; stages are separate resources.</summary>
/// <param name="Id">The pipeline id.</param>
/// <param name="Name">The pipeline's name.</param>
/// <param name="UrlTitle">The pipeline's title in URLs.</param>
/// <param name="OrderNr">Its position among the pipelines (0 is the default pipeline).</param>
/// <param name="Active">Whether it is active (not hidden).</param>
/// <param name="DealProbability">Whether deal probability is enabled.</param>
/// <param name="AddTime">When it was created.</param>
/// <param name="UpdateTime">When it was last updated.</param>
public sealed record PipedrivePipeline(
    long Id, string Name, string UrlTitle, int OrderNr, bool Active, bool DealProbability, DateTimeOffset AddTime, DateTimeOffset UpdateTime);
