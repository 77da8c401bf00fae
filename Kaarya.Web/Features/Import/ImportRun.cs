using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Programmes;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using P = Kaarya.Web.Features.Import.ImportLayout.Participants;
using B = Kaarya.Web.Features.Import.ImportLayout.Businesses;
using D = Kaarya.Web.Features.Import.ImportLayout.Decisions;
using M = Kaarya.Web.Features.Import.ImportLayout.Disbursements;

namespace Kaarya.Web.Features.Import;

/// <summary>
/// Turns a workbook's rows into the programme's records inside the caller's transaction, through
/// the same validators, constructors and methods the forms use, and posts past disbursements
/// through the ledger's own posting path (<see cref="LedgerBook"/>) in value-date order. Every
/// refusal is noted against its row; a row that refers to a refused row is reported too, so one
/// pass reports everything. Whether anything is kept is the caller's decision (commit or roll back).
/// </summary>
internal sealed class ImportRun(KaaryaDbContext db, LedgerBook book, DateTimeOffset now, ImportWorkbook workbook, IProgress<ImportProgress>? progress)
{
    private static readonly RegisterParticipantInputValidator ParticipantValidator = new();
    private static readonly RegisterBusinessInputValidator BusinessValidator = new();

    private static readonly Dictionary<string, string> ParticipantColumns = new(StringComparer.Ordinal)
    {
        [nameof(RegisterParticipantInput.Code)] = P.Code,
        [nameof(RegisterParticipantInput.GivenName)] = P.GivenName,
        [nameof(RegisterParticipantInput.Village)] = P.Village,
        [nameof(RegisterParticipantInput.Block)] = P.Block,
        [nameof(RegisterParticipantInput.ConsentsToDataKept)] = P.ConsentsToDataKept,
        [nameof(RegisterParticipantInput.ConsentedOn)] = P.ConsentedOn,
    };

    private static readonly Dictionary<string, string> BusinessColumns = new(StringComparer.Ordinal)
    {
        [nameof(RegisterBusinessInput.ParticipantId)] = B.Participant,
        [nameof(RegisterBusinessInput.Name)] = B.Name,
        [nameof(RegisterBusinessInput.Type)] = B.Type,
        [nameof(RegisterBusinessInput.Location)] = B.Location,
        [nameof(RegisterBusinessInput.StartedOn)] = B.StartedOn,
    };

    private static readonly Dictionary<string, string> DecisionRefusalColumns = new(StringComparer.Ordinal)
    {
        ["outside-phase"] = D.DecidedOn,
        ["decision-before-current"] = D.DecidedOn,
        ["phase-closed"] = D.Phase,
        ["not-staff"] = D.DecidedBy,
        ["not-manager"] = D.DecidedBy,
        ["business-closed"] = D.Business,
        ["no-follow-up"] = D.FollowUpOn,
        ["follow-up-past"] = D.FollowUpOn,
        ["override-reason"] = D.OverrideReason,
    };

    private readonly Dictionary<string, Participant> _participants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _participantRows = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Participant> _storedOwners = [];
    private readonly Dictionary<string, Business> _businesses = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _businessRows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DisbursementDecision> _decisions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _decisionRows = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Actor> _people = [];
    private Dictionary<string, Phase> _phases = [];
    private Dictionary<string, Funder> _funders = [];
    private Programme? _programme;
    private List<BusinessStatusCause> _causes = [];
    private int _done;
    private int _posted;

    public IEnumerable<ImportProblem> Problems =>
        new[] { workbook.Participants, workbook.Businesses, workbook.Decisions, workbook.Disbursements }
            .SelectMany(rows => rows.OrderBy(r => r.Number))
            .SelectMany(row => row.Problems.OrderBy(p => p.Column.Length == 0 ? -1 : row.Sheet.IndexOf(p.Column)));

