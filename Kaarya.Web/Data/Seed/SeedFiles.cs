namespace Kaarya.Web.Data.Seed;

// The shapes of the demo programme's files in seed-data/. Records refer to one another by
// readable keys ("phase-2", "KAA-07", "kaa07-tailoring"), never by database ids. Dates are
// ISO (yyyy-MM-dd), instants ISO with offset, amounts are rupee strings such as "12,500".
// Every field is nullable so that a missing one is reported by the loader with its name,
// rather than silently defaulted by the JSON reader.

internal sealed record ProgrammeFile(
    ProgrammeSeed? Programme,
    List<PhaseSeed>? Phases,
    List<FunderSeed>? Funders,
    List<BudgetSeed>? Budgets);

internal sealed record ProgrammeSeed(string? Name);

internal sealed record PhaseSeed(string? Key, string? Name, string? StartsOn, string? EndsOn);

internal sealed record FunderSeed(string? Key, string? Name);

internal sealed record BudgetSeed(string? Funder, string? Phase, string? Amount);

/// <summary>
/// A demo user who can sign in. Her user name is what the records name as recorder or approver.
/// A survivor's account names her participant code; a mentor's, the survivors assigned to her.
/// </summary>
internal sealed record UserSeed(
    string? UserName,
    string? DisplayName,
    string? Role,
    string? Password,
    string? Participant,
    List<MentoringSeed>? MentorOf);

internal sealed record MentoringSeed(string? Participant, string? From);

internal sealed record ParticipantSeed(
    string? Code,
    string? GivenName,
    string? Village,
    string? Block,
    List<ConsentSeed>? Consents,
    List<EnrolmentSeed>? Enrolments);

internal sealed record ConsentSeed(string? Purpose, bool? Granted, string? On);

internal sealed record EnrolmentSeed(string? Phase, string? On, string? Status, string? EndedOn, string? Reason, string? ReplacedBy);

internal sealed record BusinessSeed(
    string? Key,
    string? Participant,
    string? Name,
    string? Type,
    string? Location,
    string? StartedOn,
    string? Status,
    string? StatusOn,
    string? StatusCause,
    string? StatusReason,
    List<StageSeed>? Stages,
    List<PlanSeed>? Plans,
    List<StocktakingSeed>? Stocktakings,
    List<RiskAssessmentSeed>? RiskAssessments,
    List<TimelineSeed>? Timeline,
    List<SnapshotSeed>? Snapshots,
    List<CashBookSeed>? CashBook);

internal sealed record StageSeed(string? Stage, string? On, string? By, string? Evidence);

internal sealed record PlanSeed(
    string? DraftedOn,
    string? By,
    string? ProductsAndServices,
    string? Customers,
    List<LineSeed>? Costs,
    string? ExpectedMonthlyIncome,
    List<LineSeed>? IntendedUses,
    string? SupportersAndChallengers,
    string? NextSteps,
    List<HerWordsSeed>? HerWords,
    List<AnswerSeed>? Answers,
    List<ReviewSeed>? Reviews);

internal sealed record LineSeed(string? Description, string? Amount);

internal sealed record StocktakingSeed(
    string? Key,
    string? Phase,
    string? HeldOn,
    string? By,
    string? Preparation,
    string? Purpose,
    List<PartnerSeed>? Partners,
    string? PerformancePositives,
    string? PerformanceChallenges,
    List<HerWordsSeed>? HerWords);

internal sealed record PartnerSeed(string? Kind, string? Stance, string? Note);

internal sealed record RiskAssessmentSeed(string? Key, string? Phase, string? AssessedOn, string? By, List<RiskSeed>? Risks);

/// <summary>A catalogue risk (Catalogue set) or one named for this business (Title and Group set).</summary>
internal sealed record RiskSeed(
    string? Catalogue,
    string? Title,
    string? Group,
    string? Likelihood,
    string? Impact,
    string? Mitigation,
    string? Owner,
    string? ReviewOn);

internal sealed record TimelineSeed(string? Kind, string? Category, string? On, string? Text, string? By);

internal sealed record SnapshotSeed(string? TakenOn, string? Assets, string? Liabilities, string? LoansOutstanding, bool? Insured, string? InsuranceNote);

internal sealed record CashBookSeed(string? On, string? Kind, string? Amount, string? Note);

internal sealed record FundingFile(
    List<DecisionSeed>? Decisions,
    List<RequestSeed>? Requests,
    List<ReversalSeed>? Reversals,
    List<UtilisationSeed>? Utilisation,
    List<PeriodCloseSeed>? PeriodCloses);

internal sealed record DecisionSeed(
    string? Key,
    string? Business,
    string? Phase,
    string? Kind,
    string? Amount,
    string? Stocktaking,
    string? RiskAssessment,
    string? DecidedOn,
    string? By,
    string? Reason,
    string? FollowUpOn,
    string? MustTakePart);

/// <summary>A disbursement request; with ApprovedBy it is posted to the ledger at ApprovedAt.</summary>
internal sealed record RequestSeed(
    string? Key,
    string? Decision,
    string? Funder,
    string? Amount,
    string? ValueDate,
    string? Method,
    string? Reference,
    string? RecordedBy,
    string? RecordedAt,
    string? ApprovedBy,
    string? ApprovedAt,
    string? RejectedBy,
    string? RejectionReason);

/// <summary>Reverses the ledger entry posted for a request.</summary>
internal sealed record ReversalSeed(string? Request, string? By, string? Reason, string? ValueDate, string? At);

internal sealed record UtilisationSeed(string? Request, string? ReportedOn, string? By, List<LineSeed>? Items);

internal sealed record PeriodCloseSeed(string? Through, string? By, string? At);

/// <summary>Her own words beside a part of a plan (a PlanPart) or of a stocktaking (a FourPPart), written by her account.</summary>
internal sealed record HerWordsSeed(string? Part, string? Text, string? By, string? At);

/// <summary>Her answer on a plan version: Agree or NotYet, with her words if any.</summary>
internal sealed record AnswerSeed(string? Answer, string? Words, string? By, string? At);

/// <summary>A mentor's review of a plan version; with AcknowledgedBy, she acknowledged it at AcknowledgedAt.</summary>
internal sealed record ReviewSeed(
    string? ReviewedOn,
    string? By,
    string? RecordedAt,
    string? Discussed,
    List<ReviewNoteSeed>? Notes,
    string? ChangesAgreed,
    string? NextReviewOn,
    string? AcknowledgedBy,
    string? AcknowledgedAt);

internal sealed record ReviewNoteSeed(string? Part, string? Note);
