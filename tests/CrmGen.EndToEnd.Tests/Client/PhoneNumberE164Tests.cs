namespace CrmGen.EndToEnd.Tests.Client;

public class PhoneNumberE164Tests
{
    [Theory]
    [InlineData("+14155552671", "+14155552671")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("+1.415.555.2671", "+14155552671")]
    [InlineData("  +44 20 7946 0958  ", "+442079460958")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("+44 (0) 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+49 30 901820", "+4930901820")]
    [InlineData("+49-(0)30-901820", "+4930901820")]
    [InlineData("+33 1 42 68 53 00", "+33142685300")]
    [InlineData("+91 98765 43210", "+919876543210")]
    [InlineData("+61 2 9374 4000", "+61293744000")]
    [InlineData("+39 06 6988 4857", "+390669884857")]
    [InlineData("tel:+1-415-555-2671", "+14155552671")]
    [InlineData("+44\u00A020\u00A07946\u00A00958", "+442079460958")]
    [InlineData("+1\u2011415\u2011555\u20112671", "+14155552671")]
    [InlineData("+290 2222", "+2902222")]
    public void International_numbers_parse_without_a_default(string text, string expected)
    {
        Assert.True(PhoneNumberE164.TryFormat(text, null, out var e164, out var extension));
        Assert.Equal(expected, e164);
        Assert.Null(extension);
    }

    [Theory]
    [InlineData("(415) 555-2671", 1, "+14155552671")]
    [InlineData("415-555-2671", 1, "+14155552671")]
    [InlineData("1 415 555 2671", 1, "+14155552671")]
    [InlineData("011 44 20 7946 0958", 1, "+442079460958")]
    [InlineData("020 7946 0958", 44, "+442079460958")]
    [InlineData("07700 900123", 44, "+447700900123")]
    [InlineData("030 901820", 49, "+4930901820")]
    [InlineData("06 6988 4857", 39, "+390669884857")]
    [InlineData("0044 20 7946 0958", 1, "+442079460958")]
    public void National_numbers_take_the_default_calling_code(string text, int callingCode, string expected)
    {
        Assert.True(PhoneNumberE164.TryFormat(text, callingCode, out var e164, out _));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("+1 415 555 2671 x123", "+14155552671", "123")]
    [InlineData("+1 415 555 2671 ext. 45", "+14155552671", "45")]
    [InlineData("+1 415 555 2671 extension 6", "+14155552671", "6")]
    [InlineData("+1 415 555 2671;ext=789", "+14155552671", "789")]
    [InlineData("+44 20 7946 0958 #12", "+442079460958", "12")]
    [InlineData("+44 20 7946 0958, ext: 12", "+442079460958", "12")]
    public void An_extension_is_split_off(string text, string expected, string expectedExtension)
    {
        Assert.True(PhoneNumberE164.TryFormat(text, null, out var e164, out var extension));
        Assert.Equal(expected, e164);
        Assert.Equal(expectedExtension, extension);
        Assert.Null(PhoneNumberE164.Format(text));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("(415) 555-2671", null)]
    [InlineData("555-2671", 1)]
    [InlineData("1-800-FLOWERS", 1)]
    [InlineData("+1 800 FLOWERS", null)]
    [InlineData("+1 055 555 2671", null)]
    [InlineData("+1 415 555 267", null)]
    [InlineData("+12 34", null)]
    [InlineData("+0 20 7946 0958", null)]
    [InlineData("+44 20 7946 0958 1234 5678", null)]
    [InlineData("ada@example.com", null)]
    [InlineData("+44 20 ++7946", null)]
    [InlineData("call me", null)]
    public void Text_that_is_not_a_number_in_a_known_form_does_not_parse(string? text, int? callingCode)
    {
        Assert.False(PhoneNumberE164.TryFormat(text, callingCode, out var e164, out _));
        Assert.Equal("", e164);
        Assert.Null(PhoneNumberE164.Format(text, callingCode));
    }

    [Fact]
    public void Very_long_text_is_refused_quickly()
    {
        var text = "+1 " + new string('5', 10_000);

        Assert.False(PhoneNumberE164.TryFormat(text, null, out _, out _));
    }

    [Fact]
    public void Formatting_is_idempotent()
    {
        var once = PhoneNumberE164.Format("+44 (0)20 7946 0958");
        Assert.Equal(once, PhoneNumberE164.Format(once));
    }
}
