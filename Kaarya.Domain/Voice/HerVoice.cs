using Kaarya.Domain.Assessments;
using Kaarya.Domain.Plans;

namespace Kaarya.Domain.Voice;

/// <summary>
/// Everything she has said about one business's plans and stocktakings, and what now counts: on
/// each part, her latest words; on each plan version, her latest answer. What she said before is
/// kept beneath, newest first, for anyone who reads her record to see how her view moved.
/// </summary>
public sealed class HerVoice
{
    private readonly List<HerWords> _words;
    private readonly List<PlanAgreement> _answers;

    public HerVoice(IEnumerable<HerWords> words, IEnumerable<PlanAgreement> answers)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(answers);
        _words = [.. words.OrderByDescending(w => w.WrittenAt).ThenByDescending(w => w.Revision)];
        _answers = [.. answers.OrderByDescending(a => a.SaidAt).ThenByDescending(a => a.Revision)];
    }

    public static HerVoice Silent { get; } = new([], []);

    /// <summary>All her words, newest first.</summary>
    public IReadOnlyList<HerWords> Words => _words.AsReadOnly();

    /// <summary>Her words as they now stand on a part of a plan version; null if she has written none there.</summary>
    public HerWords? OnPlan(Guid planId, PlanPart part) => Newest(HistoryOnPlan(planId, part));

    /// <summary>Every time she wrote on that part, newest first: the first is what counts.</summary>
    public IReadOnlyList<HerWords> HistoryOnPlan(Guid planId, PlanPart part) =>
        [.. _words.Where(w => w.BusinessPlanId == planId && w.PlanPart == part).OrderByDescending(w => w.Revision)];

    public HerWords? OnStocktaking(Guid stocktakingId, FourPPart part) => Newest(HistoryOnStocktaking(stocktakingId, part));

    public IReadOnlyList<HerWords> HistoryOnStocktaking(Guid stocktakingId, FourPPart part) =>
        [.. _words.Where(w => w.StocktakingId == stocktakingId && w.FourPPart == part).OrderByDescending(w => w.Revision)];

    /// <summary>Her answer as it now stands on a plan version; null if she has not answered yet.</summary>
    public PlanAgreement? AnswerOn(Guid planId) => Newest(AnswersOn(planId));

    /// <summary>Every answer she gave on the version, newest first.</summary>
    public IReadOnlyList<PlanAgreement> AnswersOn(Guid planId) =>
        [.. _answers.Where(a => a.BusinessPlanId == planId).OrderByDescending(a => a.Revision)];

    private static T? Newest<T>(IReadOnlyList<T> newestFirst)
        where T : class => newestFirst.Count > 0 ? newestFirst[0] : null;
}
