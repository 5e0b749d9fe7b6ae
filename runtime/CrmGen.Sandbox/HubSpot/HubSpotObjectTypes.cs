using System;
using System.Collections.Generic;

namespace CrmGen.Sandbox;

/// <summary>
/// HubSpot's object types as its APIs name them in paths, and the HubSpot-defined default
/// (unlabeled) association types between them.
/// </summary>
/// <remarks>
/// Follows "Understanding the CRM" (object type ids: contacts <c>0-1</c>, companies <c>0-2</c>,
/// deals <c>0-3</c>, tickets <c>0-5</c>, leads <c>0-136</c>; paths take the plural name, the
/// singular name or the id) and "Associations v4" (the HubSpot-defined association type ids:
/// contact to company 279 and back 280, deal to contact 3 and back 4, deal to company 341 and
/// back 342, contact to contact 449, company to company 450, deal to deal 451, lead to contact 608
/// and lead to company 610, whose inverse types are 607 and 609 by HubSpot's pairing of
/// consecutive ids). Leads have associations with contacts and companies only.
/// </remarks>
internal static class HubSpotObjectTypes
{
    public const string Contacts = "contacts";
    public const string Companies = "companies";
    public const string Deals = "deals";
    public const string Tickets = "tickets";
    public const string Leads = "leads";

    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["contacts"] = Contacts, ["contact"] = Contacts, ["0-1"] = Contacts,
        ["companies"] = Companies, ["company"] = Companies, ["0-2"] = Companies,
        ["deals"] = Deals, ["deal"] = Deals, ["0-3"] = Deals,
        ["tickets"] = Tickets, ["ticket"] = Tickets, ["0-5"] = Tickets,
        ["leads"] = Leads, ["lead"] = Leads, ["0-136"] = Leads,
    };

    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        [Contacts] = "0-1",
        [Companies] = "0-2",
        [Deals] = "0-3",
        [Tickets] = "0-5",
        [Leads] = "0-136",
    };

    private static readonly Dictionary<(string From, string To), int> DefaultAssociations = new()
    {
        [(Contacts, Companies)] = 279,
        [(Companies, Contacts)] = 280,
        [(Deals, Contacts)] = 3,
        [(Contacts, Deals)] = 4,
        [(Deals, Companies)] = 341,
        [(Companies, Deals)] = 342,
        [(Contacts, Contacts)] = 449,
        [(Companies, Companies)] = 450,
        [(Deals, Deals)] = 451,
        [(Contacts, Leads)] = 607,
        [(Leads, Contacts)] = 608,
        [(Companies, Leads)] = 609,
        [(Leads, Companies)] = 610,
    };

    /// <summary>The canonical (plural) name of an object type given by name, singular name or id; null when unknown.</summary>
    public static string? Resolve(string? name)
        => name is not null && ByName.TryGetValue(name, out var canonical) ? canonical : null;

    /// <summary>The object type id (<c>0-1</c>…) of a canonical name.</summary>
    public static string IdOf(string canonical) => Ids[canonical];

    /// <summary>The HubSpot-defined default association type from one canonical object type to another.</summary>
    public static bool TryGetDefaultAssociation(string from, string to, out int typeId)
        => DefaultAssociations.TryGetValue((from, to), out typeId);
}
