using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmGen.Sandbox;

/// <summary>The value type of a Salesforce field, as the field reference lists it.</summary>
internal enum SalesforceFieldType
{
    String,
    Email,
    Boolean,
    Double,
    Int,
    Date,
    Reference,
}

/// <summary>One field of an sObject: API name, label (used in error messages), type and properties.</summary>
internal sealed record SalesforceField(
    string Name,
    string Label,
    SalesforceFieldType Type,
    bool Required = false,
    bool Updateable = true,
    string? ReferenceTo = null);

/// <summary>An emulated sObject type: its name, key prefix and fields.</summary>
internal sealed class SalesforceSObjectType
{
    private readonly Dictionary<string, SalesforceField> _byName;

    public SalesforceSObjectType(string name, string label, string labelPlural, string keyPrefix, bool hasComputedName, params SalesforceField[] fields)
    {
        Name = name;
        Label = label;
        LabelPlural = labelPlural;
        KeyPrefix = keyPrefix;
        HasComputedName = hasComputedName;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string Label { get; }

    public string LabelPlural { get; }

    public string KeyPrefix { get; }

    /// <summary>True for Contact and Lead, whose read-only <c>Name</c> joins FirstName and LastName.</summary>
    public bool HasComputedName { get; }

    /// <summary>The writable fields, in the order a record lists them.</summary>
    public IReadOnlyList<SalesforceField> Fields { get; }

    public IEnumerable<SalesforceField> RequiredFields => Fields.Where(f => f.Required);

    /// <summary>Field names are case-insensitive in Salesforce.</summary>
    public bool TryGetField(string name, out SalesforceField field) => _byName.TryGetValue(name, out field!);
}

/// <summary>
/// The standard objects the emulator knows, with the fields of the Salesforce field reference
/// ("Contact", "Account", "Opportunity", "Lead", "OpportunityContactRole") that matter here.
/// </summary>
internal static class SalesforceSchema
{
    /// <summary>System fields every record has; none can be written.</summary>
    public static readonly string[] SystemFields = ["Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp"];

    public const string UserKeyPrefix = "005";

    public static readonly SalesforceSObjectType Account = new("Account", "Account", "Accounts", "001", hasComputedName: false,
        new("Name", "Account Name", SalesforceFieldType.String, Required: true),
        new("ParentId", "Parent Account ID", SalesforceFieldType.Reference, ReferenceTo: "Account"),
        new("AccountNumber", "Account Number", SalesforceFieldType.String),
        new("Type", "Account Type", SalesforceFieldType.String),
        new("Industry", "Industry", SalesforceFieldType.String),
        new("Website", "Website", SalesforceFieldType.String),
        new("Phone", "Account Phone", SalesforceFieldType.String),
        new("Description", "Account Description", SalesforceFieldType.String),
        new("NumberOfEmployees", "Employees", SalesforceFieldType.Int),
        new("AnnualRevenue", "Annual Revenue", SalesforceFieldType.Double),
        new("BillingStreet", "Billing Street", SalesforceFieldType.String),
        new("BillingCity", "Billing City", SalesforceFieldType.String),
        new("BillingState", "Billing State/Province", SalesforceFieldType.String),
        new("BillingPostalCode", "Billing Zip/Postal Code", SalesforceFieldType.String),
        new("BillingCountry", "Billing Country", SalesforceFieldType.String),
        new("OwnerId", "Owner ID", SalesforceFieldType.Reference, ReferenceTo: "User"));

    public static readonly SalesforceSObjectType Contact = new("Contact", "Contact", "Contacts", "003", hasComputedName: true,
        new("Salutation", "Salutation", SalesforceFieldType.String),
        new("FirstName", "First Name", SalesforceFieldType.String),
        new("LastName", "Last Name", SalesforceFieldType.String, Required: true),
        new("AccountId", "Account ID", SalesforceFieldType.Reference, ReferenceTo: "Account"),
        new("ReportsToId", "Reports To ID", SalesforceFieldType.Reference, ReferenceTo: "Contact"),
        new("Title", "Title", SalesforceFieldType.String),
        new("Department", "Department", SalesforceFieldType.String),
        new("Email", "Email", SalesforceFieldType.Email),
        new("Phone", "Business Phone", SalesforceFieldType.String),
        new("MobilePhone", "Mobile Phone", SalesforceFieldType.String),
        new("HomePhone", "Home Phone", SalesforceFieldType.String),
        new("OtherPhone", "Other Phone", SalesforceFieldType.String),
        new("Fax", "Business Fax", SalesforceFieldType.String),
        new("MailingStreet", "Mailing Street", SalesforceFieldType.String),
        new("MailingCity", "Mailing City", SalesforceFieldType.String),
        new("MailingState", "Mailing State/Province", SalesforceFieldType.String),
        new("MailingPostalCode", "Mailing Zip/Postal Code", SalesforceFieldType.String),
        new("MailingCountry", "Mailing Country", SalesforceFieldType.String),
        new("Birthdate", "Birthdate", SalesforceFieldType.Date),
        new("LeadSource", "Lead Source", SalesforceFieldType.String),
        new("Description", "Contact Description", SalesforceFieldType.String),
        new("HasOptedOutOfEmail", "Email Opt Out", SalesforceFieldType.Boolean),
        new("DoNotCall", "Do Not Call", SalesforceFieldType.Boolean),
        new("OwnerId", "Owner ID", SalesforceFieldType.Reference, ReferenceTo: "User"));

