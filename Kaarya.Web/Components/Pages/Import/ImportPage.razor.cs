using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Import;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Kaarya.Web.Components.Pages.Import;

/// <summary>
/// The programme manager's import of GGBK's registers: she uploads the filled-in template, the
/// whole workbook is checked and every bad row shown with nothing stored; when every row is
/// right, one click stores it all at once (decision 0014).
/// </summary>
public partial class ImportPage : IDisposable
{
    private readonly DomainAction _work = new();
    private readonly CancellationTokenSource _leaving = new();
    private byte[]? _file;
    private string? _fileName;
    private ImportReport? _report;
    private ImportProgress? _progress;
    private string? _refusal;

    [Inject]
    private RegisterImport Import { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    private Task CheckAsync(IBrowserFile? file) => RunAsync(async () =>
    {
        _file = null;
        _report = null;
        if (file is null)
        {
            return;
        }

        _fileName = file.Name;
        if (!file.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            _refusal = T["Import.File.NotXlsx"];
            return;
        }

        if (file.Size > ImportWorkbookReader.MaxBytes)
        {
            _refusal = T["Import.File.TooLarge", ImportWorkbookReader.MaxBytes / (1024 * 1024)];
            return;
        }

        using var upload = new MemoryStream();
        await using (var stream = file.OpenReadStream(ImportWorkbookReader.MaxBytes, _leaving.Token))
        {
            await stream.CopyToAsync(upload, _leaving.Token);
        }

        _file = upload.ToArray();
        _report = await Import.CheckAsync(_file, await Viewer.ActorAsync(), Progress(), _leaving.Token);
    });

    private Task StoreAsync() => RunAsync(async () =>
    {
        if (_file is null)
        {
            return;
        }

        _report = await Import.ImportAsync(_file, await Viewer.ActorAsync(), Progress(), _leaving.Token);
        if (_report.Stored)
        {
            _file = null;
        }
    });

    private Task RunAsync(Func<Task> work) => _work.RunAsync(async () =>
    {
        _refusal = null;
        _progress = null;
        try
        {
            await work();
        }
        catch (ImportFileRefusedException refused)
        {
            _report = null;
            _refusal = T[refused.Key, [.. refused.Arguments]];
        }
        catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
        {
            // She left the page: the import's transaction rolled back with it.
        }
        finally
        {
            _progress = null;
        }

        if (RefusalText.Of(T, _work) is { } refusal)
        {
            _refusal = refusal;
        }
    });

    private string Say(ImportProblem problem)
    {
        if (problem.Refused is { } refused)
        {
            return RefusalText.Of(T, refused);
        }

        var translated = T[problem.Key, [.. problem.Arguments]];
        return translated.ResourceNotFound ? problem.Sentence : translated.Value;
    }

    private Progress<ImportProgress> Progress() => new(step => _ = InvokeAsync(() =>
    {
        _progress = step;
        StateHasChanged();
    }));

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
