using Kaarya.Web;
using Kaarya.Web.Components;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Import;
using Kaarya.Web.Identity;
using Kaarya.Web.Operations;
using Kaarya.Web.Security;

// The backup commands' words are taken out before the settings read the rest, so a database path
// given as a switch is honoured wherever it stands.
var backup = BackupCommands.Requested(args);
var builder = WebApplication.CreateBuilder(backup?.Settings ?? args);

builder.Services.AddKaarya(builder.Configuration, builder.Environment);

var app = builder.Build();

// dotnet run --project Kaarya.Web -- backup FILE | restore FILE: instead of the server, before the
// database is touched (a restore replaces it).
if (backup is not null)
{
    return await BackupCommands.RunAsync(backup, app.Services.GetRequiredService<DatabaseOptions>(), app.Environment, Console.Out);
}

var managerName = FirstManager.RequestedName(args);
try
{
    var database = app.Services.GetRequiredService<DatabaseInitialiser>();
    await (managerName is null ? database.InitialiseAsync() : database.InitialiseForFirstManagerAsync());
}
catch (SeedDataException broken)
{
    // A broken demo file stops start-up with a message that names file, record and field.
    StartupLog.DidNotStart(app.Logger, broken.Message);
    return 1;
}

// dotnet run --project Kaarya.Web -- create-manager NAME: the first programme manager of a fresh install.
if (managerName is not null)
{
    return await FirstManager.CreateAsync(app.Services, managerName, Console.In, Console.Out);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseKaaryaSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseKaaryaLogScopes();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapImportEndpoints();
app.MapKaaryaHealthChecks();

app.Lifetime.ApplicationStarted.Register(() => StartupLog.Ready(app.Logger, app.Urls));

await app.RunAsync();
return 0;

/// <summary>The web app's entry point; public so that tests can host it.</summary>
public partial class Program;
