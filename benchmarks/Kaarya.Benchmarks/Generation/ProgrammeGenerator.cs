using System.Globalization;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Programmes;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Generation;

/// <summary>
/// A programme of two phases and two funders, and per participant: consent, enrolment, one
/// business with its stage history, a 4P stocktaking, a risk assessment and a decision. Every
/// record is built through the domain's constructors and methods, as the demo loader does, so
/// the synthetic programme obeys the rules real data obeys.
/// </summary>
internal sealed class ProgrammeGenerator(IDbContextFactory<KaaryaDbContext> contexts, Random random, Action<string> progress)
{
    /// <summary>Participants written per save; with their records about 8,000 rows.</summary>
    private const int BatchSize = 1_000;

    private readonly List<FundedDecision> _payable = [];
    private readonly Dictionary<(Guid FunderId, Guid PhaseId), Money> _decided = [];
    private Phase[] _phases = [];
    private Funder[] _funders = [];
    private Dictionary<string, BusinessStatusCause> _causes = [];

    public async Task<GeneratedProgramme> GenerateAsync(int participants, CancellationToken cancellationToken)
    {
        ParticipantCodes.EnsureRoomFor(participants);
        await AddProgrammeAsync(cancellationToken);
        for (var first = 0; first < participants; first += BatchSize)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ActingAs(SyntheticActors.Staff[0]);
            for (var i = first; i < Math.Min(first + BatchSize, participants); i++)
            {
                AddParticipant(db, i, participants);
            }

            await db.SaveChangesAsync(cancellationToken);
            progress($"participants {Math.Min(first + BatchSize, participants):N0} / {participants:N0}");
        }

