using System.Security.Claims;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Identity;

/// <summary>
/// The signed-in person as the use cases need her: an <see cref="Actor"/> for what she records and
/// a <see cref="Viewer"/> for what she may see. Mentor assignments are read fresh each time, so an
/// assignment ended by the manager takes effect at once, and a mentor sees a survivor only on the
/// days her assignment covers.
/// </summary>
public sealed class CurrentViewer(AuthenticationStateProvider authentication, IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock)
{
    public async Task<Actor> ActorAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return ActorOf(user) ?? throw new AccessDeniedException("Sign in to continue.");
    }

    public async Task<Viewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return await ViewerOfAsync(user, contexts, clock, cancellationToken);
    }

    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        var role = Enum.GetValues<KaaryaRole>().Where(r => user.IsInRole(r.ToString())).Select(r => (KaaryaRole?)r).FirstOrDefault();
        return name is null || role is null ? null : new Actor(name, role.Value);
    }

    public static async Task<Viewer> ViewerOfAsync(ClaimsPrincipal user, IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(contexts);
        var actor = ActorOf(user) ?? throw new AccessDeniedException("Sign in to continue.");
        Guid? own = Guid.TryParse(user.FindFirstValue(KaaryaClaimsFactory.ParticipantClaim), out var id) ? id : null;
        var mentored = new HashSet<Guid>();
        if (actor.Role == KaaryaRole.Mentor)
        {
            // MentorAssignment.Covers, as the database can ask it.
            var today = ProgrammeCalendar.Today(clock);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            mentored = (await db.MentorAssignments.AsNoTracking()
                .Where(a => a.MentorUserId == actor.UserId && a.From <= today && (a.Until == null || a.Until >= today))
                .Select(a => a.ParticipantId)
                .ToListAsync(cancellationToken)).ToHashSet();
        }

        return new Viewer(actor, actor.Role == KaaryaRole.Survivor ? own : null, mentored);
    }
}
