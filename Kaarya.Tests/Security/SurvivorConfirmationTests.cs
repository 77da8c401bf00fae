using System.Security.Claims;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Reviews;
using Kaarya.Tests.App;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Reviews;
using Kaarya.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Security;

/// <summary>
/// The review flow on the mentor's phone, in the app as started: mentor.bina records a review of
/// KAA-03's plan, hands her the phone, and KAA-03 types her own password before she acknowledges.
/// </summary>
public sealed class SurvivorConfirmationTests : IAsyncLifetime
{
    private readonly KaaryaAppFactory _app = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private SurvivorConfirmation Confirmation => _app.Services.GetRequiredService<SurvivorConfirmation>();

    [Fact]
    public async Task After_her_own_password_she_acknowledges_on_the_mentors_device_as_herself()
    {
        var mentor = await ViewerAsync("mentor.bina", KaaryaRole.Mentor);
        var (review, participant) = await RecordReviewAsync(mentor);

        var her = await Confirmation.ConfirmAsync(participant, AccessMatrix.DemoPassword, mentor, Cancel);
        var acknowledged = await ReviewsAsync(service => service.AcknowledgeAsync(review.Id, her, Cancel));

        Assert.Equal("kaa-03", her.UserId);
        Assert.Equal(KaaryaRole.Survivor, her.Role);
        Assert.Equal("kaa-03", acknowledged.Acknowledgement!.AcknowledgedBy);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_plain_words_and_audited_against_her_account()
    {
        var mentor = await ViewerAsync("mentor.bina", KaaryaRole.Mentor);
        var participant = await ParticipantAsync("KAA-03");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Confirmation.ConfirmAsync(participant, "not-her-password-1", mentor, Cancel));

        Assert.Equal("confirm-wrong-password", refusal.Code);
        Assert.Equal("That password is not right. Please try again.", refusal.Message);
        var failed = Assert.Single(await AuditAsync("kaa-03"));
        Assert.Equal(AuditAction.SignInFailed, failed.Action);
        Assert.Contains("on mentor.bina's device", failed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_at_her_confirm_step_lock_her_account_like_signing_in()
    {
        var mentor = await ViewerAsync("mentor.bina", KaaryaRole.Mentor);
        var participant = await ParticipantAsync("KAA-03");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Assert.ThrowsAsync<DomainException>(() => Confirmation.ConfirmAsync(participant, $"wrong-password-{attempt}", mentor, Cancel));
        }

        var fifth = await Assert.ThrowsAsync<DomainException>(() => Confirmation.ConfirmAsync(participant, "wrong-password-4", mentor, Cancel));
        var right = await Assert.ThrowsAsync<DomainException>(() => Confirmation.ConfirmAsync(participant, AccessMatrix.DemoPassword, mentor, Cancel));

        Assert.Equal("confirm-locked", fifth.Code);
        Assert.Equal("confirm-locked", right.Code);
        var entries = await AuditAsync("kaa-03");
        Assert.Equal(4, entries.Count(e => e.Action == AuditAction.SignInFailed));
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.LockedOut));
    }

    [Fact]
    public async Task A_deactivated_account_is_told_so_at_her_confirm_step_even_with_her_own_password()
    {
        var mentor = await ViewerAsync("mentor.bina", KaaryaRole.Mentor);
        var participant = await ParticipantAsync("KAA-03");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().DeactivateAsync("kaa-03", new Actor("manager.sutapa", KaaryaRole.ProgrammeManager), Cancel);
        }

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Confirmation.ConfirmAsync(participant, AccessMatrix.DemoPassword, mentor, Cancel));

        Assert.Equal("confirm-deactivated", refusal.Code);
        Assert.Contains(await AuditAsync("kaa-03"), e => e.Action == AuditAction.LockedOut && e.Summary.Contains("deactivated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mentor_cannot_start_a_confirm_step_for_a_survivor_not_assigned_to_her()
    {
        var mentor = await ViewerAsync("mentor.bina", KaaryaRole.Mentor);
        var unassigned = await ParticipantAsync("KAA-02");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Confirmation.ConfirmAsync(unassigned, AccessMatrix.DemoPassword, mentor, Cancel));
    }

    [Fact]
    public async Task Without_the_confirm_step_the_mentor_cannot_acknowledge_for_her()
    {
        var mentor = await ViewerAsync("mentor.bina", KaaryaRole.Mentor);
        var (review, _) = await RecordReviewAsync(mentor);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => ReviewsAsync(service => service.AcknowledgeAsync(review.Id, mentor, Cancel)));

        Assert.Equal(MentorReview.NotHerAcknowledgementCode, refusal.Code);
    }

    private async Task<(MentorReview Review, Guid Participant)> RecordReviewAsync(Viewer mentor)
    {
        var participant = await ParticipantAsync("KAA-03");
        var clock = _app.Services.GetRequiredService<TimeProvider>();
        await using var db = await Contexts.CreateDbContextAsync(Cancel);
        var plan = await db.BusinessPlans
            .Where(p => db.Businesses.Any(b => b.Id == p.BusinessId && b.ParticipantId == participant))
            .OrderByDescending(p => p.Version)
            .FirstAsync(Cancel);
        var input = MentorReviewInput.For(plan, ProgrammeCalendar.Today(clock));
        input.Discussed = "Went through the plan on her verandah.";
        input.NextReviewOn = ProgrammeCalendar.Today(clock).AddDays(30);
        return (await ReviewsAsync(service => service.RecordAsync(input, mentor, Cancel)), participant);
    }

    private async Task<T> ReviewsAsync<T>(Func<MentorReviewService, Task<T>> act)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<MentorReviewService>());
    }

    private IDbContextFactory<KaaryaDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<KaaryaDbContext>>();

    private async Task<Viewer> ViewerAsync(string userName, KaaryaRole role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role.ToString())], "Test"));
        return await CurrentViewer.ViewerOfAsync(user, Contexts, _app.Services.GetRequiredService<TimeProvider>(), Cancel);
    }

    private async Task<Guid> ParticipantAsync(string code)
    {
        await using var db = await Contexts.CreateDbContextAsync(Cancel);
        return await db.Participants.Where(p => p.Code == ParticipantCode.Create(code)).Select(p => p.Id).SingleAsync(Cancel);
    }

    private async Task<List<AuditEntry>> AuditAsync(string userId)
    {
        await using var db = await Contexts.CreateDbContextAsync(Cancel);
        return await db.AuditEntries.Where(a => a.UserId == userId && a.RecordType == "User").ToListAsync(Cancel);
    }
}
