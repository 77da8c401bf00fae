using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Programmes;

namespace Kaarya.Tests.Domain;

/// <summary>The people who act in the rulebook's examples.</summary>
public static class Actors
{
    public static Actor Staff { get; } = new("staff.rupa", KaaryaRole.Staff);

    public static Actor OtherStaff { get; } = new("staff.mitali", KaaryaRole.Staff);

    public static Actor Manager { get; } = new("manager.sreya", KaaryaRole.ProgrammeManager);

    public static Actor OtherManager { get; } = new("manager.anjali", KaaryaRole.ProgrammeManager);

    public static Actor Mentor { get; } = new("mentor.bina", KaaryaRole.Mentor);

    public static Actor Auditor { get; } = new("auditor.kp", KaaryaRole.Auditor);
}

/// <summary>
/// Fixed days of the renewed phase (2013–14), so that no test depends on today's date.
/// India is five and a half hours ahead of UTC.
/// </summary>
/// <summary>Causes from the list a programme starts with, for a business paused or closed.</summary>
public static class Causes
{
    public static BusinessStatusCause Family() => new("Family", needsNote: false);

    public static BusinessStatusCause Market() => new("Market", needsNote: false);

    public static BusinessStatusCause Other() => new("Other", needsNote: true);
}

public static class Days
{
    public static TimeSpan IndiaOffset { get; } = new(5, 30, 0);

    public static DateOnly PhaseOneStarts { get; } = new(2011, 8, 1);

    public static DateOnly PhaseOneEnds { get; } = new(2012, 7, 31);

    public static DateOnly RenewedPhaseStarts { get; } = new(2013, 4, 1);

    public static DateOnly RenewedPhaseEnds { get; } = new(2014, 3, 31);

    public static DateOnly BusinessStarted { get; } = new(2012, 1, 15);

    public static DateOnly ConsentGiven { get; } = new(2013, 4, 1);

    public static DateOnly Enrolled { get; } = new(2013, 4, 5);

    public static DateOnly StocktakingHeld { get; } = new(2013, 8, 10);

    public static DateOnly RisksAssessed { get; } = new(2013, 8, 12);

    public static DateOnly RisksReviewed { get; } = new(2013, 11, 12);

    public static DateOnly Decided { get; } = new(2013, 8, 20);

    public static DateOnly Paid { get; } = new(2013, 9, 2);

    public static DateTimeOffset Recorded { get; } = new(2013, 9, 2, 11, 0, 0, IndiaOffset);

    public static DateTimeOffset Approved { get; } = new(2013, 9, 3, 10, 30, 0, IndiaOffset);
}

/// <summary>A survivor enrolled in a phase; by default she has consented to the programme keeping her data.</summary>
public sealed class ParticipantBuilder
{
    private string _code = "KAA-07";
    private string _givenName = "Rupali";
    private string _village = "Joynagar";
    private string _block = "Joynagar I";
    private bool _consentsToDataKept = true;
    private Phase? _phase;

    public ParticipantBuilder WithCode(string code)
    {
        _code = code;
        return this;
    }

    public ParticipantBuilder Named(string givenName)
    {
        _givenName = givenName;
        return this;
    }

    public ParticipantBuilder WithoutConsent()
    {
        _consentsToDataKept = false;
        return this;
    }

    public ParticipantBuilder EnrolledIn(Phase phase)
    {
        _phase = phase;
        return this;
    }

    public Participant Build()
    {
        var participant = new Participant(ParticipantCode.Create(_code), _givenName, _village, _block);
        if (_consentsToDataKept)
        {
            participant.RecordConsent(ConsentPurpose.DataKept, granted: true, Days.ConsentGiven);
        }

        if (_phase is not null)
        {
            participant.EnrolIn(_phase, Days.Enrolled);
        }

        return participant;
    }
}

/// <summary>A running poultry business, started in January 2012.</summary>
public sealed class BusinessBuilder
{
    private Participant? _owner;
    private string _name = "Rupali's poultry";
    private BusinessType _type = BusinessType.Poultry;
    private string _location = "Joynagar";
    private DateOnly _startedOn = Days.BusinessStarted;

