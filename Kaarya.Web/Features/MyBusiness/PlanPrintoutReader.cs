using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.MyBusiness;

/// <summary>
/// Her plan on paper, to keep: her businesses as her own page shows them, her participant code and
/// her name. The page prints the code; her name only when she asks for it then and there.
/// </summary>
public sealed record PlanPrintout(string Code, string Name, DateOnly PrintedOn, IReadOnlyList<MyBusinessView> Businesses);

/// <summary>Reads the printout of a survivor's own plan, for her alone: there is no way to ask for anyone else's.</summary>
public sealed class PlanPrintoutReader(IDbContextFactory<KaaryaDbContext> contexts, MyBusinessReader myBusiness, TimeProvider clock)
{
    public async Task<PlanPrintout> ForHerAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        // Her own page's reader refuses (and logs) anyone who is not a survivor signed in as herself.
        var businesses = await myBusiness.ForHerAsync(viewer, cancellationToken);
        var herself = viewer.OwnParticipantId!.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var her = await db.Participants.AsNoTracking().Where(p => p.Id == herself).Select(p => new { p.Code, p.GivenName }).SingleAsync(cancellationToken);
        return new PlanPrintout(her.Code.Value, her.GivenName, ProgrammeCalendar.Today(clock), businesses);
    }
}
