using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Programmes;

/// <summary>
/// Whether the installation is set up enough to record a programme's life: a programme, a phase,
/// a funder and a budget. Pages say what is missing and link to setup instead of failing.
/// </summary>
public sealed class SetupState(IDbContextFactory<KaaryaDbContext> contexts)
{
    /// <summary>The steps still missing, in the order setup takes them; empty once set up.</summary>
    public async Task<IReadOnlyList<SetupStep>> MissingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return MissingOf(
            await db.Programmes.AnyAsync(cancellationToken),
            await db.Phases.AnyAsync(cancellationToken),
            await db.Funders.AnyAsync(cancellationToken),
            await db.FunderBudgets.AnyAsync(cancellationToken));
    }

    internal static IReadOnlyList<SetupStep> MissingOf(bool programme, bool phase, bool funder, bool budget)
    {
        var missing = new List<SetupStep>();
        if (!programme)
        {
            missing.Add(SetupStep.Programme);
        }

        if (!phase)
        {
            missing.Add(SetupStep.Phase);
        }

        if (!funder)
        {
            missing.Add(SetupStep.Funder);
        }

        if (!budget)
        {
            missing.Add(SetupStep.Budget);
        }

        return missing;
    }
}

/// <summary>The one programme of an installation, for the use cases that need it.</summary>
public static class ProgrammeLookup
{
    /// <summary>The programme, tracked; refused in words (not a crash) while none is set up.</summary>
    public static async Task<Programme> TheProgrammeAsync(this KaaryaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Programmes.SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("not-set-up", "The programme is not set up yet; a programme manager sets it up on the Setup page.");
    }
}