    /// <summary>
    /// A register says why in its own words: a cause of the programme's list by its name, or else
    /// the list's cause that takes a note ("Other"), with the register's words as the note.
    /// </summary>
    private (BusinessStatusCause Cause, string Note) CauseOf(string said)
    {
        if (_causes.Find(c => string.Equals(c.Name, said.Trim(), StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return (named, string.Empty);
        }

        var other = _causes.Find(c => c.NeedsNote)
            ?? throw new DomainException("no-cause", "That cause is not on the programme's list.");
        return (other, said);
    }

    public async Task<ImportCounts> RunAsync(CancellationToken cancellationToken)
    {
        _people = await ImportPeople.LoadAsync(db, cancellationToken);
        _programme = await db.Programmes.Include(p => p.Phases).SingleOrDefaultAsync(cancellationToken);
        _phases = (_programme?.Phases ?? []).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _funders = await db.Funders.ToDictionaryAsync(f => f.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        _causes = await db.BusinessStatusCauses.AsNoTracking().ToListAsync(cancellationToken);

        await AddParticipantsAsync(cancellationToken);
        await AddBusinessesAsync(cancellationToken);
        AddDecisions();
        Report(ImportStep.Saving);
        await db.SaveChangesAsync(cancellationToken);
        await PostDisbursementsAsync(cancellationToken);
        return new ImportCounts(_participants.Count, _businesses.Count, _decisions.Count, _posted);
    }

    private async Task AddParticipantsAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.Participants.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in workbook.Participants)
        {
            Report(ImportStep.Participants);
            var input = new RegisterParticipantInput
            {
                Code = row.Text(P.Code),
                GivenName = row.Text(P.GivenName),
                Village = row.Text(P.Village),
                Block = row.Text(P.Block),
                ConsentsToDataKept = row.YesNo(P.ConsentsToDataKept) ?? false,
                ConsentsToPhotos = row.YesNo(P.ConsentsToPhotos) ?? false,
                ConsentsToSharingWithFunder = row.YesNo(P.ConsentsToSharing) ?? false,
                ConsentedOn = row.Date(P.ConsentedOn),
            };
            var phase = PhaseNamed(row, P.Phase);
            var enrolledOn = row.Date(P.EnrolledOn) ?? input.ConsentedOn;
            Validate(row, ParticipantValidator, input, ParticipantColumns);

            if (ParticipantCode.TryCreate(input.Code, out var code))
            {
                if (existing.Contains(code.Value))
                {
                    row.Problem(P.Code, "CodeTaken", $"{code} is already the code of a participant in Kaarya; she is not imported again.", code.Value);
                }
                else if (_participantRows.TryGetValue(code.Value, out var first))
                {
                    row.Problem(P.Code, "CodeRepeated", $"{code} is also on row {first} of this sheet.", code.Value, Number(first));
                }
                else
                {
                    _participantRows[code.Value] = row.Number;
                }
            }

            if (row.HasProblems)
            {
                continue;
            }

            var participant = row.Apply(P.GivenName, () => new Participant(code, input.GivenName, input.Village, input.Block));
            if (participant is null)
            {
                continue;
            }

            var on = input.ConsentedOn!.Value;
            participant.RecordConsent(ConsentPurpose.DataKept, input.ConsentsToDataKept, on);
            participant.RecordConsent(ConsentPurpose.Photos, input.ConsentsToPhotos, on);
            participant.RecordConsent(ConsentPurpose.SharedWithFunder, input.ConsentsToSharingWithFunder, on);
            if (phase is not null && row.Apply(P.EnrolledOn, () => participant.EnrolIn(phase, enrolledOn!.Value)) is null)
            {
                continue;
            }

            _participants[code.Value] = participant;
            db.Participants.Add(participant);
        }
    }

    private async Task AddBusinessesAsync(CancellationToken cancellationToken)
    {
        _storedOwners = await StoredOwnersAsync(cancellationToken);
        foreach (var row in workbook.Businesses)
        {
            Report(ImportStep.Businesses);
            var key = row.Text(B.Key);
            var owner = Owner(row);
            var input = new RegisterBusinessInput
            {
                ParticipantId = owner?.Id ?? Guid.Empty,
                Name = row.Text(B.Name),
                Type = row.Choice<BusinessType>(B.Type),
                Location = row.Text(B.Location),
                StartedOn = row.Date(B.StartedOn),
            };
            var status = row.Choice<BusinessStatus>(B.Status) ?? BusinessStatus.Running;
            var statusOn = row.Date(B.StatusOn);
            var statusReason = row.Text(B.StatusReason);
            if (status != BusinessStatus.Running && statusOn is null && !row.HasProblemIn(B.StatusOn))
            {
                row.Problem(B.StatusOn, "Missing", $"\"{B.StatusOn}\" is empty; it is needed.", B.StatusOn);
            }

            Validate(row, BusinessValidator, input, BusinessColumns);
            Claim(row, B.Key, key, _businessRows);
            if (row.HasProblems || owner is null)
            {
                continue;
            }

            var business = row.Apply(B.Name, () => new Business(owner, input.Name, input.Type!.Value, input.Location, input.StartedOn!.Value));
            if (business is null)
            {
                continue;
            }

            var settled = status switch
            {
                BusinessStatus.Paused => row.Apply(B.StatusReason, () => { var (cause, note) = CauseOf(statusReason); business.Pause(statusOn!.Value, cause, note); }),
                BusinessStatus.Closed => row.Apply(B.StatusReason, () => { var (cause, note) = CauseOf(statusReason); business.Close(statusOn!.Value, cause, note); }),
                _ => true,
            };
            if (settled)
            {
                _businesses[key] = business;
                db.Businesses.Add(business);
            }
        }
    }

    /// <summary>
    /// The participants already in Kaarya whom the business sheet names, in one query: a register
    /// of a few thousand businesses is not a few thousand round trips.
    /// </summary>
    private async Task<Dictionary<string, Participant>> StoredOwnersAsync(CancellationToken cancellationToken)
    {
        var codes = workbook.Businesses
            .Select(row => ParticipantCode.TryCreate(row.Text(B.Participant), out var code) ? code : null)
            .OfType<ParticipantCode>()
            .Where(code => !_participantRows.ContainsKey(code.Value))
            .Distinct()
            .ToList();
        if (codes.Count == 0)
        {
            return [];
        }

        var stored = await db.Participants.Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken);
        return stored.ToDictionary(p => p.Code.Value, StringComparer.OrdinalIgnoreCase);
    }

