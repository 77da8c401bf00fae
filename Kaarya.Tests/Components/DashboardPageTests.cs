using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Pages.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>The dashboard's figures against the demo programme, whose shape PRODUCT.md fixes.</summary>
public sealed class DashboardPageTests : KaaryaComponentTest
{
    [Fact]
    public void Open_businesses_are_counted_by_their_current_stage()
    {
        var page = RenderDashboard();

        var stages = page.Find("[data-testid=stage-counts]").TextContent;
        Assert.Contains("Start-up: 3", stages, StringComparison.Ordinal);
        Assert.Contains("Initial growth: 4", stages, StringComparison.Ordinal);
        Assert.Contains("Maturity: 2", stages, StringComparison.Ordinal);
        Assert.Contains("Expansion: 1", stages, StringComparison.Ordinal);
        Assert.Equal("9", page.Find("[data-testid=figure-running] h4").TextContent.Trim());
    }

    [Fact]
    public void Success_per_phase_is_running_over_started()
    {
        var page = RenderDashboard();

        var lines = page.FindAll("[data-testid=phase-success]").Select(l => l.TextContent).ToList();
        Assert.Contains("Phase 1: 4 of 10 running (40%)", lines);
        Assert.Contains(lines, l => l.Contains(": 5 of 5 running (100%)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disbursed_against_budget_equals_the_ledgers_net_for_the_funder()
    {
        await using var db = Database.CreateDbContext();
        var net = Money.Sum((await db.LedgerEntries.ToListAsync(Cancel)).Select(e => e.Amount));

        var page = RenderDashboard();

        var use = page.Find("[data-testid=budget-use]").TextContent;
        Assert.Contains($"{net} / ₹1,50,000.00", use, StringComparison.Ordinal);
        Assert.Equal(Money.FromRupees(60_500), net);
    }

    [Fact]
    public async Task Waiting_approvals_overdue_follow_ups_and_reports_due_are_counted()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2014, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var db = Database.CreateDbContext();
        var today = new DateOnly(2014, 3, 1);
        var decisions = await db.DisbursementDecisions.ToListAsync(Cancel);
        var entries = await db.LedgerEntries.ToListAsync(Cancel);
        var reported = (await db.UtilisationReports.ToListAsync(Cancel)).Select(r => r.LedgerSequence).ToHashSet();
        var expectedFollowUps = decisions.Count(d => d.IsFollowUpOverdue(today));
        var expectedReports = entries.Count(e => e.Kind == LedgerEntryKind.Disbursement
            && !entries.Any(r => r.ReversesSequence == e.Sequence) && !reported.Contains(e.Sequence) && UtilisationDue.IsOverdue(e.ValueDate, today));

        var page = RenderDashboard();

        Assert.Equal("0", page.Find("[data-testid=figure-waiting] h4").TextContent.Trim());
        Assert.Equal(expectedFollowUps.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=figure-follow-ups] h4").TextContent.Trim());
        Assert.Equal(expectedReports.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=figure-reports-due] h4").TextContent.Trim());
        Assert.True(expectedFollowUps > 0 && expectedReports > 0, "The demo has overdue follow-ups and reports due by March 2014.");
    }

    private IRenderedComponent<DashboardPage> RenderDashboard()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var page = RenderWithProviders<DashboardPage>();
        page.WaitForElement("[data-testid=stage-counts]");
        return page;
    }
}
