using System;

namespace CrmGen.Sandbox;

/// <summary>
/// Salesforce record ids: 15 case-sensitive base-62 characters whose first three are the object's
/// key prefix (<c>001</c> Account, <c>003</c> Contact, <c>006</c> Opportunity, <c>00Q</c> Lead,
/// <c>00K</c> OpportunityContactRole, <c>005</c> User), and the 18-character case-safe form the
/// API returns: the 15 characters plus three suffix characters, each encoding which of five
/// characters are upper-case letters.
/// </summary>
public static class SalesforceIds
{
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>The 18-character form of a 15-character id.</summary>
    /// <exception cref="ArgumentException">The id is not 15 base-62 characters.</exception>
    public static string To18(string id15)
    {
        ArgumentNullException.ThrowIfNull(id15);
        if (id15.Length != 15 || !IsBase62(id15)) throw new ArgumentException($"'{id15}' is not a 15-character Salesforce id.", nameof(id15));
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[chunk * 5 + i])) bits |= 1 << i;
            }
            suffix[chunk] = SuffixAlphabet[bits];
        }
        return id15 + new string(suffix);
    }

    /// <summary>
    /// Reads a 15- or 18-character id into its case-sensitive 15-character form. An 18-character id
    /// is case-insensitive: its suffix restores the case of the letters.
    /// </summary>
    public static bool TryNormalize(string? id, out string id15)
    {
        id15 = "";
        if (id is null || !IsBase62(id)) return false;
        if (id.Length == 15)
        {
            id15 = id;
            return true;
        }
        if (id.Length != 18) return false;

        Span<char> chars = stackalloc char[15];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = SuffixAlphabet.IndexOf(char.ToUpperInvariant(id[15 + chunk]));
            if (bits < 0) return false;
            for (var i = 0; i < 5; i++)
            {
                var c = id[chunk * 5 + i];
                var upper = (bits & (1 << i)) != 0;
                if (upper && !char.IsAsciiLetter(c)) return false;
                chars[chunk * 5 + i] = char.IsAsciiLetter(c) ? (upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) : c;
            }
        }
        id15 = new string(chars);
        return true;
    }

    /// <summary>The key prefix (first three characters) of an id.</summary>
    public static string KeyPrefixOf(string id) => id.Length >= 3 ? id[..3] : id;

    private static bool IsBase62(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }
        return true;
    }
}
