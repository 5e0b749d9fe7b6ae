using BenchmarkDotNet.Attributes;
using CrmGen.Benchmarks.Data;
using CrmGen.Benchmarks.Infrastructure;
using CrmGen.Providers;

namespace CrmGen.Benchmarks.Read;

/// <summary>
/// Scenario 1: a 100-record contacts page mapped to unified contacts by the four variants. All
/// variants read without <c>remote_data</c> (<see cref="CrmReadOptions.IgnoreRemoteData"/> true
/// for the generated mapper; the others never build it). Baseline: the hand-written reader.
/// </summary>
public abstract class ReadBenchmarks
{
    /// <summary>The read options every variant runs with.</summary>
    public static readonly CrmReadOptions Options = new() { IgnoreRemoteData = true };

    private byte[] _page = [];

    /// <summary>The scenario's name in results.</summary>
    public abstract string Scenario { get; }

    /// <summary>The page bytes.</summary>
    protected abstract byte[] Page { get; }

    /// <summary>The generated list operation.</summary>
    protected abstract CrmListOperation<Contact> Operation { get; }

    /// <summary>Variant (b).</summary>
    protected abstract CrmPage<Contact> HandWrittenRead(ReadOnlySpan<byte> page);

    /// <summary>Variant (c).</summary>
    protected abstract CrmPage<Contact> DtoRead(ReadOnlySpan<byte> page);

    /// <summary>Variant (d).</summary>
    protected abstract InterpretiveMapper Interpreter { get; }

    /// <summary>Text the mapped records must contain (so that the comparison is not of empty records).</summary>
    protected abstract string Sample { get; }

    /// <summary>Loads the page and asserts that every variant maps it the same way.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _page = Page;
        Verify();
        JitWarmup.Run(() => Generated(), () => HandWritten(), () => StjDto(), () => Interpretive());
    }

    /// <summary>Asserts equal output of all variants (throws <see cref="BenchmarkOutputMismatchException"/>).</summary>
    public void Verify()
    {
        var page = Page;
        var expected = OutputCheck.Describe(HandWrittenRead(page));
        var records = HandWrittenRead(page).Records.Count;
        if (records != ProviderPages.RecordCount) throw new BenchmarkOutputMismatchException($"{Scenario}: the hand-written reader found {records} records, not {ProviderPages.RecordCount}.");
        if (!expected.Contains(Sample, StringComparison.Ordinal)) throw new BenchmarkOutputMismatchException($"{Scenario}: the mapped records lack {Sample}.");
        OutputCheck.Equal(Scenario, nameof(HandWritten), nameof(Generated), expected, OutputCheck.Describe(Operation.ReadResponse(page, Options)));
        OutputCheck.Equal(Scenario, nameof(HandWritten), nameof(StjDto), expected, OutputCheck.Describe(DtoRead(page)));
        OutputCheck.Equal(Scenario, nameof(HandWritten), nameof(Interpretive), expected, OutputCheck.Describe(Interpreter.ReadPage(page)));
    }

    /// <summary>(a) The generated mapper.</summary>
    [Benchmark]
    public CrmPage<Contact> Generated() => Operation.ReadResponse(_page, Options);

    /// <summary>(b) A hand-written <c>Utf8JsonReader</c> mapper: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public CrmPage<Contact> HandWritten() => HandWrittenRead(_page);

    /// <summary>(c) System.Text.Json into provider DTOs, then hand mapping.</summary>
    [Benchmark]
    public CrmPage<Contact> StjDto() => DtoRead(_page);

    /// <summary>(d) A runtime engine evaluating the mapping's path strings over <c>JsonNode</c>.</summary>
    [Benchmark]
    public CrmPage<Contact> Interpretive() => Interpreter.ReadPage(_page);
}

/// <summary>Scenario 1, HubSpot: a CRM v3 contacts list page.</summary>
[MemoryDiagnoser]
public class ReadHubSpotBenchmarks : ReadBenchmarks
{
    /// <inheritdoc />
    public override string Scenario => "read-hubspot";

    /// <inheritdoc />
    protected override byte[] Page => ProviderPages.HubSpotContactsPage;

    /// <inheritdoc />
    protected override CrmListOperation<Contact> Operation => HubSpotProvider.ContactsListOperation.Instance;

    /// <inheritdoc />
    protected override InterpretiveMapper Interpreter => InterpretiveMapper.HubSpotContacts;

    /// <inheritdoc />
    protected override string Sample => "\"custom_fields\":{\"hs_lead_status\":";

    /// <inheritdoc />
    protected override CrmPage<Contact> HandWrittenRead(ReadOnlySpan<byte> page) => HandWrittenReaders.ReadHubSpotPage(page);

    /// <inheritdoc />
    protected override CrmPage<Contact> DtoRead(ReadOnlySpan<byte> page) => DtoReaders.ReadHubSpotPage(page);
}

/// <summary>Scenario 1, Salesforce: a SOQL query page of contacts.</summary>
[MemoryDiagnoser]
public class ReadSalesforceBenchmarks : ReadBenchmarks
{
    /// <inheritdoc />
    public override string Scenario => "read-salesforce";

    /// <inheritdoc />
    protected override byte[] Page => ProviderPages.SalesforceContactsPage;

    /// <inheritdoc />
    protected override CrmListOperation<Contact> Operation => SalesforceProvider.ContactsListOperation.Instance;

    /// <inheritdoc />
    protected override InterpretiveMapper Interpreter => InterpretiveMapper.SalesforceContacts;

    /// <inheritdoc />
    protected override string Sample => "\"email_addresses\":[{\"email\":";

    /// <inheritdoc />
    protected override CrmPage<Contact> HandWrittenRead(ReadOnlySpan<byte> page) => HandWrittenReaders.ReadSalesforcePage(page);

    /// <inheritdoc />
    protected override CrmPage<Contact> DtoRead(ReadOnlySpan<byte> page) => DtoReaders.ReadSalesforcePage(page);
}
