using Kaarya.Domain.Access;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;
using Kaarya.Domain.Voice;

namespace Kaarya.Web.Data.Seed;

/// <summary>Her words, her answers and her mentor's reviews in the demo, through the same rules as the app.</summary>
internal sealed partial class DemoProgrammeBuilder
{
    private readonly List<MentorAssignment> _assignments = [];
    private readonly Dictionary<string, Guid> _ownRecords = new(StringComparer.Ordinal);

    private void AddVoiceOnPlan(SeedRecord record, Business business, BusinessPlan plan, PlanSeed seed, string field)
    {
        var latest = new Dictionary<PlanPart, HerWords>();
        foreach (var (words, w) in (seed.HerWords ?? []).Select((x, w) => (x, w)))
        {
            var at = $"{field}.herWords[{w}]";
            var part = record.Choice<PlanPart>(words.Part, $"{at}.part");
            var her = Survivor(record, words.By, $"{at}.by");
            var written = record.Apply(() => HerWords.OnPlan(
                business, plan, part, latest.GetValueOrDefault(part), her, SeedRecord.OptionalText(words.Text), record.Instant(words.At, $"{at}.at")), at);
            latest[part] = written;
            db.HerWords.Add(written);
        }

        PlanAgreement? previous = null;
        foreach (var (answer, a) in (seed.Answers ?? []).Select((x, a) => (x, a)))
        {
            var at = $"{field}.answers[{a}]";
            var her = Survivor(record, answer.By, $"{at}.by");
            var choice = record.Choice<PlanAnswer>(answer.Answer, $"{at}.answer");

            // Answers are listed with the version they were given on, before any later version was drafted.
            previous = record.Apply(() => PlanAgreement.Say(
                business, plan, plan.Version, previous, her, choice, SeedRecord.OptionalText(answer.Words), record.Instant(answer.At, $"{at}.at")), at);
            db.PlanAgreements.Add(previous);
        }

        foreach (var (review, r) in (seed.Reviews ?? []).Select((x, r) => (x, r)))
        {
            AddReview(record, business, plan, review, $"{field}.reviews[{r}]");
        }
    }

    private void AddReview(SeedRecord record, Business business, BusinessPlan plan, ReviewSeed seed, string field)
    {
        var mentor = record.Lookup(_people, seed.By, $"{field}.by", "person");
        var notes = (seed.Notes ?? []).Select((note, n) => record.Apply(
            () => new ReviewNote(record.Choice<PlanPart>(note.Part, $"{field}.notes[{n}].part"), SeedRecord.OptionalText(note.Note)),
            $"{field}.notes[{n}]")).ToList();
        var content = new MentorReviewContent(
            SeedRecord.OptionalText(seed.Discussed), notes, SeedRecord.OptionalText(seed.ChangesAgreed), record.Date(seed.NextReviewOn, $"{field}.nextReviewOn"));
        var review = record.Apply(() => MentorReview.Record(
            business, plan, mentor, _assignments, record.Date(seed.ReviewedOn, $"{field}.reviewedOn"), content, record.Instant(seed.RecordedAt, $"{field}.recordedAt")), field);
        if (seed.AcknowledgedBy is not null)
        {
            var her = Survivor(record, seed.AcknowledgedBy, $"{field}.acknowledgedBy");
            record.Apply(() => review.Acknowledge(her, record.Instant(seed.AcknowledgedAt, $"{field}.acknowledgedAt")), $"{field}.acknowledgedBy");
        }

        db.MentorReviews.Add(review);
    }

    private void AddHerWordsOnStocktaking(SeedRecord record, Business business, Stocktaking stocktaking, List<HerWordsSeed> seeds, string field)
    {
        var latest = new Dictionary<FourPPart, HerWords>();
        foreach (var (words, w) in seeds.Select((x, w) => (x, w)))
        {
            var at = $"{field}.herWords[{w}]";
            var part = record.Choice<FourPPart>(words.Part, $"{at}.part");
            var her = Survivor(record, words.By, $"{at}.by");
            var written = record.Apply(() => HerWords.OnStocktaking(
                business, stocktaking, part, latest.GetValueOrDefault(part), her, SeedRecord.OptionalText(words.Text), record.Instant(words.At, $"{at}.at")), at);
            latest[part] = written;
            db.HerWords.Add(written);
        }
    }

    /// <summary>A demo account as the domain sees her when she speaks for herself; anyone else is refused by the rule itself.</summary>
    private Viewer Survivor(SeedRecord record, string? userName, string field)
    {
        var actor = record.Lookup(_people, userName, field, "person");
        return new Viewer(actor, _ownRecords.TryGetValue(actor.UserId, out var own) ? own : null, new HashSet<Guid>());
    }
}
