using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Data;
using Kaarya.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Participants;

/// <summary>One mentor's assignment to a survivor, running or ended.</summary>
public sealed record AssignmentRow(Guid Id, string Mentor, DateOnly From, DateOnly? Until);

/// <summary>A participant with her social worker and every mentor she has had.</summary>
public sealed record CaseloadRow(Guid ParticipantId, ParticipantCode Code, string GivenName, string? SocialWorker, IReadOnlyList<AssignmentRow> Mentors);

/// <summary>Who can be chosen: active mentors and staff.</summary>
public sealed record CaseloadPeople(IReadOnlyList<string> Mentors, IReadOnlyList<string> Staff);

/// <summary>
/// The programme manager's caseloads: each participant's responsible social worker, and her mentors
/// from a date until an end date (history kept; what a mentor may open follows the dates).
/// </summary>
public sealed class Caseloads(IDbContextFactory<KaaryaDbContext> contexts, UserAccounts accounts)
{
    private static readonly MentorAssignmentInputValidator AssignValidator = new();
    private static readonly EndAssignmentInputValidator EndValidator = new();
    private static readonly SocialWorkerInputValidator WorkerValidator = new();

    public async Task<IReadOnlyList<CaseloadRow>> ListAsync(Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("manage caseloads");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var participants = await db.Participants.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.GivenName, p.SocialWorkerUserId }).ToListAsync(cancellationToken);
        var assignments = (await db.MentorAssignments.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(a => a.ParticipantId);
        return [.. participants.Select(p => new CaseloadRow(p.Id, p.Code, p.GivenName, p.SocialWorkerUserId,
            [.. assignments[p.Id].OrderByDescending(a => a.From).Select(a => new AssignmentRow(a.Id, a.MentorUserId, a.From, a.Until))]))];
    }

    public async Task<CaseloadPeople> PeopleAsync(Actor manager, CancellationToken cancellationToken = default)
    {
        var everyone = await accounts.ListAsync(manager, cancellationToken);
        var active = everyone.Where(a => a.State == AccountState.Active).ToList();
        return new CaseloadPeople(
            [.. active.Where(a => a.Role == KaaryaRole.Mentor).Select(a => a.UserName)],
            [.. active.Where(a => a.Role is KaaryaRole.Staff or KaaryaRole.ProgrammeManager).Select(a => a.UserName)]);
    }

    public async Task AssignMentorAsync(MentorAssignmentInput input, Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputCheck.Ensure(AssignValidator, input);
        await MustHoldRoleAsync(manager, input.Mentor, [KaaryaRole.Mentor], "not-a-mentor", cancellationToken);
        await using var db = await OpenAsync(manager, cancellationToken);
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == input.ParticipantId, cancellationToken)
            ?? throw new DomainException("no-participant", "That participant does not exist.");
        var earlier = await db.MentorAssignments.Where(a => a.ParticipantId == participant.Id).ToListAsync(cancellationToken);
        db.MentorAssignments.Add(MentorAssignment.Assign(manager, input.Mentor, participant, input.From!.Value, earlier));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EndAssignmentAsync(EndAssignmentInput input, Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputCheck.Ensure(EndValidator, input);
        await using var db = await OpenAsync(manager, cancellationToken);
        var assignment = await db.MentorAssignments.SingleOrDefaultAsync(a => a.Id == input.AssignmentId, cancellationToken)
            ?? throw new DomainException("no-assignment", "That assignment does not exist.");
        assignment.End(input.On!.Value, manager);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetSocialWorkerAsync(SocialWorkerInput input, Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputCheck.Ensure(WorkerValidator, input);
        await MustHoldRoleAsync(manager, input.SocialWorker, [KaaryaRole.Staff, KaaryaRole.ProgrammeManager], "not-staff-member", cancellationToken);
        await using var db = await OpenAsync(manager, cancellationToken);
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == input.ParticipantId, cancellationToken)
            ?? throw new DomainException("no-participant", "That participant does not exist.");
        participant.AssignSocialWorker(input.SocialWorker, manager);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<KaaryaDbContext> OpenAsync(Actor manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("manage caseloads");
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(manager);
        return db;
    }

    /// <summary>A mentor must be an active mentor's account; a social worker, an active staff member's.</summary>
    private async Task MustHoldRoleAsync(Actor manager, string userName, KaaryaRole[] roles, string code, CancellationToken cancellationToken)
    {
        var name = userName.Trim();
        var account = (await accounts.ListAsync(manager, cancellationToken)).FirstOrDefault(a => a.UserName == name);
        var holds = account is { State: AccountState.Active } && account.Role is { } role && roles.Contains(role);
        if (roles.Contains(KaaryaRole.Mentor))
        {
            Rule.Require(holds, code, $"{name} is not an active mentor's account.");
        }
        else
        {
            Rule.Require(holds, code, $"{name} is not an active staff member's account.");
        }
    }
}
