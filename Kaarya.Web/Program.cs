using Kaarya.Web;
using Kaarya.Web.Components;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Import;
using Kaarya.Web.Identity;
using Kaarya.Web.Operations;
using Kaarya.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddKaarya(builder.Configuration, builder.Environment);

var app = builder.Build();

// dotnet run --project Kaarya.Web -- backup FILE | restore FILE: instead of the server, before the
// database is touched (a restore replaces it).
if (BackupCommands.Requested(args) is { } backup)
{
    return await BackupCommands.RunAsync(
        backup.Command, backup.File, app.Services.GetRequiredService<DatabaseOptions>(), app.Environment, Console.Out);
}

try
{
    await app.Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
}
catch (SeedDataException broken)
{
    // A broken demo file stops start-up with a message that names file, record and field.
    StartupLog.DidNotStart(app.Logger, broken.Message);
    return 1;
}

// dotnet run --project Kaarya.Web -- create-manager NAME: the first programme manager of a fresh install.
if (FirstManager.RequestedName(args) is { } managerName)
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
