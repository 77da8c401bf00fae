using System.Globalization;
using Kaarya.Domain.Businesses;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace Kaarya.Web.Components.Pages.Businesses;

/// <summary>
/// The businesses list: 25 rows a page, paged, sorted, filtered and searched by the database
/// (<see cref="BusinessDirectory.PageAsync"/>). The page keeps only what it shows.
/// </summary>
public sealed partial class BusinessList : IDisposable
{
    /// <summary>Rows a page: the size the server-time benchmark measures (docs/benchmarks.md).</summary>
    public const int PageSize = 25;

    /// <summary>How long the search waits after the last keystroke before it asks the database.</summary>
    public static readonly TimeSpan SearchQuiet = TimeSpan.FromMilliseconds(300);

    private IReadOnlyList<BusinessRow> _rows = [];
    private int _total;
    private int _page;
    private bool _loading = true;
    private BusinessSort _sortBy = BusinessSort.ParticipantCode;
    private bool _descending;
    private string? _search;
    private LifecycleStage? _stage;
    private BusinessStatus? _status;
    private PhaseChoice? _phase;
    private string? _village;
    private FunderChoice? _funder;
    private IReadOnlyList<PhaseChoice> _phases = [];
    private IReadOnlyList<string> _villages = [];
    private IReadOnlyList<FunderChoice> _funders = [];
    private CancellationTokenSource? _searchWait;
    private CancellationTokenSource? _load;

    [Inject]
    private BusinessDirectory Directory { get; set; } = default!;

    [Inject]
    private BusinessFilterChoices Choices { get; set; } = default!;

    [Inject]
    private FunderDirectory Funders { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>Whether any filter or search narrows the list, so an empty list says "none match", not "none yet".</summary>
    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _stage is not null || _status is not null
        || _phase is not null || _village is not null || _funder is not null;

    private int LastPage => Math.Max(0, (_total - 1) / PageSize);

    /// <summary>"26-50 of 10000", as MudBlazor's pager words it.</summary>
    private string Position => _total == 0
        ? T["Grid.Position", 0, 0, 0]
        : T["Grid.Position", (_page * PageSize) + 1, Math.Min(_total, (_page + 1) * PageSize), _total];

    /// <summary>The choices the filters offer (the villages only those of survivors this viewer may list), then the first page.</summary>
    protected override async Task OnInitializedAsync()
    {
        var viewer = await Viewer.ViewerAsync();
        _phases = await Choices.PhasesAsync();
        _villages = await Choices.VillagesAsync(viewer);
        _funders = await Funders.AllAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // A newer question supersedes one still on its way: its answer would show the wrong rows.
        _load?.Cancel();
        _load?.Dispose();
        var load = _load = new CancellationTokenSource();
        _loading = true;
        var query = new BusinessQuery
        {
            Page = _page,
            PageSize = PageSize,
            SortBy = _sortBy,
            Descending = _descending,
            Stage = _stage,
            Status = _status,
            PhaseId = _phase?.Id,
            Village = _village,
            FunderId = _funder?.Id,
            Search = _search,
        };
        try
        {
            var page = await Directory.PageAsync(query, await Viewer.ViewerAsync(load.Token), load.Token);
            if (load.IsCancellationRequested)
            {
                return;
            }

            _rows = page.Items;
            _total = page.TotalCount;
            _loading = false;
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Superseded: the newer load shows its own rows.
        }
    }

    private Task FromFirstPageAsync()
    {
        _page = 0;
        return LoadAsync();
    }

    private Task GoToPageAsync(int page)
    {
        _page = Math.Clamp(page, 0, LastPage);
        return LoadAsync();
    }

    /// <summary>A header sorts by its column, ascending; the same header again turns the order round.</summary>
    private Task SortByAsync(BusinessSort column)
    {
        _descending = _sortBy == column && !_descending;
        _sortBy = column;
        return FromFirstPageAsync();
    }

    private string? AriaSort(BusinessSort column) => _sortBy != column ? null : _descending ? "descending" : "ascending";

    private string SortIconClass(BusinessSort column) => _sortBy != column ? string.Empty : _descending ? " kaarya-sorted kaarya-sorted-descending" : " kaarya-sorted";

    /// <summary>The search asks the database once she has stopped typing for <see cref="SearchQuiet"/>.</summary>
    private async Task SearchTypedAsync(ChangeEventArgs typed)
    {
        _search = typed.Value as string;
        _searchWait?.Cancel();
        _searchWait?.Dispose();
        var wait = _searchWait = new CancellationTokenSource();
        try
        {
            await Task.Delay(SearchQuiet, Clock, wait.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await FromFirstPageAsync();
    }

    private Task StageChosenAsync(string? stage)
    {
        _stage = Enum.TryParse<LifecycleStage>(stage, out var chosen) ? chosen : null;
        return FromFirstPageAsync();
    }

    private Task StatusChosenAsync(string? status)
    {
        _status = Enum.TryParse<BusinessStatus>(status, out var chosen) ? chosen : null;
        return FromFirstPageAsync();
    }

    private Task PhaseChosenAsync(string? phase)
    {
        _phase = _phases.FirstOrDefault(p => p.Id.ToString() == phase);
        return FromFirstPageAsync();
    }

    private Task VillageChosenAsync(string? village)
    {
        _village = _villages.FirstOrDefault(v => v == village);
        return FromFirstPageAsync();
    }

    private Task FunderChosenAsync(string? funder)
    {
        _funder = _funders.FirstOrDefault(f => f.Id.ToString() == funder);
        return FromFirstPageAsync();
    }

    private static string BusinessHref(BusinessRow row) => string.Create(CultureInfo.InvariantCulture, $"businesses/{row.Id}");

    private void Open(BusinessRow row) => Navigation.NavigateTo(BusinessHref(row));

    public void Dispose()
    {
        _searchWait?.Cancel();
        _searchWait?.Dispose();
        _load?.Cancel();
        _load?.Dispose();
    }
}