    public BusinessBuilder OwnedBy(Participant owner)
    {
        _owner = owner;
        return this;
    }

    public BusinessBuilder Named(string name, BusinessType type)
    {
        _name = name;
        _type = type;
        return this;
    }

    public BusinessBuilder StartedOn(DateOnly startedOn)
    {
        _startedOn = startedOn;
        return this;
    }

    public Business Build() => new(_owner ?? new ParticipantBuilder().Build(), _name, _type, _location, _startedOn);
}

/// <summary>A 4P stocktaking of a business in a phase, in a survivor's words.</summary>
public sealed class StocktakingBuilder
{
    private readonly Business _business;
    private readonly Phase _phase;
    private DateOnly _heldOn = Days.StocktakingHeld;
    private Actor _recordedBy = Actors.Staff;
    private FourP _answers = Answers();

    public StocktakingBuilder(Business business, Phase phase)
    {
        _business = business;
        _phase = phase;
    }

    public StocktakingBuilder HeldOn(DateOnly heldOn)
    {
        _heldOn = heldOn;
        return this;
    }

    public StocktakingBuilder RecordedBy(Actor recordedBy)
    {
        _recordedBy = recordedBy;
        return this;
    }

    public StocktakingBuilder WithAnswers(FourP answers)
    {
        _answers = answers;
        return this;
    }

    public Stocktaking Build() => new(_business, _phase, _heldOn, _recordedBy, _answers);

    public static FourP Answers() => new(
        Preparation: "Kept a notebook of what the chicks and feed cost; learned vaccination from the block livestock officer.",
        Purpose: "To earn my own money and not depend on anyone.",
        Partners:
        [
            new Partner(PartnerKind.Parents, PartnerStance.Supporter, "Mother looks after the birds on market days"),
            new Partner(PartnerKind.Husband, PartnerStance.Challenger, "Wants the earnings for himself"),
            new Partner(PartnerKind.Ngo, PartnerStance.Supporter, "GGBK social worker visits every fortnight"),
        ],
        PerformancePositives: "Sold 40 birds before Durga Puja.",
        PerformanceChallenges: "Two hens died in the rains.");
}

/// <summary>Rated risks from the catalogue, ready to put in an assessment.</summary>
public static class Risks
{
    public static RatedRisk FamilyControl(DateOnly? reviewOn = null) => RatedRisk.FromCatalogue(
        "family-control", RiskLevel.High, RiskLevel.Medium,
        "Meet her husband and mother-in-law with the social worker", "Social worker", reviewOn ?? Days.RisksReviewed);

    public static RatedRisk LivestockDisease(DateOnly? reviewOn = null) => RatedRisk.FromCatalogue(
        "livestock-disease", RiskLevel.Medium, RiskLevel.High,
        "Vaccinate the flock before the monsoon", "Rupali", reviewOn ?? Days.RisksReviewed);
}

/// <summary>A risk assessment of a business in a phase; by default it rates family control and livestock disease.</summary>
public sealed class RiskAssessmentBuilder
{
    private readonly Business _business;
    private readonly Phase _phase;
    private readonly List<RatedRisk> _risks = [];
    private DateOnly _assessedOn = Days.RisksAssessed;
    private Actor _assessedBy = Actors.Staff;

    public RiskAssessmentBuilder(Business business, Phase phase)
    {
        _business = business;
        _phase = phase;
    }

    public RiskAssessmentBuilder AssessedOn(DateOnly assessedOn)
    {
        _assessedOn = assessedOn;
        return this;
    }

    public RiskAssessmentBuilder AssessedBy(Actor assessedBy)
    {
        _assessedBy = assessedBy;
        return this;
    }

    public RiskAssessmentBuilder WithRisk(RatedRisk risk)
    {
        _risks.Add(risk);
        return this;
    }

