using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;

namespace Kaarya.Tests.Domain;

/// <summary>
/// Consent per purpose is given, renewed and withdrawn, and may lapse on a day; what the programme
/// may do with her data follows the consent in force, and lapsed consents are listed.
/// </summary>
public class ConsentTests
{
    private static readonly DateOnly Given = new(2013, 4, 6);
    private static readonly DateOnly LastDay = new(2014, 3, 31);

    private readonly Participant _kaa01 = new ParticipantBuilder().WithCode("KAA-01").Named("Rina").Build();

    [Fact]
    public void A_consent_given_until_a_day_holds_through_that_day_and_not_after()
    {
        _kaa01.RecordConsent(ConsentPurpose.SharedWithFunder, granted: true, Given, expiresOn: LastDay);

        Assert.True(_kaa01.ConsentsOn(ConsentPurpose.SharedWithFunder, LastDay));
        Assert.False(_kaa01.ConsentsOn(ConsentPurpose.SharedWithFunder, LastDay.AddDays(1)));
        Assert.Equal([new LapsedConsent(ConsentPurpose.SharedWithFunder, ConsentLapse.Expired, LastDay)], _kaa01.LapsedConsentsOn(LastDay.AddDays(1)));
    }

    [Fact]
    public void A_withdrawn_consent_is_listed_from_the_day_of_withdrawal_and_a_renewal_ends_that()
    {
        _kaa01.RecordConsent(ConsentPurpose.SharedWithFunder, granted: true, Given);
        _kaa01.RecordConsent(ConsentPurpose.SharedWithFunder, granted: false, new DateOnly(2013, 9, 1));

        Assert.Equal([new LapsedConsent(ConsentPurpose.SharedWithFunder, ConsentLapse.Withdrawn, new DateOnly(2013, 9, 1))], _kaa01.LapsedConsentsOn(new DateOnly(2013, 9, 3)));

        _kaa01.RecordConsent(ConsentPurpose.SharedWithFunder, granted: true, new DateOnly(2013, 10, 1), expiresOn: LastDay);

        Assert.Empty(_kaa01.LapsedConsentsOn(new DateOnly(2013, 10, 1)));
        Assert.Equal(4, _kaa01.Consents.Count);
    }

    [Fact]
    public void Her_name_reaches_an_export_to_funders_only_while_her_consent_holds()
    {
        _kaa01.RecordConsent(ConsentPurpose.SharedWithFunder, granted: true, Given, expiresOn: LastDay);

        Assert.Equal("Rina", _kaa01.NameForFundersOn(new DateOnly(2013, 9, 3)));
        Assert.Null(_kaa01.NameForFundersOn(LastDay.AddDays(1)));
    }

    [Fact]
    public void A_participant_who_never_gave_a_consent_has_nothing_lapsed_and_no_name_for_funders()
    {
        Assert.DoesNotContain(_kaa01.LapsedConsentsOn(Given), l => l.Purpose == ConsentPurpose.SharedWithFunder);
        Assert.Null(_kaa01.NameForFundersOn(Given));
    }

    [Fact]
    public void An_expiry_on_or_before_the_day_given_and_an_expiring_withdrawal_are_refused()
    {
        var expiry = Assert.Throws<DomainException>(() => _kaa01.RecordConsent(ConsentPurpose.Photos, granted: true, Given, expiresOn: Given));
        var withdrawal = Assert.Throws<DomainException>(() => _kaa01.RecordConsent(ConsentPurpose.Photos, granted: false, Given, expiresOn: LastDay));

        Assert.Equal("consent-expiry", expiry.Code);
        Assert.Equal("consent-expiry", withdrawal.Code);
        Assert.DoesNotContain(_kaa01.Consents, c => c.Purpose == ConsentPurpose.Photos);
    }

    [Fact]
    public void A_consent_she_declined_from_the_start_is_not_listed_as_withdrawn()
    {
        _kaa01.RecordConsent(ConsentPurpose.SharedWithFunder, granted: false, Given);

        Assert.Empty(_kaa01.LapsedConsentsOn(Given));
        Assert.Null(_kaa01.NameForFundersOn(Given));
    }
}
