using CrmGen.EndToEnd.Tests.HubSpot;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.EndToEnd;

/// <summary>
/// The stages of a created pipeline name their pipeline: neither Close's statuses nor HubSpot's
/// stages carry a pipeline id, so the adapters read it from the record around them ('$$.id').
/// </summary>
public class PipelineStageParentTests
{
    [Fact]
    public async Task Every_Close_stage_names_the_created_pipeline()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, new Pipeline { Name = "Enterprise" });

        var record = Assert.Single(kit.Sandbox.Close.Pipelines.Records);
        Assert.Equal(record.Id, pipeline.Id);
        Assert.Equal(3, pipeline.Stages!.Count);
        Assert.All(pipeline.Stages!, stage => Assert.Equal(record.Id, stage.Pipeline?.Id));
    }

    [Fact]
    public async Task Every_HubSpot_stage_names_the_created_pipeline()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline
        {
            Name = "Enterprise",
            Stages = [new Stage { Name = "Discovery" }, new Stage { Name = "Signed", Status = "won" }],
        });

        var record = kit.HubSpot.Pipelines.Records.Single(p => p.Label == "Enterprise");
        Assert.Equal(record.Id, pipeline.Id);
        Assert.Equal(record.Stages.Select(s => s.Id), pipeline.Stages!.Select(s => s.Id));
        Assert.All(pipeline.Stages!, stage => Assert.Equal(record.Id, stage.Pipeline?.Id));
    }

    [Fact]
    public async Task A_pipeline_id_after_the_stages_still_reaches_every_stage()
    {
        // HubSpot documents no member order; a body with the id last reads the same.
        await using var kit = await HubSpotKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(201,
            """{"label":"Late","stages":[{"id":"s1","label":"A","metadata":{"isClosed":"false","probability":"0.2"}},{"id":"s2","label":"B","metadata":{"isClosed":"true","probability":"1.0"}}],"archived":false,"id":"p42"}""",
            "application/json", "hubspot"));

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Account, new Pipeline { Name = "Late", Stages = [new Stage { Name = "A" }] });

        Assert.Equal("p42", pipeline.Id);
        Assert.Equal(["s1", "s2"], pipeline.Stages!.Select(s => s.Id));
        Assert.Equal(["p42", "p42"], pipeline.Stages!.Select(s => s.Pipeline?.Id));
        Assert.Equal(["open", "won"], pipeline.Stages!.Select(s => s.Status));
    }
}