    public RiskAssessment Build()
    {
        var risks = _risks.Count > 0 ? _risks : new List<RatedRisk> { Risks.FamilyControl(), Risks.LivestockDisease() };
        return new RiskAssessment(_business, _phase, _assessedOn, _assessedBy, risks);
    }
}

/// <summary>The content of a poultry business plan.</summary>
public static class PlanContents
{
    public static PlanContent Poultry() => new(
        ProductsAndServices: "Eggs and broiler chickens",
        Customers: "Neighbours and the Monday market at Joynagar",
        Costs:
        [
            new PlanLineItem("Feed for a month", Money.FromRupees(1_800)),
            new PlanLineItem("Vaccines", Money.FromRupees(350)),
        ],
        ExpectedMonthlyIncome: Money.FromRupees(3_000),
        IntendedUsesOfSeedMoney:
        [
            new PlanLineItem("50 chicks", Money.FromRupees(2_500)),
            new PlanLineItem("Bamboo coop", Money.FromRupees(4_000)),
            new PlanLineItem("Feed for the first month", Money.FromRupees(1_800)),
        ],
        SupportersAndChallengers: "Mother supports; husband wants the money",
        NextSteps: "Vaccinate the flock before the rains");
}

/// <summary>
/// One survivor's business in the renewed phase with everything a disbursement decision rests on:
/// the programme and its phases, a funder with a budget, the enrolled participant, her business,
/// a 4P stocktaking and a risk assessment of it in the phase.
/// </summary>
public sealed class SeedFundCase
{
    public SeedFundCase(Money? budget = null)
    {
        Programme = new Programme("Kaarya — Work that Heals");
        PhaseOne = Programme.AddPhase("Phase 1", Days.PhaseOneStarts, Days.PhaseOneEnds);
        Phase = Programme.AddPhase("Renewed phase 2013–14", Days.RenewedPhaseStarts, Days.RenewedPhaseEnds);
        Funder = new Funder("Kamonohashi Project");
        Budget = new FunderBudget(Funder, Phase, budget ?? Money.FromRupees(1_50_000));
        Participant = new ParticipantBuilder().EnrolledIn(Phase).Build();
        Business = new BusinessBuilder().OwnedBy(Participant).Build();
        Stocktaking = new StocktakingBuilder(Business, Phase).Build();
        RiskAssessment = new RiskAssessmentBuilder(Business, Phase).Build();
    }

    public Programme Programme { get; }

    /// <summary>The first phase (2011–12), before the one the case's decisions belong to.</summary>
    public Phase PhaseOne { get; }

    /// <summary>The renewed phase (2013–14), in which the stocktaking and risk assessment were made.</summary>
    public Phase Phase { get; }

    public Funder Funder { get; }

    public FunderBudget Budget { get; }

    public Participant Participant { get; }

    public Business Business { get; }

    public Stocktaking Stocktaking { get; }

    public RiskAssessment RiskAssessment { get; }

    /// <summary>Another survivor's business, with no stocktaking or risk assessment of its own.</summary>
    public Business OtherBusiness() =>
        new BusinessBuilder()
            .OwnedBy(new ParticipantBuilder().WithCode("KAA-08").Named("Asma").EnrolledIn(Phase).Build())
            .Named("Asma's tailoring", BusinessType.Tailoring)
            .Build();

    /// <summary>An immediate decision of the case's business; <paramref name="before"/> is what the business already has in the phase.</summary>
    public DisbursementDecision ImmediateDecision(Money amount, BandOverride? bandOverride = null, DecisionsInPhase? before = null, DateOnly? on = null) =>
        DisbursementDecision.Immediate(
            Business, Phase, Stocktaking, RiskAssessment, amount, DisbursementBand.Default, before ?? DecisionsInPhase.None, on ?? Days.Decided, Actors.Staff, bandOverride);

    public DisbursementDecision DelayedDecision(DecisionsInPhase? before = null) =>
        DisbursementDecision.Delayed(
            Business, Phase, Stocktaking, RiskAssessment,
            "Her husband objects to the business; talk with the family first.",
            Days.Decided.AddDays(30), "Her husband and mother-in-law", Days.Decided, Actors.Staff, before ?? DecisionsInPhase.None);

