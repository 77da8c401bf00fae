using Kaarya.Domain.Businesses;
using Kaarya.Web.Features.Businesses;
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

    [Inject]
    private BusinessDirectory Directory { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

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

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void Open(DataGridRowClickEventArgs<BusinessRow> row) => Navigation.NavigateTo($"businesses/{row.Item.Id}");
}
