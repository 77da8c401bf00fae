using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Import;

/// <summary>Kaarya's accounts as the registers name them: user name to who she is and what her role lets her do.</summary>
internal static class ImportPeople
{
    public static async Task<Dictionary<string, Actor>> LoadAsync(KaaryaDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await (
            from user in db.Users.AsNoTracking()
            join link in db.UserRoles.AsNoTracking() on user.Id equals link.UserId
            join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
            select new { user.UserName, role.Name }).ToListAsync(cancellationToken);

        var people = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            if (account.UserName is { } name && Enum.TryParse<KaaryaRole>(account.Name, out var role))
            {
                people[name] = new Actor(name, role);
            }
        }

        return people;
    }
}
