using Kaarya.Domain.Businesses;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Businesses;

public partial class BusinessList
{
    private static readonly Dictionary<string, BusinessSort> Sorts = new(StringComparer.Ordinal)
    {
        ["Name"] = BusinessSort.Name,
        ["Stage"] = BusinessSort.Stage,
        ["Status"] = BusinessSort.Status,
        ["Disbursed"] = BusinessSort.Disbursed,
    };

    private MudDataGrid<BusinessRow>? _grid;
    private string? _search;
    private LifecycleStage? _stage;
    private BusinessStatus? _status;
    private PhaseChoice? _phase;
    private string? _village;
    private FunderChoice? _funder;
    private IReadOnlyList<PhaseChoice> _phases = [];
    private IReadOnlyList<string> _villages = [];
    private IReadOnlyList<FunderChoice> _funders = [];

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

    /// <summary>Whether any filter or search narrows the list, so an empty list says "none match", not "none yet".</summary>
    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _stage is not null || _status is not null
        || _phase is not null || _village is not null || _funder is not null;

    /// <summary>The choices the filters offer; the villages are only those of survivors this viewer may list.</summary>
    protected override async Task OnInitializedAsync()
    {
        var viewer = await Viewer.ViewerAsync();
        _phases = await Choices.PhasesAsync();
        _villages = await Choices.VillagesAsync(viewer);
        _funders = await Funders.AllAsync();
    }

    private async Task<GridData<BusinessRow>> LoadAsync(GridState<BusinessRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new BusinessQuery
        {
            Page = state.Page,
            PageSize = state.PageSize,
            SortBy = sort is not null && Sorts.TryGetValue(sort.SortBy, out var by) ? by : BusinessSort.ParticipantCode,
            Descending = sort?.Descending ?? false,
            Stage = _stage,
            Status = _status,
            PhaseId = _phase?.Id,
            Village = _village,
            FunderId = _funder?.Id,
            Search = _search,
        };
        var page = await Directory.PageAsync(query, await Viewer.ViewerAsync(cancellationToken), cancellationToken);
        return new GridData<BusinessRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task SearchChangedAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private Task StageChangedAsync(LifecycleStage? stage)
    {
        _stage = stage;
        return ReloadAsync();
    }

    private Task StatusChangedAsync(BusinessStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task PhaseChangedAsync(PhaseChoice? phase)
    {
        _phase = phase;
        return ReloadAsync();
    }

    private Task VillageChangedAsync(string? village)
    {
        _village = village;
        return ReloadAsync();
    }

    private Task FunderChangedAsync(FunderChoice? funder)
    {
        _funder = funder;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _grid.ReloadFromFirstPageAsync();

    private void Open(DataGridRowClickEventArgs<BusinessRow> row) => Navigation.NavigateTo($"businesses/{row.Item.Id}");
}
