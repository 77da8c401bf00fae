using Kaarya.Domain.Access;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Kaarya.Web.Components.Pages.Reports;

/// <summary>
/// The auditor's and the manager's ledger workbook: chosen here, built on the server while a bar
/// shows how far it has got, then handed to the browser as a download. Building it runs off the
/// circuit's thread, one workbook at a time, so nobody else's pages wait for it.
/// </summary>
public partial class ReportsPage : IDisposable
{
    private readonly DomainAction _build = new();
    private readonly CancellationTokenSource _leaving = new();
    private IReadOnlyList<PhaseChoice> _phases = [];
    private IReadOnlyList<FunderChoice> _funders = [];
    private bool _mayGrantNames;
    private PhaseChoice? _phase;
    private FunderChoice? _funder;
    private bool _includeNames;
    private ExportProgress? _progress;
    private LedgerWorkbookResult? _last;
    private DateTime _lastShown;

    [Inject]
    private LedgerWorkbookExport Export { get; set; } = default!;

    [Inject]
    private BusinessFilterChoices Choices { get; set; } = default!;

    [Inject]
    private FunderDirectory Funders { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private DateTime? From { get; set; }

    private DateTime? To { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _phases = await Choices.PhasesAsync();
        _funders = await Funders.AllAsync();
        _mayGrantNames = RecordAccess.MayGrantNamesInExport(await Viewer.ViewerAsync());
    }

    private Task BuildAsync() => _build.RunAsync(async () =>
    {
        _last = null;
        var filter = new LedgerExportFilter(PickerDates.FromPicker(From), PickerDates.FromPicker(To), _phase?.Id, _funder?.Id, _includeNames && _mayGrantNames);
        var progress = new Progress<ExportProgress>(Show);
        var file = ExportFile.CreateTemporary();
        await using (file)
        {
            try
            {
                _last = await Export.WriteAsync(filter, await Viewer.ViewerAsync(), file, progress, _leaving.Token);
                file.Position = 0;
                using var stream = new DotNetStreamReference(file, leaveOpen: true);
                await JS.InvokeVoidAsync("kaarya.saveFile", _leaving.Token, _last.FileName, LedgerWorkbookExport.ContentType, stream);
            }
            catch (AccessDeniedException denied)
            {
                throw new Domain.Common.DomainException("export-refused", denied.Message);
            }
            catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
            {
                // She left the page: the half-built workbook goes with the temporary file.
                return;
            }
        }

        _progress = null;
    });

    // Progress comes from the builder's thread; the bar moves at most ten times a second.
    private void Show(ExportProgress progress)
    {
        var now = DateTime.UtcNow;
        if (progress.Step is ExportStep.Ledger && now - _lastShown < TimeSpan.FromMilliseconds(100))
        {
            return;
        }

        _lastShown = now;
        _ = InvokeAsync(() =>
        {
            _progress = progress;
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
