using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Plans;

/// <summary>Drafts a business's first plan, or the next version of it; earlier versions stay as they were.</summary>
public sealed class PlanService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly PlanInputValidator Validator = new();

    /// <summary>Stores the input as the plan's next version and returns its number.</summary>
    public async Task<int> SaveVersionAsync(PlanInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == input.BusinessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        var latest = await db.BusinessPlans.AsNoTracking()
            .Where(p => p.BusinessId == business.Id)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken);
        var plan = latest is null
            ? BusinessPlan.Draft(business, input.DraftedOn!.Value, staff, input.ToContent())
            : latest.Revise(input.DraftedOn!.Value, staff, input.ToContent());
        db.BusinessPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Version;
    }
}