    private Participant? Owner(ImportRow row)
    {
        var written = row.Text(B.Participant);
        if (written.Length == 0)
        {
            return null;
        }

        if (!ParticipantCode.TryCreate(written, out var code))
        {
            row.Problem(B.Participant, "NotACode", $"\"{written}\" is not a participant code; codes look like KAA-07.", written);
            return null;
        }

        if (_participants.TryGetValue(code.Value, out var imported))
        {
            return imported;
        }

        if (_participantRows.ContainsKey(code.Value))
        {
            row.Problem(B.Participant, "RefersToBadRow", $"{code} is a participant whose row on the {P.Sheet} sheet has problems.", code.Value, P.Sheet);
            return null;
        }

        if (!_storedOwners.TryGetValue(code.Value, out var stored))
        {
            row.Problem(B.Participant, "UnknownParticipant", $"There is no participant {code}, neither on the {P.Sheet} sheet nor in Kaarya.", code.Value, P.Sheet);
        }

        return stored;
    }

    private void AddDecisions()
    {
        foreach (var row in workbook.Decisions)
        {
            Report(ImportStep.Decisions);
            var key = row.Text(D.Key);
            var business = Lookup(row, D.Business, _businesses, _businessRows, B.Sheet, "UnknownBusiness", "business key");
            var phase = PhaseNamed(row, D.Phase);
            var kind = row.Choice<DecisionKind>(D.Kind);
            var amount = row.Amount(D.Amount);
            if (kind == DecisionKind.Immediate && amount is null && !row.HasProblemIn(D.Amount))
            {
                row.Problem(D.Amount, "Missing", $"\"{D.Amount}\" is empty; it is needed.", D.Amount);
            }

            var decidedOn = row.Date(D.DecidedOn);
            var decidedBy = Person(row, D.DecidedBy);
            var reason = row.Text(D.Reason);
            var followUpOn = row.Date(D.FollowUpOn);
            var mustTakePart = row.Text(D.MustTakePart);
            var overrideReason = row.Text(D.OverrideReason);
            var heldOn = row.Date(D.StocktakingOn);
            var preparation = row.Text(D.Preparation);
            var purpose = row.Text(D.Purpose);
            var partners = Partners(row, D.Supporters, PartnerStance.Supporter).Concat(Partners(row, D.Challengers, PartnerStance.Challenger)).ToList();
            var performance = row.Text(D.Performance);
            var risksOn = row.Date(D.RisksOn);
            var risk = CatalogueRisk(row);
            var likelihood = row.Choice<RiskLevel>(D.Likelihood);
            var impact = row.Choice<RiskLevel>(D.Impact);
            var mitigation = row.Text(D.Mitigation);
            var owner = row.Text(D.RiskOwner);
            var reviewOn = row.Date(D.ReviewOn);
            Claim(row, D.Key, key, _decisionRows);
            if (row.HasProblems || business is null || phase is null || kind is null || decidedOn is null || decidedBy is null
                || heldOn is null || risksOn is null || risk is null || likelihood is null || impact is null || reviewOn is null)
            {
                continue;
            }

            // The grounds a decision rests on, as the register recorded them: its 4P stocktaking and its main risk.
            var stocktaking = row.Apply(D.StocktakingOn, () => new Stocktaking(business, phase, heldOn.Value, decidedBy, new FourP(preparation, purpose, partners, performance, string.Empty)));
            var rated = row.Apply(D.Risk, () => RatedRisk.FromCatalogue(risk.Key, likelihood.Value, impact.Value, mitigation, owner, reviewOn.Value));
            var assessment = rated is null ? null : row.Apply(D.RisksOn, () => new RiskAssessment(business, phase, risksOn.Value, decidedBy, [rated]));
            if (stocktaking is null || assessment is null)
            {
                continue;
            }

            DisbursementDecision? decision;
            try
            {
                var before = DecisionsInPhase.BeforeAnyPayment(_decisions.Values, business.Id, phase.Id);
                decision = kind switch
                {
                    DecisionKind.Immediate => DisbursementDecision.Immediate(
                        business, phase, stocktaking, assessment, amount!.Value, _programme!.Band, before, decidedOn.Value, decidedBy,
                        overrideReason.Length == 0 ? null : new BandOverride(decidedBy, overrideReason), reason),
                    DecisionKind.Delayed => DisbursementDecision.Delayed(business, phase, stocktaking, assessment, reason, followUpOn, mustTakePart, decidedOn.Value, decidedBy, before),
                    _ => DisbursementDecision.NoDisbursement(business, phase, stocktaking, assessment, reason, decidedOn.Value, decidedBy, before),
                };
            }
            catch (DomainException refused)
            {
                var column = DecisionRefusalColumns.GetValueOrDefault(refused.Code) ?? (kind == DecisionKind.Immediate ? D.Amount : D.Reason);
                row.Refused(column, refused);
                continue;
            }

            db.Stocktakings.Add(stocktaking);
            db.RiskAssessments.Add(assessment);
            db.DisbursementDecisions.Add(decision);
            _decisions[key] = decision;
        }
    }

