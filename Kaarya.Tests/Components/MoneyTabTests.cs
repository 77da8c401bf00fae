using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>The money of one business: its requests and what became of them, its postings, and how the money was used.</summary>
public sealed class MoneyTabTests : KaaryaComponentTest
{
    [Fact]
    public async Task Every_request_shows_what_became_of_it()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var db = Database.CreateDbContext();
        var rejected = await db.DisbursementRequests.AsNoTracking().FirstAsync(r => r.Status == RequestStatus.Rejected, Cancel);
        var requests = await db.DisbursementRequests.AsNoTracking().Where(r => r.BusinessId == rejected.BusinessId).ToListAsync(Cancel);

        var tab = RenderWithProviders<MoneyTab>(p => p.Add(t => t.BusinessId, rejected.BusinessId));

        tab.WaitForAssertion(() =>
        {
            var rows = tab.FindAll("[data-testid=business-requests] tbody tr");
            Assert.Equal(requests.Count, rows.Count);
            Assert.Contains(rows, r => r.TextContent.Contains($"rejected by {rejected.DecidedBy}: {rejected.RejectionReason}", StringComparison.Ordinal));
            foreach (var approved in requests.Where(r => r.Status == RequestStatus.Approved))
            {
                Assert.Contains(rows, r => r.TextContent.Contains($"posted as entry #{approved.LedgerSequence}", StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public async Task The_unexplained_balance_is_what_was_paid_less_what_was_reported()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var db = Database.CreateDbContext();
        var businessId = await db.UtilisationReports.Select(r => r.BusinessId).FirstAsync(Cancel);
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.BusinessId == businessId).ToListAsync(Cancel);
        var reversed = entries.Where(e => e.ReversesSequence is not null).Select(e => e.ReversesSequence).ToHashSet();
        var paid = entries.Where(e => e.Kind == LedgerEntryKind.Disbursement && !reversed.Contains(e.Sequence)).ToList();
        var reports = await db.UtilisationReports.AsNoTracking().Where(r => r.BusinessId == businessId).ToListAsync(Cancel);
        var unexplained = Money.Sum(paid.Select(e =>
        {
            var reported = Money.Sum(reports.Where(r => r.LedgerSequence == e.Sequence).Select(r => r.Total));
            return reported >= e.Amount ? Money.Zero : e.Amount - reported;
        }));

        var tab = RenderWithProviders<MoneyTab>(p => p.Add(t => t.BusinessId, businessId));

        tab.WaitForAssertion(() => Assert.Contains(
            $"Unexplained {unexplained}",
            tab.Find("[data-testid=utilisation-totals]").TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal));
    }
}
