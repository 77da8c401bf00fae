using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Businesses;

/// <summary>A cause as a list of choices shows it.</summary>
public sealed record StatusCauseChoice(Guid Id, string Name, bool NeedsNote);

/// <summary>Pauses, resumes and closes businesses, with a cause from the programme's list.</summary>
public sealed class BusinessStatusService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly BusinessStatusInputValidator Validator = new();

    /// <summary>The programme's causes, by name.</summary>
    public async Task<IReadOnlyList<StatusCauseChoice>> CausesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.BusinessStatusCauses.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new StatusCauseChoice(c.Id, c.Name, c.NeedsNote)).ToListAsync(cancellationToken);
    }

    public async Task ChangeAsync(BusinessStatusInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(Validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == input.BusinessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        var on = input.On!.Value;
        if (input.Change == StatusChange.Resume)
        {
            business.Resume(on);
        }
        else
        {
            var cause = await db.BusinessStatusCauses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.CauseId, cancellationToken)
                ?? throw new DomainException("no-cause", "That cause is not on the programme's list.");
            if (input.Change == StatusChange.Pause)
            {
                business.Pause(on, cause, input.Note);
            }
            else
            {
                var waiting = await db.DisbursementRequests.AnyAsync(r => r.BusinessId == business.Id && r.Status == RequestStatus.Pending, cancellationToken);
                business.Close(on, cause, input.Note, waiting);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