    /// <summary>Each past payment is recorded and approved through the ledger's posting path, oldest value date first.</summary>
    private async Task PostDisbursementsAsync(CancellationToken cancellationToken)
    {
        var payments = workbook.Disbursements
            .Select(row => (Row: row, ValueDate: row.Date(M.ValueDate)))
            .OrderBy(p => p.ValueDate ?? DateOnly.MaxValue)
            .ThenBy(p => p.Row.Number)
            .ToList();
        foreach (var (row, valueDate) in payments)
        {
            Report(ImportStep.Disbursements);
            var decision = Lookup(row, M.Decision, _decisions, _decisionRows, D.Sheet, "UnknownDecision", "decision key");
            var funder = Named(row, M.Funder, _funders, "UnknownFunder");
            var amount = row.Amount(M.Amount);
            var method = row.Choice<PaymentMethod>(M.Method);
            var reference = row.Text(M.Reference);
            var recordedBy = Person(row, M.RecordedBy);
            var approvedBy = Person(row, M.ApprovedBy);
            if (row.HasProblems || decision is null || funder is null || amount is null || valueDate is null || method is null || recordedBy is null || approvedBy is null)
            {
                continue;
            }

            var phase = _phases.Values.Single(p => p.Id == decision.PhaseId);
            DisbursementRequest request;
            try
            {
                request = DisbursementRequest.Record(
                    decision, phase, funder, amount.Value, valueDate.Value, method.Value, reference, recordedBy, now, Guid.CreateVersion7());
            }
            catch (DomainException refused)
            {
                row.Refused(PaymentColumnOf(refused), refused);
                continue;
            }

            db.DisbursementRequests.Add(request);
            try
            {
                await book.ApproveAsync(request, approvedBy, now, cancellationToken);
                _posted++;
            }
            catch (DomainException refused)
            {
                // Refused before anything was saved: the request goes with the refusal.
                db.Entry(request).State = EntityState.Detached;
                row.Refused(PaymentColumnOf(refused), refused);
            }
        }
    }

