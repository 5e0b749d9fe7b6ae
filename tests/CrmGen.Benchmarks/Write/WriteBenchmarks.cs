using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CrmGen.Benchmarks.Infrastructure;
using CrmGen.Providers;

namespace CrmGen.Benchmarks.Write;

/// <summary>
/// Scenario 2: one unified contact written as the provider's create body into a reused buffer
/// and <see cref="Utf8JsonWriter"/>. Baseline: the hand-written writer.
/// </summary>
public abstract class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private Contact _contact = null!;
    private IntegratedAccount _account = null!;

    /// <summary>The scenario's name in results.</summary>
    public abstract string Scenario { get; }

    /// <summary>The provider name.</summary>
    protected abstract string Provider { get; }

    /// <summary>The generated create operation.</summary>
    protected abstract CrmOperation<Contact, Contact> Operation { get; }

    /// <summary>The hand-written body.</summary>
    protected abstract void HandWrite(Utf8JsonWriter writer, Contact contact);

    /// <summary>The DTO body.</summary>
    protected abstract void DtoWrite(Utf8JsonWriter writer, Contact contact);

    /// <summary>Builds the contact and asserts that every variant writes the same bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Init();
        Verify();
        JitWarmup.Run(() => Generated(), () => HandWritten(), () => StjDto());
    }

    private void Init()
    {
        _contact = ContactWriters.SampleContact();
        _account = new IntegratedAccount(Provider, CrmCredentials.AccessToken("benchmark-token"),
            new Dictionary<string, string> { ["instance_url"] = "https://example.my.salesforce.com" });
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Asserts equal output of all variants (throws <see cref="BenchmarkOutputMismatchException"/>).</summary>
    public void Verify()
    {
        if (_writer is null) Init();
        var expected = Written(HandWritten);
        if (expected.Length < 20) throw new BenchmarkOutputMismatchException($"{Scenario}: the hand-written body is too short: {expected}");
        OutputCheck.Equal(Scenario, nameof(HandWritten), nameof(Generated), expected, Written(Generated));
        OutputCheck.Equal(Scenario, nameof(HandWritten), nameof(StjDto), expected, Written(StjDto));
    }

    /// <summary>The generated writer.</summary>
    [Benchmark]
    public int Generated()
    {
        Reset();
        Operation.WriteBody(_writer, _account, _contact);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>A hand-written <see cref="Utf8JsonWriter"/> sequence: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        Reset();
        HandWrite(_writer, _contact);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json serialisation of a provider DTO built from the contact.</summary>
    [Benchmark]
    public int StjDto()
    {
        Reset();
        DtoWrite(_writer, _contact);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private string Written(Func<int> variant)
    {
        var count = variant();
        return OutputCheck.Text(_buffer.WrittenSpan[..count]);
    }
}

/// <summary>Scenario 2, HubSpot: <c>POST /crm/v3/objects/contacts</c>.</summary>
[MemoryDiagnoser]
public class WriteHubSpotBenchmarks : WriteBenchmarks
{
    /// <inheritdoc />
    public override string Scenario => "write-hubspot";

    /// <inheritdoc />
    protected override string Provider => "hubspot";

    /// <inheritdoc />
    protected override CrmOperation<Contact, Contact> Operation => HubSpotProvider.ContactsCreateOperation.Instance;

    /// <inheritdoc />
    protected override void HandWrite(Utf8JsonWriter writer, Contact contact) => ContactWriters.WriteHubSpot(writer, contact);

    /// <inheritdoc />
    protected override void DtoWrite(Utf8JsonWriter writer, Contact contact) => ContactWriters.SerializeHubSpot(writer, contact);
}

/// <summary>Scenario 2, Salesforce: <c>POST /sobjects/Contact/</c>.</summary>
[MemoryDiagnoser]
public class WriteSalesforceBenchmarks : WriteBenchmarks
{
    /// <inheritdoc />
    public override string Scenario => "write-salesforce";

    /// <inheritdoc />
    protected override string Provider => "salesforce";

    /// <inheritdoc />
    protected override CrmOperation<Contact, Contact> Operation => SalesforceProvider.ContactsCreateOperation.Instance;

    /// <inheritdoc />
    protected override void HandWrite(Utf8JsonWriter writer, Contact contact) => ContactWriters.WriteSalesforce(writer, contact);

    /// <inheritdoc />
    protected override void DtoWrite(Utf8JsonWriter writer, Contact contact) => ContactWriters.SerializeSalesforce(writer, contact);
}
