using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Components.Pages.Caseloads;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>The manager's caseloads: a mentor assigned from a date and ended, a social worker named.</summary>
public sealed class CaseloadsPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task The_manager_assigns_a_mentor_from_a_date_and_the_history_shows_it()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var kaa05 = await ParticipantAsync("KAA-05");
        var page = RenderWithProviders<CaseloadsPage>();
        page.WaitForElement("[data-testid=assign-form]");

        await ChooseAsync(page.FindComponents<MudSelect<Guid>>().Single(), kaa05);
        await ChooseAsync(page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Mentor"), "mentor.bina");
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "From"), new DateOnly(2013, 9, 2));
        await page.Find("button[data-testid=assign-save]").ClickAsync(new());

        var assignment = await StoredAsync(db => db.MentorAssignments.SingleOrDefaultAsync(a => a.ParticipantId == kaa05, Cancel));
        Assert.Equal(("mentor.bina", new DateOnly(2013, 9, 2), (DateOnly?)null), (assignment.MentorUserId, assignment.From, assignment.Until));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=assignment]"), a => a.TextContent.Contains("mentor.bina, from 02-09-2013", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_second_overlapping_assignment_of_the_same_mentor_is_refused_in_words()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var kaa01 = await ParticipantAsync("KAA-01");
        var page = RenderWithProviders<CaseloadsPage>();
        page.WaitForElement("[data-testid=assign-form]");

        await ChooseAsync(page.FindComponents<MudSelect<Guid>>().Single(), kaa01);
        await ChooseAsync(page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Mentor"), "mentor.bina");
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "From"), new DateOnly(2013, 9, 2));
        await page.Find("button[data-testid=assign-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "mentor.bina is already KAA-01's mentor from 06-04-2013; end that assignment first.",
            page.Find("[data-testid=assign-refusal]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.MentorAssignments.CountAsync(a => a.ParticipantId == kaa01, Cancel));
    }

    [Fact]
    public async Task The_manager_names_a_social_worker_and_ends_a_mentor_s_assignment()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var kaa01 = await ParticipantAsync("KAA-01");
        var page = RenderWithProviders<CaseloadsPage>();
        page.WaitForElement("[data-testid=caseloads]");
        var row = page.FindComponents<SocialWorkerPicker>().Single(p => p.Instance.Row.ParticipantId == kaa01);

        await ChooseAsync(row.FindComponent<MudSelect<string>>(), "staff.rina");
        var named = await EventuallyAsync(db => db.Participants.SingleAsync(p => p.Id == kaa01, Cancel), p => p.SocialWorkerUserId is not null);
        Assert.Equal("staff.rina", named.SocialWorkerUserId);

        var history = page.FindComponents<MentorHistory>().Single(h => h.Instance.Row.ParticipantId == kaa01);
        await history.Find("button[data-testid=assignment-end]").ClickAsync(new());
        await PickDateAsync(history.FindComponent<MudDatePicker>(), new DateOnly(2013, 9, 2));
        await history.Find("button[data-testid=assignment-end-confirm]").ClickAsync(new());

        var ended = await EventuallyAsync(db => db.MentorAssignments.SingleAsync(a => a.ParticipantId == kaa01, Cancel), a => a.Until is not null);
        Assert.Equal(new DateOnly(2013, 9, 2), ended.Until);
    }

    private async Task<Guid> ParticipantAsync(string code)
    {
        await using var db = Database.CreateDbContext();
        return await db.Participants.Where(p => p.Code == ParticipantCode.Create(code)).Select(p => p.Id).SingleAsync(Cancel);
    }
}
