using System.Text;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The snake_case wire name of a C# name when a property has no <c>[JsonPropertyName]</c>:
/// <c>FirstName</c> → <c>first_name</c>, <c>HTMLBody</c> → <c>html_body</c>, <c>Street1</c> → <c>street1</c>.
/// </summary>
internal static class SnakeCase
{
    /// <summary>The snake_case form of <paramref name="name"/>.</summary>
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var startsWordAfterAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((previousIsLowerOrDigit || startsWordAfterAcronym) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
