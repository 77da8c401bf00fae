using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Programmes;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Kaarya.Web.Data.Seed;

/// <summary>What the demo programme put in the database.</summary>
public sealed record DemoDataSummary(int Participants, int Businesses, int Decisions, int LedgerEntries)
{
    public override string ToString() =>
        $"{Participants} participants, {Businesses} businesses, {Decisions} decisions, {LedgerEntries} ledger entries";
}

/// <summary>
/// Turns the demo files into the programme's records through the domain's own constructors and
/// methods, and the ledger's own posting path, so the demo obeys every rule real data obeys.
/// </summary>
internal sealed partial class DemoProgrammeBuilder(KaaryaDbContext db, SeedFileSet files)
{
    private readonly Dictionary<string, Phase> _phases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Funder> _funders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Participant> _participants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Business> _businesses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stocktaking> _stocktakings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RiskAssessment> _riskAssessments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DisbursementDecision> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DisbursementRequest> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerEntry> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BusinessStatusCause> _causes = new(StringComparer.Ordinal);
    private Programme? _programme;

    public async Task<DemoDataSummary> BuildAsync(CancellationToken cancellationToken)
    {
        ReadPeople();
        AddProgramme();
        AddParticipants();
        AddUsers();
        AddBusinesses();
        AddDecisions();
        await db.SaveChangesAsync(cancellationToken);

        await AddMoneyAsync(cancellationToken);
        AddUtilisation();
        await db.SaveChangesAsync(cancellationToken);

        return new DemoDataSummary(_participants.Count, _businesses.Count, _decisions.Count, _postings.Count + (files.Funding.Reversals?.Count ?? 0));
    }

    private void AddProgramme()
    {
        const string file = SeedFileSet.ProgrammeFileName;
        var source = files.Programme;
        var top = new SeedRecord(file, "programme");
        var programme = top.Apply(() => new Programme(top.Text(source.Programme?.Name, "programme.name")), "programme.name");
        db.Programmes.Add(programme);
        _programme = programme;
        foreach (var cause in BusinessStatusCause.FirstList())
        {
            _causes[cause.Name] = cause;
            db.BusinessStatusCauses.Add(cause);
        }

        foreach (var (seed, i) in top.List(source.Phases, "phases").Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"phases[{i}] ({seed.Key})");
            var key = record.Text(seed.Key, "key");
            _phases[key] = record.Apply(() => programme.AddPhase(record.Text(seed.Name, "name"), record.Date(seed.StartsOn, "startsOn"), record.Date(seed.EndsOn, "endsOn")));
        }

