using Kaarya.Domain.Access;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;
using Kaarya.Domain.Voice;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.MyBusiness;

/// <summary>One payment she received, and what she has said she used it for.</summary>
public sealed record MoneyReceived(DateOnly PaidOn, Money Amount, IReadOnlyList<UtilisationItem> UsedFor);

/// <summary>A date she should keep in mind: a family discussion, a risk to look at again.</summary>
public sealed record FollowUp(DateOnly On, FollowUpKind Kind, string What);

public enum FollowUpKind
{
    FamilyDiscussion = 1,
    RiskReview = 2,
}

/// <summary>
/// Her business as she sees it on her own page: its stage, her plan, the money she received and
/// how she used it, her risks, her 4P, and what comes next. Nothing staff-only: no sun/cloud, no
/// reasons staff wrote for a decision, no other survivor. <see cref="Voice"/> is what she herself
/// has said beside her plan and her 4P. <see cref="Reviews"/> are her mentor's reviews of her plan,
/// newest first, with her acknowledgement: a review holds nothing staff-only (every word of it was
/// written with her, for her to read and acknowledge), and the mentor's account name is not shown.
/// </summary>
public sealed record MyBusinessView(
    Guid BusinessId,
    string Name,
    LifecycleStage? Stage,
    BusinessStatus Status,
    BusinessPlan? Plan,
    IReadOnlyList<MoneyReceived> Money,
    RiskAssessment? Risks,
    Stocktaking? FourP,
    IReadOnlyList<FollowUp> FollowUps,
    HerVoice Voice,
    IReadOnlyList<MentorReview> Reviews)
{
    public Money TotalReceived => Domain.Common.Money.Sum(Money.Select(m => m.Amount));
}

/// <summary>Reads a survivor's own businesses, for her alone.</summary>
public sealed class MyBusinessReader(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyBusinessView>> ForHerAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Role != KaaryaRole.Survivor || viewer.OwnParticipantId is not { } herself)
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Participant", "my-business", "Refused: a survivor's own page", cancellationToken);
            throw new AccessDeniedException();
        }

        var today = ProgrammeCalendar.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var businesses = await db.Businesses.AsNoTracking().Where(b => b.ParticipantId == herself).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        var views = new List<MyBusinessView>(businesses.Count);
        foreach (var business in businesses)
        {
            views.Add(await ViewAsync(db, business, today, cancellationToken));
        }

        return views;
    }

    private static async Task<MyBusinessView> ViewAsync(KaaryaDbContext db, Business business, DateOnly today, CancellationToken cancellationToken)
    {
        var plan = await db.BusinessPlans.AsNoTracking().Where(p => p.BusinessId == business.Id).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        var risks = await db.RiskAssessments.AsNoTracking().Where(r => r.BusinessId == business.Id).OrderByDescending(r => r.AssessedOn).FirstOrDefaultAsync(cancellationToken);
        var fourP = await db.Stocktakings.AsNoTracking().Where(s => s.BusinessId == business.Id).OrderByDescending(s => s.HeldOn).FirstOrDefaultAsync(cancellationToken);

        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.BusinessId == business.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var reports = (await db.UtilisationReports.AsNoTracking().Where(r => r.BusinessId == business.Id).ToListAsync(cancellationToken)).ToLookup(r => r.LedgerSequence);
        var money = StandingDisbursements.Among(entries)
            .Select(e => new MoneyReceived(e.ValueDate, e.Amount, [.. reports[e.Sequence].OrderBy(r => r.ReportedOn).SelectMany(r => r.Items)]))
            .ToList();

        var discussions = await db.DisbursementDecisions.AsNoTracking()
            .Where(d => d.BusinessId == business.Id && d.Kind == DecisionKind.Delayed && d.DiscussedOn == null && d.FollowUpOn >= today)
            .Select(d => new { d.FollowUpOn, d.MustTakePart })
            .ToListAsync(cancellationToken);
        var followUps = discussions.Select(d => new FollowUp(d.FollowUpOn!.Value, FollowUpKind.FamilyDiscussion, d.MustTakePart))
            .Concat((risks?.Risks ?? []).Where(r => r.ReviewOn >= today).Select(r => new FollowUp(r.ReviewOn, FollowUpKind.RiskReview, r.Title)))
            .OrderBy(f => f.On)
            .ToList();

        var words = await db.HerWords.AsNoTracking().Where(w => w.BusinessId == business.Id).ToListAsync(cancellationToken);
        var answers = await db.PlanAgreements.AsNoTracking().Where(a => a.BusinessId == business.Id).ToListAsync(cancellationToken);
        var reviews = await db.MentorReviews.AsNoTracking().Where(r => r.BusinessId == business.Id).ToListAsync(cancellationToken);

        return new MyBusinessView(business.Id, business.Name, business.CurrentStage, business.Status, plan, money, risks, fourP, followUps, new HerVoice(words, answers),
            [.. reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.RecordedAt)]);
    }
}