    public DisbursementDecision NoDisbursementDecision(DecisionsInPhase? before = null) =>
        DisbursementDecision.NoDisbursement(
            Business, Phase, Stocktaking, RiskAssessment,
            "She has chosen to take up work in Kolkata this year.", Days.Decided, Actors.Staff, before ?? DecisionsInPhase.None);

    /// <summary>The business's decisions in the phase, with what was paid against each (nothing unless said).</summary>
    public static DecisionsInPhase Holding(params (DisbursementDecision Decision, Money Paid)[] decisions) =>
        new(decisions.Select(d => d.Decision), decisions.ToDictionary(d => d.Decision.Id, d => d.Paid));

    /// <summary>A tranche recorded against a decision, by default by field staff, in cash, on <see cref="Days.Paid"/>.</summary>
    public DisbursementRequest Request(
        DisbursementDecision decision,
        Money amount,
        Actor? recordedBy = null,
        DateOnly? valueDate = null,
        PaymentMethod method = PaymentMethod.Cash,
        string reference = "RCPT-0012") =>
        DisbursementRequest.Record(
            decision, Phase, Funder, amount, valueDate ?? Days.Paid, method, reference,
            recordedBy ?? Actors.Staff, Days.Recorded, Guid.NewGuid());

    /// <summary>The ledger before anything was paid: the whole budget left, no period closed.</summary>
    public FundingPosition NothingPaidYet() =>
        new(NetPostedAgainstDecision: Money.Zero, FunderBudget: Budget.Amount, FunderNetPostedInPhase: Money.Zero, ClosedThrough: null);
}

/// <summary>
/// A ledger kept in memory: entries are chained on one after another exactly as the posting
/// service does, against an immediate decision of ₹20,000 for the case's business.
/// </summary>
public sealed class LedgerBuilder
{
    private readonly List<LedgerEntry> _entries = [];

    public LedgerBuilder(SeedFundCase? given = null)
    {
        Given = given ?? new SeedFundCase();
        Decision = Given.ImmediateDecision(Money.FromRupees(20_000));
    }

    public SeedFundCase Given { get; }

    public DisbursementDecision Decision { get; }

    public IReadOnlyList<LedgerEntry> Entries => _entries.AsReadOnly();

    public LedgerHead Head => _entries.Count == 0 ? LedgerHead.Genesis : _entries[^1].AsHead();

    public LedgerEntry Disburse(Money amount, DateOnly? valueDate = null, string reference = "RCPT-0012") =>
        Append(new LedgerPosting(
            Given.Business.Id, Given.Phase.Id, Decision.Id, RequestId: Guid.NewGuid(), Given.Funder.Id,
            amount, valueDate ?? Days.Paid, PaymentMethod.Cash, reference,
            RecordedBy: Actors.Staff.UserId, ApprovedBy: Actors.Manager.UserId, ReversesSequence: null, Reason: string.Empty));

    public LedgerEntry Reverse(LedgerEntry entry, string reason = "Paid twice by mistake") =>
        Append(entry.ReversalPosting(Actors.Manager, reason, entry.ValueDate, alreadyReversed: false, closedThrough: null));

    /// <summary>Chains a posting on after the current head, a minute after the previous entry.</summary>
    public LedgerEntry Append(LedgerPosting posting)
    {
        var entry = LedgerEntry.Append(Head, posting, Days.Approved.AddMinutes(_entries.Count));
        _entries.Add(entry);
        return entry;
    }
}

/// <summary>
/// Stands in for someone editing the ledger table behind the application's back. A posted entry
/// has no setter that code can reach, so only reflection (or raw SQL) can do this.
/// </summary>
public static class Tampering
{
    public static void AlterAmount(LedgerEntry entry, Money amount) =>
        typeof(LedgerEntry).GetProperty(nameof(LedgerEntry.AmountPaise))!.GetSetMethod(nonPublic: true)!.Invoke(entry, [amount.Paise]);
}
