using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Access;
using Kaarya.Web.Features.Assessments;
using Kaarya.Web.Features.Auditing;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Dashboard;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Features.Participants;
using Kaarya.Web.Features.Plans;
using Kaarya.Web.Features.Programmes;
using Kaarya.Web.Features.Reviews;
using Kaarya.Web.Features.Voice;
using Kaarya.Web.Identity;
using Kaarya.Web.Operations;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Kaarya.Web;

public static class KaaryaServices
{
    /// <summary>Everything the app needs, in one place, so tests host the same app as production.</summary>
    public static IServiceCollection AddKaarya(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(ConfigureCircuits);
        services.AddMudServices();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options => ConfigureCultures(options, configuration));

        services.AddSingleton(TimeProvider.System);
        services.AddKaaryaData(configuration, environment);
        services.AddKaaryaIdentity(configuration);
        services.AddKaaryaHealthChecks();
        services.AddKaaryaLogScopes();

        // The use cases pages call; each checks who is asking.
        services.AddSingleton<RecordGate>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<ParticipantDirectory>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<BusinessDirectory>();
        services.AddScoped<Features.MyBusiness.MyBusinessReader>();
        services.AddScoped<Features.MyBusiness.PlanPrintoutReader>();
        services.AddScoped<BusinessFilterChoices>();
        services.AddScoped<PlanReader>();
        services.AddScoped<PlanService>();
        services.AddScoped<AssessmentReader>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<TimelineReader>();
        services.AddScoped<BusinessBookReader>();
        services.AddScoped<BusinessBookService>();
        services.AddScoped<DecisionReader>();
        services.AddScoped<DecisionService>();
        services.AddScoped<DecisionRegister>();
        services.AddScoped<FunderDirectory>();
        services.AddScoped<ProgrammeSetup>();
        services.AddScoped<BusinessStatusService>();
        services.AddScoped<Caseloads>();
        services.AddScoped<ConsentService>();
        services.AddScoped<SetupState>();
        services.AddSingleton<FundingTotals>();
        services.AddScoped<DisbursementService>();
        services.AddScoped<ApprovalInbox>();
        services.AddScoped<LedgerReader>();
        services.AddScoped<UtilisationReader>();
        services.AddScoped<UtilisationService>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<HerVoiceReader>();
        services.AddScoped<HerVoiceService>();
        services.AddScoped<MentorReviewReader>();
        services.AddScoped<MentorReviewService>();
        services.AddSingleton<SurvivorConfirmation>();
        services.AddScoped<Components.Forms.DraftStore>();
        services.AddScoped<LedgerWorkbookExport>();
        services.AddScoped<Features.Import.ImportTemplate>();
        services.AddScoped<Features.Import.RegisterImport>();
        services.AddScoped<UserAccounts>();
        return services;
    }

    /// <summary>
    /// ASP.NET Core's defaults, written out because they are a decision (docs/decisions/0016): a
    /// dropped phone connection gets its circuit back for 3 minutes, at most 100 such circuits are
    /// kept, and browsers never see the server's exception details.
    /// </summary>
    private static void ConfigureCircuits(Microsoft.AspNetCore.Components.Server.CircuitOptions options)
    {
        options.DisconnectedCircuitMaxRetained = 100;
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        options.DetailedErrors = false;
    }

    private static void ConfigureCultures(RequestLocalizationOptions options, IConfiguration configuration)
    {
        CultureInfo[] supported = [new("en-IN"), new("bn-IN")];
        var preferred = configuration["Localization:DefaultCulture"] ?? "en-IN";
        options.DefaultRequestCulture = new RequestCulture(supported.Any(c => c.Name == preferred) ? preferred : "en-IN");
        options.SupportedCultures = supported;
        options.SupportedUICultures = supported;
    }
}
