using System;
using System.Collections.Generic;

namespace CrmGen.Providers;

/// <summary>
/// HubSpot (CRM API v3). The adapter is generated from <c>hubspot.crmmap</c>; the static
/// methods here are the hooks that mapping calls.
/// </summary>
[CrmProvider("hubspot")]
public sealed partial class HubSpotProvider
{
    /// <summary>The last word of a full name, for a contact given only <c>name</c>.</summary>
    public static string? LastNameOf(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return null;
        var trimmed = fullName.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? null : trimmed.Substring(space + 1);
    }

    /// <summary>First and last name joined by a space; null when both are missing.</summary>
    public static string? FullName(string? firstName, string? lastName)
    {
        var hasFirst = !string.IsNullOrEmpty(firstName);
        var hasLast = !string.IsNullOrEmpty(lastName);
        if (hasFirst && hasLast) return firstName + " " + lastName;
        return hasFirst ? firstName : hasLast ? lastName : null;
    }

    /// <summary>The first phone number of the given type (HubSpot has one property per type).</summary>
    public static string? PhoneOfType(List<PhoneNumber>? numbers, string type)
    {
        if (numbers is null) return null;
        foreach (var number in numbers)
        {
            if (string.Equals(number.Type, type, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(number.Number))
            {
                return number.Number;
            }
        }
        // An untyped number counts as the main phone.
        if (type == "phone")
        {
            foreach (var number in numbers)
            {
                if (number.Type is null && !string.IsNullOrEmpty(number.Number)) return number.Number;
            }
        }
        return null;
    }
}
