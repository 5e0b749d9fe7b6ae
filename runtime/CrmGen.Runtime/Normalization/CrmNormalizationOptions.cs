using System;
using System.Globalization;

namespace CrmGen;

/// <summary>Settings of <see cref="CrmRecordNormalizer"/> (the normalized response format).</summary>
public sealed class CrmNormalizationOptions
{
    private int? _defaultPhoneCallingCode;

    /// <summary>
    /// The country calling code of phone numbers written without one (national format), e.g. 1 for
    /// the United States and Canada (<c>(415) 555-2671</c> → <c>+14155552671</c>) or 44 for the
    /// United Kingdom (<c>020 7946 0958</c> → <c>+442079460958</c>). Null (the default): a number
    /// without <c>+</c> or an international prefix is not converted.
    /// </summary>
    public int? DefaultPhoneCallingCode
    {
        get => _defaultPhoneCallingCode;
        set
        {
            if (value is < 1 or > 999) throw new ArgumentOutOfRangeException(nameof(value), value, "A country calling code has one to three digits.");
            _defaultPhoneCallingCode = value;
        }
    }

    /// <inheritdoc />
    public override string ToString()
        => "CrmNormalizationOptions { DefaultPhoneCallingCode = " + (DefaultPhoneCallingCode?.ToString(CultureInfo.InvariantCulture) ?? "none") + " }";
}