        return new GeneratedProgramme(_payable, await AddBudgetsAsync(cancellationToken), participants);
    }

    private async Task AddProgrammeAsync(CancellationToken cancellationToken)
    {
        var programme = new Programme("Kaarya — Work that Heals (synthetic)");
        _phases =
        [
            programme.AddPhase("Synthetic phase 1", new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)),
            programme.AddPhase("Synthetic phase 2", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)),
        ];
        _funders = [new Funder("Synthetic Foundation"), new Funder("Synthetic Trust")];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(SyntheticActors.Manager);
        db.Programmes.Add(programme);
        db.Funders.AddRange(_funders);
        _causes = BusinessStatusCause.FirstList().ToDictionary(c => c.Name);
        db.BusinessStatusCauses.AddRange(_causes.Values);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddParticipant(KaaryaDbContext db, int index, int participants)
    {
        var phase = _phases[index % _phases.Length];
        var staff = SyntheticActors.Staff[index % SyntheticActors.Staff.Length];
        var participant = new Participant(
            ParticipantCodes.For(index, participants), Pick(SyntheticText.GivenNames), Pick(SyntheticText.Villages), Pick(SyntheticText.Blocks));
        participant.RecordConsent(ConsentPurpose.DataKept, granted: true, phase.StartsOn.AddDays(-random.Next(1, 15)));
        participant.EnrolIn(phase, phase.StartsOn.AddDays(random.Next(0, 10)));

        var type = Pick(BusinessTypes);
        var business = new Business(
            participant, $"{participant.Village} {Describe(type)} {index + 1}", type, participant.Village, phase.StartsOn.AddDays(-random.Next(30, 400)));
        AssessStages(business, staff);

        var heldOn = phase.StartsOn.AddDays(random.Next(7, 45));
        var stocktaking = new Stocktaking(business, phase, heldOn, staff, new FourP(
            Pick(SyntheticText.Preparations), Pick(SyntheticText.Purposes),
            [new Partner(PartnerKind.Parents, PartnerStance.Supporter, string.Empty), new Partner(PartnerKind.Neighbours, PartnerStance.Challenger, string.Empty)],
            Pick(SyntheticText.Positives), Pick(SyntheticText.Challenges)));
        var assessedOn = heldOn.AddDays(random.Next(0, 7));
        var risks = new RiskAssessment(business, phase, assessedOn, staff, RateRisks(assessedOn, staff));
        var decision = Decide(business, phase, stocktaking, risks, assessedOn.AddDays(random.Next(1, 14)), staff);
        ChangeStatus(business, decision.DecidedOn);

        db.Participants.Add(participant);
        db.Businesses.Add(business);
        db.Stocktakings.Add(stocktaking);
        db.RiskAssessments.Add(risks);
        db.DisbursementDecisions.Add(decision);
    }

    /// <summary>One to three assessments, the stage never going back.</summary>
    private void AssessStages(Business business, Actor staff)
    {
        var stage = LifecycleStage.StartUp;
        var on = business.StartedOn.AddDays(15);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            business.AssessStage(stage, on, staff, "Observed at the home visit; sales and stock checked with her.");
            stage = (LifecycleStage)Math.Min((int)LifecycleStage.Expansion, (int)stage + random.Next(0, 2));
            on = on.AddDays(random.Next(60, 180));
        }
    }

    private List<RatedRisk> RateRisks(DateOnly assessedOn, Actor staff) =>
        RiskCatalogue.All.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
            .Select(r => RatedRisk.FromCatalogue(r.Key, Pick(Levels), Pick(Levels), Pick(SyntheticText.Mitigations), staff.UserId, assessedOn.AddDays(random.Next(30, 120))))
            .ToList();

    /// <summary>Mostly immediate, within the band, in steps of ₹500; some delayed; a few none.</summary>
    private DisbursementDecision Decide(Business business, Phase phase, Stocktaking stocktaking, RiskAssessment risks, DateOnly on, Actor staff)
    {
        var roll = random.Next(100);
        if (roll < 85)
        {
            var amount = Money.FromRupees(8_000 + (500 * random.Next(0, 25)));
            var decision = DisbursementDecision.Immediate(business, phase, stocktaking, risks, amount, DisbursementBand.Default, DecisionsInPhase.None, on, staff);
            var funder = _funders[_payable.Count % _funders.Length];
            _payable.Add(new FundedDecision(decision, funder, phase));
            _decided[(funder.Id, phase.Id)] = _decided.GetValueOrDefault((funder.Id, phase.Id)) + amount;
            return decision;
        }

        return roll < 95
            ? DisbursementDecision.Delayed(business, phase, stocktaking, risks, "Her husband has not agreed yet.", on.AddDays(random.Next(30, 60)), "Her husband and mother-in-law", on, staff, DecisionsInPhase.None)
            : DisbursementDecision.NoDisbursement(business, phase, stocktaking, risks, "She has taken up a job and paused the plan.", on, staff, DecisionsInPhase.None);
    }

    /// <summary>About 80% running, 12% paused, 8% closed, changed after the decision.</summary>
    private void ChangeStatus(Business business, DateOnly decidedOn)
    {
        var roll = random.Next(100);
        if (roll >= 92)
        {
            business.Close(decidedOn.AddDays(random.Next(60, 200)), _causes["Migration"], "She moved away after her marriage.");
        }
        else if (roll >= 80)
        {
            business.Pause(decidedOn.AddDays(random.Next(30, 200)), _causes["Market"], "Paused during the monsoon.");
        }
    }

    /// <summary>Each funder's budget per phase: what was decided, and a quarter more, in whole lakhs.</summary>
    private async Task<IReadOnlyDictionary<(Guid FunderId, Guid PhaseId), Money>> AddBudgetsAsync(CancellationToken cancellationToken)
    {
        const long lakh = 100_000;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(SyntheticActors.Manager);
        var budgets = new Dictionary<(Guid FunderId, Guid PhaseId), Money>();
        foreach (var funder in _funders)
        {
            foreach (var phase in _phases)
            {
                var decidedRupees = _decided.GetValueOrDefault((funder.Id, phase.Id)).Paise / 100;
                var amount = Money.FromRupees(Math.Max(1, ((decidedRupees * 5 / 4) + lakh - 1) / lakh) * lakh);
                db.FunderBudgets.Add(new FunderBudget(funder, phase, amount));
                budgets[(funder.Id, phase.Id)] = amount;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return budgets;
    }

    private static string Describe(BusinessType type) => type switch
    {
        BusinessType.FoodStall => "food stall",
        _ => type.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];

    private static readonly BusinessType[] BusinessTypes = [.. Enum.GetValues<BusinessType>()];

    private static readonly RiskLevel[] Levels = [.. Enum.GetValues<RiskLevel>()];
}
