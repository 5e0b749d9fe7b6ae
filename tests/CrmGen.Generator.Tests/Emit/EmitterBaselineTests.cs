using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Emit;

public class EmitterBaselineTests
{
    [Fact]
    public void Hand_built_sample_matches_its_baseline()
        => BaselineAssert.Matches("Emit." + EmittedSample.Source.HintName, EmittedSample.Source.Source);
}
