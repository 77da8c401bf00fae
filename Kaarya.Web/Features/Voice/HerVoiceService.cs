using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Voice;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Voice;

/// <summary>
/// Stores what the survivor herself says: her words beside her plan and her 4P, and whether she
/// agrees with her plan. Only she may; anyone else who asks is refused, and the refusal is audited.
/// </summary>
public sealed class HerVoiceService(IDbContextFactory<KaaryaDbContext> contexts, RecordGate gate, TimeProvider clock)
{
    private static readonly HerWordsInputValidator WordsValidator = new();
    private static readonly PlanAgreementInputValidator AnswerValidator = new();

    /// <summary>
    /// Stores her words beside a part of her plan or one of her 4P, after what she last wrote
    /// there (which stays readable), and returns them as stored.
    /// </summary>
    public async Task<HerWords> WriteAsync(HerWordsInput input, Viewer her, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(her);
        InputCheck.Ensure(WordsValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var businessId = input.IsOnPlan
            ? await db.BusinessPlans.Where(p => p.Id == input.BusinessPlanId).Select(p => p.BusinessId).FirstOrDefaultAsync(cancellationToken)
            : await db.Stocktakings.Where(s => s.Id == input.StocktakingId).Select(s => s.BusinessId).FirstOrDefaultAsync(cancellationToken);
        await gate.OpenBusinessToWriteAsync(db, businessId, her, RecordGate.HerWords, owner => HerWords.EnsureWrittenByHerself(her, owner), cancellationToken);

        db.ActingAs(her.Actor);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == businessId, cancellationToken);
        HerWords words;
        if (input.IsOnPlan)
        {
            var plan = await db.BusinessPlans.AsNoTracking().SingleAsync(p => p.Id == input.BusinessPlanId, cancellationToken);
            var latest = await db.HerWords.AsNoTracking()
                .Where(w => w.BusinessPlanId == plan.Id && w.PlanPart == input.PlanPart)
                .OrderByDescending(w => w.Revision)
                .FirstOrDefaultAsync(cancellationToken);
            words = HerWords.OnPlan(business, plan, input.PlanPart!.Value, latest, her, input.Words, clock.GetUtcNow());
        }
        else
        {
            var stocktaking = await db.Stocktakings.AsNoTracking().SingleAsync(s => s.Id == input.StocktakingId, cancellationToken);
            var latest = await db.HerWords.AsNoTracking()
                .Where(w => w.StocktakingId == stocktaking.Id && w.FourPPart == input.FourPPart)
                .OrderByDescending(w => w.Revision)
                .FirstOrDefaultAsync(cancellationToken);
            words = HerWords.OnStocktaking(business, stocktaking, input.FourPPart!.Value, latest, her, input.Words, clock.GetUtcNow());
        }

        db.HerWords.Add(words);
        await SaveAsync(db, cancellationToken);
        return words;
    }

    /// <summary>Stores her answer (agree, or not yet) on the latest version of her plan, and returns it.</summary>
    public async Task<PlanAgreement> AnswerAsync(PlanAgreementInput input, Viewer her, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(her);
        InputCheck.Ensure(AnswerValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.BusinessPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.BusinessPlanId, cancellationToken);
        await gate.OpenBusinessToWriteAsync(db, plan?.BusinessId ?? Guid.Empty, her, RecordGate.HerWords, owner => HerWords.EnsureWrittenByHerself(her, owner), cancellationToken);

        db.ActingAs(her.Actor);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == plan!.BusinessId, cancellationToken);
        var latestVersion = await db.BusinessPlans.Where(p => p.BusinessId == business.Id).MaxAsync(p => p.Version, cancellationToken);
        var previous = await db.PlanAgreements.AsNoTracking()
            .Where(a => a.BusinessPlanId == plan!.Id)
            .OrderByDescending(a => a.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        var answer = PlanAgreement.Say(business, plan!, latestVersion, previous, her, input.Answer!.Value, input.Words, clock.GetUtcNow());
        db.PlanAgreements.Add(answer);
        await SaveAsync(db, cancellationToken);
        return answer;
    }

    /// <summary>
    /// Two saves racing to follow the same words (two tabs, a double tap on a slow line) meet the
    /// unique revision number: one is stored, the other is asked to look again.
    /// </summary>
    private static async Task SaveAsync(KaaryaDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException conflict) when (conflict.IsDuplicateKey())
        {
            throw new DomainException("saved-meanwhile",
                "Something was saved here a moment ago, perhaps from another screen. Look at it again, then write what you want to add.");
        }
    }
}
