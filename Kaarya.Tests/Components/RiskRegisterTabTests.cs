using Bunit;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>The risk register of a business, grouped as the survivors named them.</summary>
public sealed class RiskRegisterTabTests : KaaryaComponentTest
{
    [Fact]
    public async Task Risks_are_shown_in_their_two_groups_with_ratings_and_due_reviews()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        Database.Clock.SetUtcNow(new DateTimeOffset(2014, 3, 20, 6, 0, 0, TimeSpan.Zero));
        await using var db = Database.CreateDbContext();
        var assessment = await db.RiskAssessments.OrderBy(r => r.AssessedOn).FirstAsync(Cancel);
        var business = await db.Businesses.SingleAsync(b => b.Id == assessment.BusinessId, Cancel);

        var tab = RenderWithProviders<RiskRegisterTab>(p => p.Add(t => t.BusinessId, business.Id));

        tab.WaitForElement("[data-testid=risks-CanBeDealtWith]");
        foreach (var group in Enum.GetValues<RiskGroup>())
        {
            var rows = tab.FindAll($"[data-testid=risks-{group}] tr");
            Assert.Equal(assessment.Risks.Count(r => r.Group == group), rows.Count);
        }

        var due = assessment.Risks.Count(r => r.ReviewOn <= new DateOnly(2014, 3, 20));
        Assert.Equal(due, tab.FindAll("tr").Count(r => r.TextContent.Contains("review due", StringComparison.Ordinal)));
        Assert.Contains(assessment.Risks[0].Mitigation, tab.Markup, StringComparison.Ordinal);
        Assert.True(business.Status != BusinessStatus.Closed);
    }
}