    /// <summary>The cell of a payment's row that a refusal of it is about.</summary>
    private static string PaymentColumnOf(DomainException refused) => refused.Code switch
    {
        "four-eyes" or "not-manager" => M.ApprovedBy,
        "not-staff" => M.RecordedBy,
        "period-closed" or "paid-before-decision" or "value-date-future" or "value-date-outside-phase" => M.ValueDate,
        "budget-overrun" => M.Funder,
        "no-reference" => M.Reference,
        "method-unknown" => M.Method,
        _ => M.Amount,
    };

    private static void Validate<TInput>(ImportRow row, FluentValidation.IValidator<TInput> validator, TInput input, Dictionary<string, string> columns)
    {
        foreach (var failure in validator.Validate(input).Errors)
        {
            var column = columns.GetValueOrDefault(failure.PropertyName) ?? string.Empty;
            // A cell that could not be read at all has said so already; the validator would only repeat it.
            if (!row.HasProblemIn(column))
            {
                row.Invalid<TInput>(column, failure);
            }
        }
    }

    private static void Claim(ImportRow row, string column, string key, Dictionary<string, int> rows)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (rows.TryGetValue(key, out var first))
        {
            row.Problem(column, "KeyRepeated", $"\"{key}\" is also on row {first} of this sheet.", key, Number(first));
        }
        else
        {
            rows[key] = row.Number;
        }
    }

    private static T? Lookup<T>(ImportRow row, string column, Dictionary<string, T> built, Dictionary<string, int> claimed, string sheet, string unknownKey, string what)
        where T : class
    {
        var key = row.Text(column);
        if (key.Length == 0)
        {
            return null;
        }

        if (built.TryGetValue(key, out var found))
        {
            return found;
        }

        if (claimed.ContainsKey(key))
        {
            row.Problem(column, "RefersToBadRow", $"\"{key}\" is on the {sheet} sheet, but its row there has problems.", key, sheet);
        }
        else
        {
            row.Problem(column, unknownKey, $"There is no {what} \"{key}\" on the {sheet} sheet.", key, sheet);
        }

        return null;
    }

    private Phase? PhaseNamed(ImportRow row, string column) => Named(row, column, _phases, "UnknownPhase");

    private static T? Named<T>(ImportRow row, string column, Dictionary<string, T> known, string unknownKey)
        where T : class
    {
        var name = row.Text(column);
        if (name.Length == 0)
        {
            return null;
        }

        if (known.TryGetValue(name, out var found))
        {
            return found;
        }

        row.Problem(column, unknownKey, $"\"{name}\" is not one of Kaarya's: {string.Join(", ", known.Keys)}.", name, string.Join(", ", known.Keys));
        return null;
    }

    private Actor? Person(ImportRow row, string column)
    {
        var name = row.Text(column);
        if (name.Length == 0)
        {
            return null;
        }

        if (_people.TryGetValue(name, out var actor))
        {
            return actor;
        }

        row.Problem(column, "UnknownPerson", $"\"{name}\" is not the user name of anyone in Kaarya.", name);
        return null;
    }

    private static List<Partner> Partners(ImportRow row, string column, PartnerStance stance)
    {
        var partners = new List<Partner>();
        foreach (var word in row.Text(column).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ImportWords.TryEnum<PartnerKind>(word, out var kind))
            {
                partners.Add(new Partner(kind, stance, string.Empty));
            }
            else
            {
                row.Problem(column, "NotInList", $"\"{word}\" is not one of: {ImportWords.Choices<PartnerKind>()}.", word, ImportWords.Choices<PartnerKind>());
            }
        }

        return partners;
    }

    private static CatalogueRisk? CatalogueRisk(ImportRow row)
    {
        var title = row.Text(D.Risk);
        if (title.Length == 0)
        {
            return null;
        }

        var risk = RiskCatalogue.All.FirstOrDefault(r => string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Key, title, StringComparison.OrdinalIgnoreCase));
        if (risk is null)
        {
            var titles = string.Join(", ", RiskCatalogue.All.Select(r => r.Title));
            row.Problem(D.Risk, "NotInList", $"\"{title}\" is not one of: {titles}.", title, titles);
        }

        return risk;
    }

    private static string Number(int row) => row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Report(ImportStep step) => progress?.Report(new ImportProgress(step, ++_done, workbook.RowCount));
}