    public static readonly SalesforceSObjectType Opportunity = new("Opportunity", "Opportunity", "Opportunities", "006", hasComputedName: false,
        new("Name", "Name", SalesforceFieldType.String, Required: true),
        new("AccountId", "Account ID", SalesforceFieldType.Reference, ReferenceTo: "Account"),
        new("StageName", "Stage", SalesforceFieldType.String, Required: true),
        new("CloseDate", "Close Date", SalesforceFieldType.Date, Required: true),
        new("Amount", "Amount", SalesforceFieldType.Double),
        new("Probability", "Probability (%)", SalesforceFieldType.Double),
        new("Type", "Opportunity Type", SalesforceFieldType.String),
        new("LeadSource", "Lead Source", SalesforceFieldType.String),
        new("NextStep", "Next Step", SalesforceFieldType.String),
        new("Description", "Description", SalesforceFieldType.String),
        new("OwnerId", "Owner ID", SalesforceFieldType.Reference, ReferenceTo: "User"));

    public static readonly SalesforceSObjectType Lead = new("Lead", "Lead", "Leads", "00Q", hasComputedName: true,
        new("Salutation", "Salutation", SalesforceFieldType.String),
        new("FirstName", "First Name", SalesforceFieldType.String),
        new("LastName", "Last Name", SalesforceFieldType.String, Required: true),
        new("Company", "Company", SalesforceFieldType.String, Required: true),
        new("Title", "Title", SalesforceFieldType.String),
        new("Email", "Email", SalesforceFieldType.Email),
        new("Phone", "Phone", SalesforceFieldType.String),
        new("MobilePhone", "Mobile Phone", SalesforceFieldType.String),
        new("Website", "Website", SalesforceFieldType.String),
        new("Status", "Status", SalesforceFieldType.String),
        new("Industry", "Industry", SalesforceFieldType.String),
        new("LeadSource", "Lead Source", SalesforceFieldType.String),
        new("Street", "Street", SalesforceFieldType.String),
        new("City", "City", SalesforceFieldType.String),
        new("State", "State/Province", SalesforceFieldType.String),
        new("PostalCode", "Zip/Postal Code", SalesforceFieldType.String),
        new("Country", "Country", SalesforceFieldType.String),
        new("Description", "Description", SalesforceFieldType.String),
        new("OwnerId", "Owner ID", SalesforceFieldType.Reference, ReferenceTo: "User"));

    /// <summary>The role a contact plays on an opportunity; OpportunityId is set on create only.</summary>
    public static readonly SalesforceSObjectType OpportunityContactRole = new("OpportunityContactRole", "Contact Role", "Contact Roles", "00K", hasComputedName: false,
        new("OpportunityId", "Opportunity ID", SalesforceFieldType.Reference, Required: true, Updateable: false, ReferenceTo: "Opportunity"),
        new("ContactId", "Contact ID", SalesforceFieldType.Reference, Required: true, ReferenceTo: "Contact"),
        new("Role", "Role", SalesforceFieldType.String),
        new("IsPrimary", "Primary", SalesforceFieldType.Boolean));

    public static readonly IReadOnlyList<SalesforceSObjectType> All = [Account, Contact, Opportunity, Lead, OpportunityContactRole];

    /// <summary>sObject names in URLs are case-insensitive.</summary>
    public static SalesforceSObjectType? Find(string name)
        => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static SalesforceSObjectType? FindByKeyPrefix(string keyPrefix)
        => All.FirstOrDefault(t => string.Equals(t.KeyPrefix, keyPrefix, StringComparison.Ordinal));

    public static string? KeyPrefixOf(string sobjectName)
        => sobjectName == "User" ? UserKeyPrefix : Find(sobjectName)?.KeyPrefix;
}
