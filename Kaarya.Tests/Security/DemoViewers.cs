using System.Security.Claims;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Tests.Data;
using Kaarya.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Security;

/// <summary>The demo users as the use cases see them, built the way the app builds them at sign-in.</summary>
public static class DemoViewers
{
    public static async Task<Viewer> ForAsync(TestDatabase database, string userName)
    {
        await using var db = database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var role = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(ClaimTypes.Role, role!) };
        if (user.ParticipantId is { } participant)
        {
            claims.Add(new Claim(KaaryaClaimsFactory.ParticipantClaim, participant.ToString()));
        }

        return await CurrentViewer.ViewerOfAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")), database, database.Clock, CancellationToken.None);
    }

    public static async Task<Guid> BusinessOfAsync(TestDatabase database, string participantCode)
    {
        await using var db = database.CreateDbContext();
        return await db.Businesses
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new { b, p })
            .Where(x => x.p.Code == Kaarya.Domain.Participants.ParticipantCode.Create(participantCode))
            .OrderBy(x => x.b.Status)
            .Select(x => x.b.Id)
            .FirstAsync();
    }

    public static Actor Auditor => new("auditor.kp", KaaryaRole.Auditor);
}
