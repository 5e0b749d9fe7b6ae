using CrmGen;

/// <summary>
/// One provider as the QuickStart runs it: its integrated account (the sandbox's, or a live one
/// from the environment) and the records the three seed operations use. A null record means the
/// operation is skipped for the reason given beside it.
/// </summary>
internal sealed class ProviderDemo
{
    /// <summary>The provider name, e.g. <c>hubspot</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The integrated account.</summary>
    public required IntegratedAccount Account { get; init; }

    /// <summary>True when the account is a live one (credentials from the environment), false for the sandbox.</summary>
    public required bool IsLive { get; init; }

    /// <summary>The contact to create.</summary>
    public Contact? Contact { get; init; }

    /// <summary>Why no contact is created.</summary>
    public string? ContactSkipped { get; init; }

    /// <summary>The association to make, given the created contact (null: none).</summary>
    public Func<Contact, Association>? Association { get; init; }

    /// <summary>Why no association is made.</summary>
    public string? AssociationSkipped { get; init; }

    /// <summary>Where the requests go.</summary>
    public string Target => IsLive ? "live API" : "sandbox";
}
