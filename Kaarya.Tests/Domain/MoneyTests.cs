using Kaarya.Domain.Common;

namespace Kaarya.Tests.Domain;

public class MoneyTests
{
    [Fact]
    public void Rupees_are_held_as_whole_paise()
    {
        Assert.Equal(1_250_000L, Money.FromRupees(12_500).Paise);
        Assert.Equal(Money.FromPaise(1_250_000), Money.FromRupees(12_500));
    }

    [Theory]
    [InlineData(125_000_000L, "₹12,50,000.00")]
    [InlineData(0L, "₹0.00")]
    [InlineData(1_000_000_000L, "₹1,00,00,000.00")]
    [InlineData(5L, "₹0.05")]
    [InlineData(99_900L, "₹999.00")]
    [InlineData(100_000L, "₹1,000.00")]
    [InlineData(1_250_050L, "₹12,500.50")]
    [InlineData(10_000_000L, "₹1,00,000.00")]
    public void Amounts_are_shown_the_Indian_way_with_lakh_grouping(long paise, string shown)
    {
        Assert.Equal(shown, Money.FromPaise(paise).ToString());
    }

    [Fact]
    public void Zero_is_shown_as_zero_rupees()
    {
        Assert.Equal("₹0.00", Money.Zero.ToString());
    }

    [Fact]
    public void A_negative_amount_shows_its_minus_sign_before_the_rupee_sign()
    {
        Assert.Equal("-₹12,500.00", Money.FromRupees(-12_500).ToString());
        Assert.Equal("-₹12,50,000.00", (-Money.FromRupees(12_50_000)).ToString());
        Assert.Equal("-₹0.05", Money.FromPaise(-5).ToString());
    }

    [Fact]
    public void Without_the_rupee_sign_the_grouping_stays()
    {
        Assert.Equal("12,50,000.00", Money.FromRupees(12_50_000).Format(withSymbol: false));
    }

    [Fact]
    public void In_a_sentence_whole_rupees_drop_the_paise()
    {
        Assert.Equal("₹25,000", Money.FromRupees(25_000).ToShortString());
        Assert.Equal("₹25,000.50", Money.FromPaise(2_500_050).ToShortString());
    }

    [Theory]
    [InlineData("12,500", 1_250_000L)]
    [InlineData("12500", 1_250_000L)]
    [InlineData("₹12,500.50", 1_250_050L)]
    [InlineData("12,50,000", 125_000_000L)]
    [InlineData(" 12500 ", 1_250_000L)]
    [InlineData("Rs. 12,500", 1_250_000L)]
    [InlineData("0.05", 5L)]
    [InlineData("1,250,000", 125_000_000L)]
    public void Amounts_are_read_as_people_type_them(string typed, long paise)
    {
        Assert.True(Money.TryParse(typed, out var money));
        Assert.Equal(paise, money.Paise);
        Assert.Equal(Money.FromPaise(paise), Money.Parse(typed));
    }

    [Theory]
    [InlineData("12.505")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("12,500 rupees")]
    [InlineData("12,50")]
    [InlineData(",500")]
    [InlineData("1,2,3,4")]
    public void Text_that_is_not_an_amount_is_not_read(string? typed)
    {
        Assert.False(Money.TryParse(typed, out var money));
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void A_fraction_of_a_paisa_is_refused_in_plain_words()
    {
        var refusal = Assert.Throws<DomainException>(() => Money.Parse("12.505"));

        Assert.Equal("amount-unreadable", refusal.Code);
        Assert.Contains("\"12.505\"", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("12,500", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_are_refused_in_plain_words()
    {
        var refusal = Assert.Throws<DomainException>(() => Money.Parse("abc"));

        Assert.Equal("amount-unreadable", refusal.Code);
        Assert.Equal("\"abc\" is not an amount in rupees (for example 12,500 or 12500.50).", refusal.Message);
    }

    [Fact]
    public void Sums_are_exact_to_the_paisa()
    {
        var tenPaise = Money.FromPaise(10);

        var total = Money.Sum(Enumerable.Repeat(tenPaise, 10));

        Assert.Equal(Money.FromRupees(1), total);
        Assert.Equal(Money.FromPaise(30), tenPaise + tenPaise + tenPaise);
    }

    [Fact]
    public void Amounts_add_subtract_and_compare()
    {
        var decided = Money.FromRupees(15_000);
        var paid = Money.FromRupees(10_000);

        Assert.Equal(Money.FromRupees(5_000), decided - paid);
        Assert.Equal(Money.FromRupees(25_000), decided.Add(paid));
        Assert.Equal(Money.FromRupees(-15_000), decided.Negate());
        Assert.True(paid < decided);
        Assert.True(decided >= paid);
        Assert.True(decided.IsPositive);
        Assert.True((paid - decided).IsNegative);
        Assert.True(paid.CompareTo(decided) < 0);
    }

    [Fact]
    public void An_overflowing_sum_is_refused_rather_than_wrapped_round()
    {
        var largest = Money.FromPaise(long.MaxValue);

        Assert.Throws<OverflowException>(() => largest + Money.FromPaise(1));
        Assert.Throws<OverflowException>(() => Money.Sum([largest, Money.FromPaise(1)]));
    }

    [Theory]
    [InlineData("12500", 1_250_000L)]
    [InlineData("12500.5", 1_250_050L)]
    [InlineData("0.01", 1L)]
    [InlineData("-300.25", -30_025L)]
    public void Rupees_as_a_decimal_become_exact_paise(string rupees, long paise)
    {
        Assert.True(Money.TryFromRupees(decimal.Parse(rupees, System.Globalization.CultureInfo.InvariantCulture), out var money));
        Assert.Equal(paise, money.Paise);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("12500.005")]
    [InlineData("100000000000000000000")]
    public void A_fraction_of_a_paisa_or_an_amount_beyond_paise_is_refused(string rupees)
    {
        Assert.False(Money.TryFromRupees(decimal.Parse(rupees, System.Globalization.CultureInfo.InvariantCulture), out _));
    }
}
