namespace CrmGen;

/// <summary>Contacts: the people in a CRM (<c>/unified/crm/contacts</c>).</summary>
public sealed class ContactsClient : CrmResourceClient<Contact>
{
    internal ContactsClient(CrmClient client) : base(client, "contacts")
    {
    }
}