        foreach (var (seed, i) in top.List(source.Funders, "funders").Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"funders[{i}] ({seed.Key})");
            var funder = record.Apply(() => new Funder(record.Text(seed.Name, "name")), "name");
            _funders[record.Text(seed.Key, "key")] = funder;
            db.Funders.Add(funder);
        }

        foreach (var (seed, i) in top.List(source.Budgets, "budgets").Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"budgets[{i}]");
            var funder = record.Lookup(_funders, seed.Funder, "funder", "funder");
            var phase = record.Lookup(_phases, seed.Phase, "phase", "phase");
            db.FunderBudgets.Add(record.Apply(() => new FunderBudget(funder, phase, record.Amount(seed.Amount, "amount")), "amount"));
        }
    }

    /// <summary>Who the records name: every demo user, with her role.</summary>
    private void ReadPeople()
    {
        foreach (var (seed, i) in files.Users.Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(SeedFileSet.UsersFileName, $"record {i + 1} ({seed.UserName})");
            var id = record.Text(seed.UserName, "userName");
            if (_people.ContainsKey(id))
            {
                throw record.Fail("userName", $"\"{id}\" is used by an earlier record.");
            }

            _people[id] = record.Apply(() => new Actor(id, record.Choice<KaaryaRole>(seed.Role, "role")), "userName");
        }
    }

    /// <summary>Demo accounts, written straight into the Identity tables so they share the demo's one transaction.</summary>
    private void AddUsers()
    {
        var hasher = new PasswordHasher<KaaryaUser>();
        foreach (var (seed, i) in files.Users.Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(SeedFileSet.UsersFileName, $"record {i + 1} ({seed.UserName})");
            var actor = _people[seed.UserName!];
            var participant = seed.Participant is null ? null : record.Lookup(_participants, seed.Participant, "participant", "participant");
            if (actor.Role == KaaryaRole.Survivor && participant is null)
            {
                throw record.Fail("participant", "a survivor's account must name her participant code.");
            }

            var user = new KaaryaUser
            {
                UserName = actor.UserId,
                NormalizedUserName = actor.UserId.ToUpperInvariant(),
                DisplayName = record.Text(seed.DisplayName, "displayName"),
                ParticipantId = actor.Role == KaaryaRole.Survivor ? participant!.Id : null,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, record.Text(seed.Password, "password"));
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = KaaryaRoles.Seeded.Single(r => r.Name == actor.Role.ToString()).Id });
            if (user.ParticipantId is { } own)
            {
                _ownRecords[actor.UserId] = own;
            }

            foreach (var (mentoring, m) in (seed.MentorOf ?? []).Select((x, m) => (x, m)))
            {
                var field = $"mentorOf[{m}]";
                if (actor.Role != KaaryaRole.Mentor)
                {
                    throw record.Fail(field, "only a mentor is assigned survivors.");
                }

                var survivor = record.Lookup(_participants, mentoring.Participant, $"{field}.participant", "participant");
                var assignment = record.Apply(() => new MentorAssignment(actor.UserId, survivor, record.Date(mentoring.From, $"{field}.from")), field);
                _assignments.Add(assignment);
                db.MentorAssignments.Add(assignment);
            }
        }
    }

    private void AddParticipants()
    {
        const string file = SeedFileSet.ParticipantsFileName;
        foreach (var (seed, i) in files.Participants.Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"record {i + 1} ({seed.Code})");
            var code = record.Apply(() => ParticipantCode.Create(record.Text(seed.Code, "code")), "code");
            if (_participants.ContainsKey(code.Value))
            {
                throw record.Fail("code", $"{code} is used by an earlier record.");
            }

            var participant = record.Apply(() => new Participant(code, record.Text(seed.GivenName, "givenName"), record.Text(seed.Village, "village"), SeedRecord.OptionalText(seed.Block)));
            foreach (var (consent, c) in record.List(seed.Consents, "consents").Select((s, c) => (s, c)))
            {
                participant.RecordConsent(
                    record.Choice<ConsentPurpose>(consent.Purpose, $"consents[{c}].purpose"),
                    consent.Granted ?? throw record.Fail($"consents[{c}].granted", "is missing."),
                    record.Date(consent.On, $"consents[{c}].on"));
            }

            foreach (var (enrolment, e) in record.List(seed.Enrolments, "enrolments").Select((s, e) => (s, e)))
            {
                var phase = record.Lookup(_phases, enrolment.Phase, $"enrolments[{e}].phase", "phase");
                record.Apply(() => participant.EnrolIn(phase, record.Date(enrolment.On, $"enrolments[{e}].on")), $"enrolments[{e}]");
            }

            _participants[code.Value] = participant;
            db.Participants.Add(participant);
        }

        // Endings come second: a replacement may be a participant listed further down.
        foreach (var (seed, i) in files.Participants.Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"record {i + 1} ({seed.Code})");
            var participant = _participants[seed.Code!.Trim()];
            foreach (var (enrolment, e) in seed.Enrolments!.Select((s, e) => (s, e)))
            {
                var status = enrolment.Status is null ? EnrolmentStatus.Active : record.Choice<EnrolmentStatus>(enrolment.Status, $"enrolments[{e}].status");
                var phase = _phases[enrolment.Phase!];
                var field = $"enrolments[{e}]";
                switch (status)
                {
                    case EnrolmentStatus.DroppedOut:
                        record.Apply(() => participant.DropOut(phase.Id, record.Date(enrolment.EndedOn, $"{field}.endedOn"), record.Text(enrolment.Reason, $"{field}.reason")), field);
                        break;
                    case EnrolmentStatus.Replaced:
                        var replacement = record.Lookup(_participants, enrolment.ReplacedBy, $"{field}.replacedBy", "participant");
                        record.Apply(() => participant.ReplaceWith(replacement, phase, record.Date(enrolment.EndedOn, $"{field}.endedOn"), record.Text(enrolment.Reason, $"{field}.reason")), field);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private void AddBusinesses()
    {
        const string file = SeedFileSet.BusinessesFileName;
        foreach (var (seed, i) in files.Businesses.Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"record {i + 1} ({seed.Key})");
            var key = record.Text(seed.Key, "key");
            if (_businesses.ContainsKey(key))
            {
                throw record.Fail("key", $"\"{key}\" is used by an earlier record.");
            }

            var owner = record.Lookup(_participants, seed.Participant, "participant", "participant");
            var business = record.Apply(() => new Business(
                owner, record.Text(seed.Name, "name"), record.Choice<BusinessType>(seed.Type, "type"),
                record.Text(seed.Location, "location"), record.Date(seed.StartedOn, "startedOn")));
            _businesses[key] = business;
            db.Businesses.Add(business);

            foreach (var (stage, s) in record.List(seed.Stages, "stages").Select((x, s) => (x, s)))
            {
                var field = $"stages[{s}]";
                var by = record.Lookup(_people, stage.By, $"{field}.by", "person");
                record.Apply(() => business.AssessStage(record.Choice<LifecycleStage>(stage.Stage, $"{field}.stage"), record.Date(stage.On, $"{field}.on"), by, SeedRecord.OptionalText(stage.Evidence)), field);
            }

            AddPlans(record, business, seed.Plans ?? []);
            AddAssessments(record, business, seed);
            AddBusinessRecords(record, business, seed);
            ApplyStatus(record, business, seed);
        }
    }

    private void AddPlans(SeedRecord record, Business business, List<PlanSeed> plans)
    {
        BusinessPlan? previous = null;
        foreach (var (plan, p) in plans.Select((x, p) => (x, p)))
        {
            var field = $"plans[{p}]";
            var by = record.Lookup(_people, plan.By, $"{field}.by", "person");
            var content = new PlanContent(
                SeedRecord.OptionalText(plan.ProductsAndServices),
                SeedRecord.OptionalText(plan.Customers),
                Lines(record, plan.Costs, $"{field}.costs"),
                record.Amount(plan.ExpectedMonthlyIncome, $"{field}.expectedMonthlyIncome"),
                Lines(record, plan.IntendedUses, $"{field}.intendedUses"),
                SeedRecord.OptionalText(plan.SupportersAndChallengers),
                SeedRecord.OptionalText(plan.NextSteps));
            var on = record.Date(plan.DraftedOn, $"{field}.draftedOn");
            var version = record.Apply(() => previous is null ? BusinessPlan.Draft(business, on, by, content) : previous.Revise(on, by, content), field);
            db.BusinessPlans.Add(version);
            AddVoiceOnPlan(record, business, version, plan, field);
            previous = version;
        }
    }

    private static List<PlanLineItem> Lines(SeedRecord record, List<LineSeed>? lines, string field) =>
        (lines ?? []).Select((line, l) => record.Apply(() => new PlanLineItem(SeedRecord.OptionalText(line.Description), record.Amount(line.Amount, $"{field}[{l}].amount")), $"{field}[{l}]")).ToList();

    private void AddAssessments(SeedRecord record, Business business, BusinessSeed seed)
    {
        foreach (var (st, s) in (seed.Stocktakings ?? []).Select((x, s) => (x, s)))
        {
            var field = $"stocktakings[{s}]";
            var phase = record.Lookup(_phases, st.Phase, $"{field}.phase", "phase");
            var by = record.Lookup(_people, st.By, $"{field}.by", "person");
            var partners = record.List(st.Partners, $"{field}.partners").Select((p, n) => record.Apply(() => new Partner(
                record.Choice<PartnerKind>(p.Kind, $"{field}.partners[{n}].kind"),
                record.Choice<PartnerStance>(p.Stance, $"{field}.partners[{n}].stance"),
                SeedRecord.OptionalText(p.Note)))).ToList();
            var answers = new FourP(SeedRecord.OptionalText(st.Preparation), SeedRecord.OptionalText(st.Purpose), partners, SeedRecord.OptionalText(st.PerformancePositives), SeedRecord.OptionalText(st.PerformanceChallenges));
            var stocktaking = record.Apply(() => new Stocktaking(business, phase, record.Date(st.HeldOn, $"{field}.heldOn"), by, answers), field);
            _stocktakings[record.Text(st.Key, $"{field}.key")] = stocktaking;
            db.Stocktakings.Add(stocktaking);
            AddHerWordsOnStocktaking(record, business, stocktaking, st.HerWords ?? [], field);
        }

        foreach (var (ra, r) in (seed.RiskAssessments ?? []).Select((x, r) => (x, r)))
        {
            var field = $"riskAssessments[{r}]";
            var phase = record.Lookup(_phases, ra.Phase, $"{field}.phase", "phase");
            var by = record.Lookup(_people, ra.By, $"{field}.by", "person");
            var risks = record.List(ra.Risks, $"{field}.risks").Select((risk, n) => Risk(record, risk, $"{field}.risks[{n}]")).ToList();
            var assessment = record.Apply(() => new RiskAssessment(business, phase, record.Date(ra.AssessedOn, $"{field}.assessedOn"), by, risks), field);
            _riskAssessments[record.Text(ra.Key, $"{field}.key")] = assessment;
            db.RiskAssessments.Add(assessment);
        }
    }

    private static RatedRisk Risk(SeedRecord record, RiskSeed risk, string field)
    {
        var likelihood = record.Choice<RiskLevel>(risk.Likelihood, $"{field}.likelihood");
        var impact = record.Choice<RiskLevel>(risk.Impact, $"{field}.impact");
        var reviewOn = record.Date(risk.ReviewOn, $"{field}.reviewOn");
        return risk.Catalogue is not null
            ? record.Apply(() => RatedRisk.FromCatalogue(risk.Catalogue, likelihood, impact, SeedRecord.OptionalText(risk.Mitigation), SeedRecord.OptionalText(risk.Owner), reviewOn), field)
            : record.Apply(() => RatedRisk.Custom(record.Text(risk.Title, $"{field}.title"), record.Choice<RiskGroup>(risk.Group, $"{field}.group"), likelihood, impact, SeedRecord.OptionalText(risk.Mitigation), SeedRecord.OptionalText(risk.Owner), reviewOn), field);
    }

    private void AddBusinessRecords(SeedRecord record, Business business, BusinessSeed seed)
    {
        foreach (var (ev, e) in (seed.Timeline ?? []).Select((x, e) => (x, e)))
        {
            var field = $"timeline[{e}]";
            var by = record.Lookup(_people, ev.By, $"{field}.by", "person");
            db.TimelineEvents.Add(record.Apply(() => new TimelineEvent(
                business, record.Choice<TimelineEventKind>(ev.Kind, $"{field}.kind"), record.Choice<TimelineCategory>(ev.Category, $"{field}.category"),
                record.Date(ev.On, $"{field}.on"), SeedRecord.OptionalText(ev.Text), by), field));
        }

        foreach (var (snap, s) in (seed.Snapshots ?? []).Select((x, s) => (x, s)))
        {
            var field = $"snapshots[{s}]";
            db.FinancialSnapshots.Add(record.Apply(() => new FinancialSnapshot(
                business, record.Date(snap.TakenOn, $"{field}.takenOn"), record.Amount(snap.Assets, $"{field}.assets"),
                record.Amount(snap.Liabilities, $"{field}.liabilities"), record.Amount(snap.LoansOutstanding, $"{field}.loansOutstanding"),
                snap.Insured ?? false, SeedRecord.OptionalText(snap.InsuranceNote)), field));
        }

        foreach (var (line, l) in (seed.CashBook ?? []).Select((x, l) => (x, l)))
        {
            var field = $"cashBook[{l}]";
            db.CashBookEntries.Add(record.Apply(() => new CashBookEntry(
                business, record.Date(line.On, $"{field}.on"), record.Choice<CashBookEntryKind>(line.Kind, $"{field}.kind"),
                record.Amount(line.Amount, $"{field}.amount"), SeedRecord.OptionalText(line.Note)), field));
        }
    }

    private BusinessStatusCause CauseOf(SeedRecord record, BusinessSeed seed) => record.Lookup(_causes, seed.StatusCause, "statusCause", "cause");

    private void ApplyStatus(SeedRecord record, Business business, BusinessSeed seed)
    {
        var status = seed.Status is null ? BusinessStatus.Running : record.Choice<BusinessStatus>(seed.Status, "status");
        switch (status)
        {
            case BusinessStatus.Paused:
                record.Apply(() => business.Pause(record.Date(seed.StatusOn, "statusOn"), CauseOf(record, seed), SeedRecord.OptionalText(seed.StatusReason)), "status");
                break;
            case BusinessStatus.Closed:
                record.Apply(() => business.Close(record.Date(seed.StatusOn, "statusOn"), CauseOf(record, seed), SeedRecord.OptionalText(seed.StatusReason)), "status");
                break;
            default:
                break;
        }
    }

    private void AddDecisions()
    {
        const string file = SeedFileSet.FundingFileName;
        foreach (var (seed, i) in (files.Funding.Decisions ?? []).Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"decisions[{i}] ({seed.Key})");
            var business = record.Lookup(_businesses, seed.Business, "business", "business");
            var phase = record.Lookup(_phases, seed.Phase, "phase", "phase");
            var stocktaking = record.Lookup(_stocktakings, seed.Stocktaking, "stocktaking", "stocktaking");
            var risks = record.Lookup(_riskAssessments, seed.RiskAssessment, "riskAssessment", "risk assessment");
            var by = record.Lookup(_people, seed.By, "by", "person");
            var on = record.Date(seed.DecidedOn, "decidedOn");
            var before = DecisionsInPhase.BeforeAnyPayment(_decisions.Values, business.Id, phase.Id);
            var decision = record.Choice<DecisionKind>(seed.Kind, "kind") switch
            {
                DecisionKind.Immediate => record.Apply(() => DisbursementDecision.Immediate(business, phase, stocktaking, risks, record.Amount(seed.Amount, "amount"), _programme!.Band, before, on, by, note: SeedRecord.OptionalText(seed.Reason)), "amount"),
                DecisionKind.Delayed => record.Apply(() => DisbursementDecision.Delayed(business, phase, stocktaking, risks, SeedRecord.OptionalText(seed.Reason), record.OptionalDate(seed.FollowUpOn, "followUpOn"), SeedRecord.OptionalText(seed.MustTakePart), on, by, before)),
                _ => record.Apply(() => DisbursementDecision.NoDisbursement(business, phase, stocktaking, risks, SeedRecord.OptionalText(seed.Reason), on, by, before)),
            };
            _decisions[record.Text(seed.Key, "key")] = decision;
            db.DisbursementDecisions.Add(decision);
        }
    }

    /// <summary>Requests, approvals, rejections, reversals and period closes, in the order they happened.</summary>
    private async Task AddMoneyAsync(CancellationToken cancellationToken)
    {
        const string file = SeedFileSet.FundingFileName;
        var events = new List<(DateTimeOffset At, int Order, Func<LedgerBook, Task> Apply)>();

        foreach (var (seed, i) in (files.Funding.Requests ?? []).Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"requests[{i}] ({seed.Key})");
            var key = record.Text(seed.Key, "key");
            var decision = record.Lookup(_decisions, seed.Decision, "decision", "decision");
            var funder = record.Lookup(_funders, seed.Funder, "funder", "funder");
            var recordedBy = record.Lookup(_people, seed.RecordedBy, "recordedBy", "person");
            var phase = _phases.Values.Single(p => p.Id == decision.PhaseId);
            var request = record.Apply(() => DisbursementRequest.Record(
                decision, phase, funder, record.Amount(seed.Amount, "amount"), record.Date(seed.ValueDate, "valueDate"),
                record.Choice<PaymentMethod>(seed.Method, "method"), SeedRecord.OptionalText(seed.Reference),
                recordedBy, record.Instant(seed.RecordedAt, "recordedAt"), Guid.CreateVersion7()));
            _requests[key] = request;
            db.DisbursementRequests.Add(request);

            if (seed.ApprovedBy is not null)
            {
                var approver = record.Lookup(_people, seed.ApprovedBy, "approvedBy", "person");
                var approvedAt = record.Instant(seed.ApprovedAt, "approvedAt");
                events.Add((approvedAt, 1, async book =>
                {
                    _postings[key] = await ApplyAsync(record, () => book.ApproveAsync(request, approver, approvedAt, cancellationToken), "approvedBy");
                }));
            }
            else if (seed.RejectedBy is not null)
            {
                var approver = record.Lookup(_people, seed.RejectedBy, "rejectedBy", "person");
                record.Apply(() => request.Reject(approver, SeedRecord.OptionalText(seed.RejectionReason), record.Instant(seed.RecordedAt, "recordedAt")), "rejectedBy");
            }
        }

        foreach (var (seed, i) in (files.Funding.Reversals ?? []).Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"reversals[{i}]");
            var requestKey = record.Text(seed.Request, "request");
            var by = record.Lookup(_people, seed.By, "by", "person");
            var at = record.Instant(seed.At, "at");
            events.Add((at, 2, async book =>
            {
                var reversed = _postings.TryGetValue(requestKey, out var entry) ? entry : throw record.Fail("request", $"request \"{requestKey}\" was not posted before this reversal.");
                await ApplyAsync(record, () => book.ReverseAsync(reversed.Sequence, by, SeedRecord.OptionalText(seed.Reason), record.Date(seed.ValueDate, "valueDate"), at, cancellationToken));
            }));
        }

        foreach (var (seed, i) in (files.Funding.PeriodCloses ?? []).Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"periodCloses[{i}]");
            var by = record.Lookup(_people, seed.By, "by", "person");
            var at = record.Instant(seed.At, "at");
            events.Add((at, 0, async book =>
            {
                var previous = await book.ClosedThroughAsync(cancellationToken);
                db.AccountingPeriods.Add(record.Apply(() => AccountingPeriod.Close(record.Date(seed.Through, "through"), previous, by, at)));
                await db.SaveChangesAsync(cancellationToken);
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        var book = new LedgerBook(db);
        foreach (var happening in events.OrderBy(e => e.At).ThenBy(e => e.Order))
        {
            await happening.Apply(book);
        }
    }

    private static async Task<T> ApplyAsync<T>(SeedRecord record, Func<Task<T>> act, string? field = null)
    {
        try
        {
            return await act();
        }
        catch (DomainException refused)
        {
            throw record.Fail(field, refused.Message, refused);
        }
    }

    private void AddUtilisation()
    {
        const string file = SeedFileSet.FundingFileName;
        var reported = new Dictionary<long, Money>();
        foreach (var (seed, i) in (files.Funding.Utilisation ?? []).Select((s, i) => (s, i)))
        {
            var record = new SeedRecord(file, $"utilisation[{i}] ({seed.Request})");
            var entry = record.Lookup(_postings, seed.Request, "request", "posted request");
            var by = record.Lookup(_people, seed.By, "by", "person");
            var reversed = (files.Funding.Reversals ?? []).Any(r => r.Request == seed.Request);
            var items = record.List(seed.Items, "items").Select((item, n) => record.Apply(() => new UtilisationItem(SeedRecord.OptionalText(item.Description), record.Amount(item.Amount, $"items[{n}].amount")), $"items[{n}]")).ToList();
            var before = reported.GetValueOrDefault(entry.Sequence);
            var report = record.Apply(() => new UtilisationReport(entry, reversed, before, record.Date(seed.ReportedOn, "reportedOn"), by, items));
            reported[entry.Sequence] = before + report.Total;
            db.UtilisationReports.Add(report);
        }
    }
}
