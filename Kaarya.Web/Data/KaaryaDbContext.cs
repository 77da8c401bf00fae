using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Programmes;
using Kaarya.Domain.Reviews;
using Kaarya.Domain.Voice;
using Kaarya.Web.Auditing;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kaarya.Web.Data;

/// <summary>
/// The programme's records. In Blazor Server a context lives for one operation only: create it
/// from <see cref="IDbContextFactory{TContext}"/>, say who is acting, use it, dispose it.
/// On PostgreSQL the factory hands out <see cref="PostgresKaaryaDbContext"/>, the same model
/// with its own migrations.
/// </summary>
public class KaaryaDbContext(DbContextOptions<KaaryaDbContext> options)
    : IdentityDbContext<KaaryaUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The user id stamped on what this context saves (see <see cref="AuditStampInterceptor"/>).</summary>
    public string ActingUserId { get; private set; } = SystemUser;

    public const string SystemUser = "system";

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Phase> Phases => Set<Phase>();

    public DbSet<Funder> Funders => Set<Funder>();

    public DbSet<FunderBudget> FunderBudgets => Set<FunderBudget>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<BusinessStatusCause> BusinessStatusCauses => Set<BusinessStatusCause>();

    public DbSet<BusinessPlan> BusinessPlans => Set<BusinessPlan>();

    public DbSet<Stocktaking> Stocktakings => Set<Stocktaking>();

    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();

    public DbSet<DisbursementDecision> DisbursementDecisions => Set<DisbursementDecision>();

    public DbSet<DisbursementRequest> DisbursementRequests => Set<DisbursementRequest>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<AccountingPeriod> AccountingPeriods => Set<AccountingPeriod>();

    public DbSet<UtilisationReport> UtilisationReports => Set<UtilisationReport>();

    /// <summary>Disbursements waiting for their first utilisation report, kept by the database (read only).</summary>
    public DbSet<AwaitedUtilisationReport> AwaitedUtilisationReports => Set<AwaitedUtilisationReport>();

    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();

    public DbSet<FinancialSnapshot> FinancialSnapshots => Set<FinancialSnapshot>();

    public DbSet<CashBookEntry> CashBookEntries => Set<CashBookEntry>();

    public DbSet<MentorAssignment> MentorAssignments => Set<MentorAssignment>();

    public DbSet<HerWords> HerWords => Set<HerWords>();

    public DbSet<PlanAgreement> PlanAgreements => Set<PlanAgreement>();

    public DbSet<MentorReview> MentorReviews => Set<MentorReview>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public KaaryaDbContext ActingAs(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ActingUserId = actor.UserId;
        return this;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyToPaiseConverter>();
        configurationBuilder.Properties<ParticipantCode>().HaveConversion<ParticipantCodeConverter>().HaveMaxLength(ParticipantCode.MaxLength);
        configurationBuilder.Properties<string>().HaveMaxLength(TextLimits.Passage);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KaaryaDbContext).Assembly);
        StoreEnumsAsText(builder);
    }

    /// <summary>Enums are stored by name, so the database reads without the code beside it.</summary>
    private static void StoreEnumsAsText(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum && property.GetValueConverter() is null)
            {
                var converter = (ValueConverter)Activator.CreateInstance(typeof(EnumToStringConverter<>).MakeGenericType(type), [null])!;
                property.SetValueConverter(converter);
                property.SetMaxLength(40);
            }
        }
    }
}

internal sealed class MoneyToPaiseConverter() : ValueConverter<Money, long>(m => m.Paise, p => new Money(p));

internal sealed class ParticipantCodeConverter() : ValueConverter<ParticipantCode, string>(c => c.Value, v => ParticipantCode.Create(v));
