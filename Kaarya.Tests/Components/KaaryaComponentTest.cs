using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Tests.Data;
using Kaarya.Web;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Access;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Kaarya.Tests.Components;

/// <summary>
/// The one base for component tests: MudBlazor set up once (loose JS interop, its services, the
/// popover provider), English text from the app's resources, and the app's real use cases over a
/// real SQLite database holding the demo programme (or nothing, for a new installation). A test signs in as a demo user by role.
/// </summary>
public abstract class KaaryaComponentTest : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Whether the database holds the demo programme; false for a new installation, set up through the app.</summary>
    protected virtual bool HoldsDemo => true;

    public async ValueTask InitializeAsync()
    {
        DefaultWaitTimeout = Patience;
        Database = await TestDatabase.CreateAsync();
        if (HoldsDemo)
        {
            await new DemoDataLoader(Database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        }

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton<IDbContextFactory<KaaryaDbContext>>(Database);
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(Database.Audit);
        Services.AddSingleton(Database.Gate);
        Services.AddScoped<CurrentViewer>();
        Services.AddSingleton<FundingTotals>();
        Services.AddScoped<DisbursementService>();
        Services.AddScoped<ApprovalInbox>();
        Services.AddScoped<FunderDirectory>();
        Services.AddScoped<DecisionReader>();
        Services.AddScoped<LedgerReader>();
        Services.AddScoped<DecisionService>();
        Services.AddScoped<DecisionRegister>();
        Services.AddScoped<Kaarya.Web.Features.Dashboard.DashboardQueries>();
        Services.AddScoped<Kaarya.Web.Features.Participants.RegistrationService>();
        Services.AddScoped<Kaarya.Web.Features.Assessments.AssessmentReader>();
        Services.AddScoped<Kaarya.Web.Features.Assessments.AssessmentService>();
        Services.AddScoped<Kaarya.Web.Features.Plans.PlanReader>();
        Services.AddScoped<Kaarya.Web.Features.Plans.PlanService>();
        Services.AddScoped<Kaarya.Web.Features.Businesses.BusinessBookReader>();
        Services.AddScoped<Kaarya.Web.Features.Businesses.BusinessBookService>();
        Services.AddScoped<Kaarya.Web.Features.Businesses.TimelineReader>();
        Services.AddScoped<UtilisationReader>();
        Services.AddScoped<UtilisationService>();
        Services.AddScoped<Kaarya.Web.Features.MyBusiness.MyBusinessReader>();
        Services.AddScoped<Kaarya.Web.Features.MyBusiness.PlanPrintoutReader>();
        Services.AddScoped<Kaarya.Web.Features.Participants.ParticipantDirectory>();
        Services.AddScoped<Kaarya.Web.Features.Businesses.BusinessDirectory>();
        Services.AddScoped<Kaarya.Web.Features.Businesses.BusinessFilterChoices>();
        Services.AddScoped<Kaarya.Web.Features.Voice.HerVoiceReader>();
        Services.AddScoped<Kaarya.Web.Features.Voice.HerVoiceService>();
        Services.AddScoped<Kaarya.Web.Features.Reviews.MentorReviewReader>();
        Services.AddScoped<Kaarya.Web.Features.Reviews.MentorReviewService>();
        Services.AddScoped<Kaarya.Web.Features.Programmes.ProgrammeSetup>();
        Services.AddScoped<Kaarya.Web.Features.Programmes.SetupState>();
        Services.AddScoped<Kaarya.Web.Features.Businesses.BusinessStatusService>();
        Services.AddScoped<Kaarya.Web.Features.Participants.Caseloads>();
        Services.AddScoped<Kaarya.Web.Features.Participants.ConsentService>();
        Services.AddScoped<Kaarya.Web.Features.Import.ImportTemplate>();
        Services.AddScoped(_ => new Kaarya.Web.Features.Import.RegisterImport(
            Database, Database.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Kaarya.Web.Features.Import.RegisterImport>.Instance));
        Services.AddSingleton(new SignInOptions());

        // Her confirm step on the mentor's device checks her password against the demo accounts.
        Services.AddScoped(_ => Database.CreateDbContext());
        Services.AddIdentityCore<KaaryaUser>(options => IdentityServices.ConfigureAccounts(options, new SignInOptions()))
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddEntityFrameworkStores<KaaryaDbContext>();
        Services.AddSingleton<SurvivorConfirmation>();
        Services.AddScoped<UserAccounts>();
        Services.AddScoped<Kaarya.Web.Components.Forms.DraftStore>();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-IN");
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Signs in as a demo user (seed-data/users.json) with her role.</summary>
    protected void SignInAs(string userName, KaaryaRole role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(role.ToString());
    }

    /// <summary>Signs in as a survivor: her participant id travels in a claim, as the app's sign-in puts it there.</summary>
    protected async Task SignInAsSurvivorAsync(string userName, string participantCode)
    {
        await using var db = Database.CreateDbContext();
        var code = Kaarya.Domain.Participants.ParticipantCode.Create(participantCode);
        var herself = await db.Participants.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Cancel);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(nameof(KaaryaRole.Survivor));
        authorization.SetClaims(new System.Security.Claims.Claim(KaaryaClaimsFactory.ParticipantClaim, herself.ToString()));
    }

    /// <summary>Renders a component beside MudBlazor's providers, as the layout does.</summary>
    protected IRenderedComponent<T> RenderWithProviders<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>How long a test waits for a state before it fails: room for a machine busy with other tests.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits for a form's save to reach the database (a component's submit runs on the renderer's thread).</summary>
    protected Task<T> StoredAsync<T>(Func<KaaryaDbContext, Task<T?>> find)
        where T : class =>
        EventuallyAsync(find, stored => stored is not null)!;

    /// <summary>Reads the database until what it reads has <paramref name="reached"/> the expected state, and answers that reading.</summary>
    protected async Task<T> EventuallyAsync<T>(Func<KaaryaDbContext, Task<T>> read, Func<T, bool> reached)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(reached);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using (var db = Database.CreateDbContext())
            {
                var found = await read(db);
                if (reached(found))
                {
                    return found;
                }
            }

            if (waited.Elapsed > Patience)
            {
                throw new Xunit.Sdk.XunitException($"The database did not reach the expected state within {Patience.TotalSeconds} s.");
            }

            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>Opens a form folded in an expansion panel, as a click on its header would.</summary>
    protected static async Task ExpandAsync<T>(IRenderedComponent<T> component, string panelTestId)
        where T : IComponent =>
        await component.WaitForElement($"[data-testid={panelTestId}] .mud-expand-panel-header").ClickAsync(new());

    /// <summary>Sets a MudBlazor picker or select the way a click on an option would.</summary>
    protected static Task ChooseAsync<TValue>(IRenderedComponent<MudSelect<TValue>> select, TValue value)
    {
        ArgumentNullException.ThrowIfNull(select);
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    protected static Task PickDateAsync(IRenderedComponent<MudDatePicker> picker, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(picker);
        return picker.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(date.ToDateTime(TimeOnly.MinValue)));
    }

    protected IStringLocalizer<UiText> Text => Services.GetRequiredService<IStringLocalizer<UiText>>();
}
