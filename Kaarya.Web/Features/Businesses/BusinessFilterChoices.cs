using Kaarya.Domain.Access;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Businesses;

/// <summary>A phase of the programme as a list of choices shows it.</summary>
public sealed record PhaseChoice(Guid Id, string Name);

/// <summary>
/// What the businesses list can be narrowed by, besides stage and status: the programme's phases
/// and the villages its survivors live in. Funders come from <see cref="Funding.FunderDirectory"/>.
/// </summary>
public sealed class BusinessFilterChoices(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit)
{
    /// <summary>The programme's phases, oldest first. Phase names say nothing about anyone.</summary>
    public async Task<IReadOnlyList<PhaseChoice>> PhasesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Phases.AsNoTracking().OrderBy(p => p.StartsOn).Select(p => new PhaseChoice(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The villages where the survivors whose businesses the viewer may list live, each once, in
    /// order. A village is not secret, but it is where a survivor can be found: a mentor is offered
    /// only her survivors' villages, and someone who may not list businesses at all gets none.
    /// </summary>
    public async Task<IReadOnlyList<string>> VillagesAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!RecordAccess.MayListBusinesses(viewer))
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "Participant", "villages", "Refused: the villages participants live in", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await BusinessDirectory.Visible(db.Businesses.AsNoTracking(), viewer)
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (_, p) => p.Village)
            .Where(village => village != string.Empty)
            .Distinct()
            .OrderBy(village => village)
            .ToListAsync(cancellationToken);
    }
}
