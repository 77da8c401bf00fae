using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Data;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Security;

/// <summary>
/// Who may open whose record, checked at the use cases (not the UI), on the demo programme:
/// kaa-01 is the survivor KAA-01; mentor.bina is assigned KAA-01 and KAA-03.
/// </summary>
public sealed class RecordAccessTests : IAsyncLifetime
{
    private static readonly string[] RefusalCodes = ["not-staff", "not-manager"];

    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private BusinessDirectory Businesses => new(_database, _database.Gate);

    private PlanReader Plans => new(_database, _database.Gate);

    [Fact]
    public async Task A_survivor_opens_her_own_business_plan_and_money()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var own = await DemoViewers.BusinessOfAsync(_database, "KAA-01");

        var business = await Businesses.GetAsync(own, her, Cancel);
        var plan = await Plans.LatestAsync(own, her, Cancel);
        var money = await _database.Ledger.ForBusinessAsync(own, her, Cancel);

        Assert.Equal("KAA-01", business.Business.ParticipantCode.Value);
        Assert.NotNull(plan);
        Assert.NotEmpty(money);
        Assert.Equal(0, await CountAsync(AuditAction.Viewed));
    }

    [Fact]
    public async Task A_survivor_asking_for_another_survivors_business_plan_or_money_is_refused_and_audited()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var someoneElse = await DemoViewers.BusinessOfAsync(_database, "KAA-03");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Businesses.GetAsync(someoneElse, her, Cancel));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Plans.LatestAsync(someoneElse, her, Cancel));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Ledger.ForBusinessAsync(someoneElse, her, Cancel));

        await using var db = _database.CreateDbContext();
        var refusals = await db.AuditEntries.Where(a => a.Action == AuditAction.AccessRefused).ToListAsync(Cancel);
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("kaa-01", r.UserId));
        Assert.All(refusals, r => Assert.Equal(someoneElse.ToString(), r.RecordId));
    }

    [Fact]
    public async Task A_survivor_sees_only_her_own_businesses_in_any_list()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");

        var listed = (await Businesses.PageAsync(new BusinessQuery(), her, Cancel)).Items;

        Assert.NotEmpty(listed);
        Assert.All(listed, b => Assert.Equal("KAA-01", b.ParticipantCode.Value));
    }

    [Fact]
    public async Task A_survivor_never_sees_the_staff_only_timeline_not_even_her_own()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");
        var own = await DemoViewers.BusinessOfAsync(_database, "KAA-01");

        await Assert.ThrowsAsync<AccessDeniedException>(() => new TimelineReader(_database, _database.Gate, _database.Audit).ForBusinessAsync(own, her, Cancel));
    }

    [Fact]
    public async Task A_guessed_id_is_refused_like_someone_elses_record()
    {
        var her = await DemoViewers.ForAsync(_database, "kaa-01");

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Businesses.GetAsync(Guid.NewGuid(), her, Cancel));

        Assert.Equal(AccessDeniedException.CalmMessage, refused.Message);
    }

    [Fact]
    public async Task A_mentor_sees_her_assigned_survivors_and_is_refused_the_others()
    {
        var mentor = await DemoViewers.ForAsync(_database, "mentor.bina");
        var assigned = await DemoViewers.BusinessOfAsync(_database, "KAA-03");
        var unassigned = await DemoViewers.BusinessOfAsync(_database, "KAA-02");

        var listed = (await Businesses.PageAsync(new BusinessQuery(), mentor, Cancel)).Items;
        var opened = await Businesses.GetAsync(assigned, mentor, Cancel);

        Assert.Equal(["KAA-01", "KAA-03"], listed.Select(b => b.ParticipantCode.Value).Distinct().Order());
        Assert.Equal("KAA-03", opened.Business.ParticipantCode.Value);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Businesses.GetAsync(unassigned, mentor, Cancel));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Plans.LatestAsync(unassigned, mentor, Cancel));
        Assert.Equal(1, await CountAsync(AuditAction.Viewed));
    }

    [Fact]
    public async Task An_auditor_reads_the_money_but_not_a_survivors_plan()
    {
        var auditor = await DemoViewers.ForAsync(_database, "auditor.kp");
        var business = await DemoViewers.BusinessOfAsync(_database, "KAA-01");

        var money = await _database.Ledger.ForBusinessAsync(business, auditor, Cancel);
        var ledger = await _database.Ledger.LatestAsync(50, auditor, Cancel);

        Assert.NotEmpty(money);
        Assert.NotEmpty(ledger);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Plans.LatestAsync(business, auditor, Cancel));
    }

    [Fact]
    public async Task Survivors_and_mentors_are_refused_the_whole_ledger()
    {
        foreach (var user in new[] { "kaa-01", "mentor.bina" })
        {
            var viewer = await DemoViewers.ForAsync(_database, user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Ledger.LatestAsync(50, viewer, Cancel));
            await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Ledger.VerifyAsync(viewer, Cancel));
        }
    }

    [Fact]
    public async Task The_auditor_is_refused_every_write_use_case_at_the_service_layer()
    {
        var auditor = DemoViewers.Auditor;
        var service = new DisbursementService(_database, _database.Clock);
        await using var db = _database.CreateDbContext();
        var decision = await db.DisbursementDecisions.FirstAsync(d => d.Kind == DecisionKind.Immediate, Cancel);
        var funder = await db.Funders.FirstAsync(Cancel);
        _database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var pending = await service.RecordRequestAsync(
            new DisbursementRequestInput { DecisionId = decision.Id, FunderId = funder.Id, Amount = "500", ValueDate = new DateOnly(2013, 12, 1) },
            new Actor("staff.rina", KaaryaRole.Staff), Cancel);
        var entry = await db.LedgerEntries.FirstAsync(Cancel);
        var before = await CountRowsAsync();

        var refusals = new List<DomainException>
        {
            await Assert.ThrowsAsync<DomainException>(() => service.RecordRequestAsync(new DisbursementRequestInput { DecisionId = decision.Id, FunderId = funder.Id, Amount = "1,000", ValueDate = new DateOnly(2013, 12, 1) }, auditor, Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => service.ApproveAsync(pending, auditor, Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => service.RejectAsync(pending, auditor, "No", Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => service.ReverseAsync(entry.Sequence, auditor, "No", new DateOnly(2013, 12, 1), Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => service.ClosePeriodAsync(new DateOnly(2013, 12, 31), auditor, Cancel)),
        };

        Assert.All(refusals, r => Assert.Contains(r.Code, RefusalCodes));
        Assert.Equal(before, await CountRowsAsync());
    }

    private async Task<int> CountAsync(AuditAction action)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.Action == action, Cancel);
    }

    private async Task<(int, int, int)> CountRowsAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.DisbursementRequests.CountAsync(Cancel), await db.LedgerEntries.CountAsync(Cancel), await db.AccountingPeriods.CountAsync(Cancel));
    }
}
