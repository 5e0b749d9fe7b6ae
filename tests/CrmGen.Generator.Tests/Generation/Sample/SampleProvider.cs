using System.Text;

namespace CrmGen.Samples;

/// <summary>
/// A provider that uses every construct of the mapping language (<c>sample.crmmap</c>); the
/// generator tests compile it and run its adapter.
/// </summary>
[CrmProvider("sample")]
public partial class SampleProvider
{
    /// <summary>Keeps a leading plus and the digits of a phone number.</summary>
    public static string? NormalizePhone(string? raw)
    {
        if (raw is null) return null;
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsDigit(c) || (c == '+' && sb.Length == 0)) sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>The owner key the provider expects.</summary>
    public static string? OwnerKey(string? ownerId) => ownerId is null ? null : "user:" + ownerId;
}
