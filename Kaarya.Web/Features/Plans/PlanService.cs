using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Plans;

/// <summary>Drafts a business's first plan, or the next version of it; earlier versions stay as they were.</summary>
public sealed class PlanService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly PlanInputValidator Validator = new();

    /// <summary>
    /// Stores the input as the plan's next version and returns its number. Refused with
    /// <see cref="BusinessPlan.ChangedMeanwhile"/> when another version was saved since the form
    /// started from <see cref="PlanInput.StartedFromVersion"/>, whether that save came a minute
    /// earlier or at the same instant (the unique version number per business decides the race).
    /// </summary>
    public async Task<int> SaveVersionAsync(PlanInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == input.BusinessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        var plan = BusinessPlan.SaveFrom(business, await LatestAsync(db, business.Id, cancellationToken), input.StartedFromVersion, input.DraftedOn!.Value, staff, input.ToContent());
        db.BusinessPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException clash) when (clash.IsDuplicateKey())
        {
            // Another save from the same version won the race between our read and our insert:
            // read what it stored and refuse in the same words as a save that came later.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            BusinessPlan.MustStillBeLatest(await LatestAsync(fresh, business.Id, cancellationToken), input.StartedFromVersion);
            throw;
        }

        return plan.Version;
    }

    private static Task<BusinessPlan?> LatestAsync(KaaryaDbContext db, Guid businessId, CancellationToken cancellationToken) =>
        db.BusinessPlans.AsNoTracking()
            .Where(p => p.BusinessId == businessId)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken);
}
