using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Assessments;

/// <summary>Records a 4P stocktaking or a risk assessment, in the phase its date falls in.</summary>
public sealed class AssessmentService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly StocktakingInputValidator StocktakingValidator = new();
    private static readonly RiskAssessmentInputValidator RiskValidator = new();

    public async Task<Guid> RecordStocktakingAsync(StocktakingInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(StocktakingValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var (business, phase) = await BusinessAndPhaseAsync(db, input.BusinessId, input.HeldOn!.Value, cancellationToken);
        var stocktaking = new Stocktaking(business, phase, input.HeldOn.Value, staff, input.ToAnswers());
        db.Stocktakings.Add(stocktaking);
        await db.SaveChangesAsync(cancellationToken);
        return stocktaking.Id;
    }

    public async Task<Guid> RecordRiskAssessmentAsync(RiskAssessmentInput input, Actor staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(RiskValidator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var (business, phase) = await BusinessAndPhaseAsync(db, input.BusinessId, input.AssessedOn!.Value, cancellationToken);
        var assessment = new RiskAssessment(business, phase, input.AssessedOn.Value, staff, [.. input.ToRisks()]);
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return assessment.Id;
    }

    private static async Task<(Business Business, Phase Phase)> BusinessAndPhaseAsync(KaaryaDbContext db, Guid businessId, DateOnly on, CancellationToken cancellationToken)
    {
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        var programme = await db.TheProgrammeAsync(cancellationToken);
        var phase = programme.PhaseOn(on)
            ?? throw new DomainException("no-phase", $"{DateFormats.Show(on)} is outside every phase of {programme.Name}.") { Variant = "date" };
        return (business, phase);
    }
}
