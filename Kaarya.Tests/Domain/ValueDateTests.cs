using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;

namespace Kaarya.Tests.Domain;

/// <summary>
/// The day the money changes hands lies in the decision's phase and is never after the day the
/// request is recorded, in India: a request dated 01-01-2030 was once accepted for approval.
/// </summary>
public class ValueDateTests
{
    private static readonly TimeSpan India = new(5, 30, 0);

    private readonly SeedFundCase _given = new();

    private DisbursementRequest RecordOn(DateOnly valueDate, DateTimeOffset recordedAt, Phase? phase = null) =>
        DisbursementRequest.Record(
            _given.ImmediateDecision(Money.FromRupees(15_000)), phase ?? _given.Phase, _given.Funder, Money.FromRupees(5_000),
            valueDate, PaymentMethod.Cash, "RCPT-31", Actors.Staff, recordedAt, Guid.NewGuid());

    [Fact]
    public void Money_paid_on_the_day_it_is_recorded_is_accepted()
    {
        var request = RecordOn(new DateOnly(2013, 9, 2), new DateTimeOffset(2013, 9, 2, 18, 0, 0, India));

        Assert.Equal(new DateOnly(2013, 9, 2), request.ValueDate);
    }

    [Fact]
    public void A_value_date_after_today_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            RecordOn(new DateOnly(2030, 1, 1), new DateTimeOffset(2013, 9, 2, 11, 0, 0, India)));

        Assert.Equal("value-date-future", refusal.Code);
        Assert.Equal("The money cannot be paid on 01-01-2030: that is after today, 02-09-2013.", refusal.Message);
    }

    [Fact]
    public void Today_is_the_day_in_India_not_on_the_servers_clock()
    {
        // 20:00 UTC on 1 September is 01:30 on 2 September in South 24 Parganas.
        var request = RecordOn(new DateOnly(2013, 9, 2), new DateTimeOffset(2013, 9, 1, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2013, 9, 2), request.ValueDate);
    }

    [Fact]
    public void A_value_date_after_the_decisions_phase_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            RecordOn(new DateOnly(2014, 4, 2), new DateTimeOffset(2014, 4, 5, 11, 0, 0, India)));

        Assert.Equal("value-date-outside-phase", refusal.Code);
        Assert.Equal("02-04-2014 is outside Renewed phase 2013–14 (01-04-2013 to 31-03-2014), the phase of this decision.", refusal.Message);
    }

    [Fact]
    public void A_request_against_another_phase_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            RecordOn(new DateOnly(2013, 9, 2), new DateTimeOffset(2013, 9, 2, 11, 0, 0, India), _given.PhaseOne));

        Assert.Equal("wrong-phase", refusal.Code);
    }
}
