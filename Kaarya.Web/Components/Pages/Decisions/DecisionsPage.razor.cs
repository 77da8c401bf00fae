using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Decisions;

public partial class DecisionsPage
{
    private MudDataGrid<DecisionRegisterRow>? _grid;
    private IReadOnlyList<PhaseChoice> _phases = [];
    private PhaseChoice? _phase;
    private DecisionKind? _kind;
    private bool _overdueOnly;

    [Inject]
    private DecisionRegister Register { get; set; } = default!;

    [Inject]
    private BusinessFilterChoices Choices { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _phases = await Choices.PhasesAsync();

    private async Task<GridData<DecisionRegisterRow>> LoadAsync(GridState<DecisionRegisterRow> state, CancellationToken cancellationToken)
    {
        var query = new DecisionRegisterQuery { Page = state.Page, PageSize = state.PageSize, PhaseId = _phase?.Id, Kind = _kind, OverdueOnly = _overdueOnly };
        var page = await Register.PageAsync(query, await Viewer.ViewerAsync(cancellationToken), cancellationToken);
        return new GridData<DecisionRegisterRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task PhaseChangedAsync(PhaseChoice? phase)
    {
        _phase = phase;
        return ReloadAsync();
    }

    private Task KindChangedAsync(DecisionKind? kind)
    {
        _kind = kind;
        return ReloadAsync();
    }

    private Task OverdueChangedAsync(bool overdueOnly)
    {
        _overdueOnly = overdueOnly;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _grid.ReloadFromFirstPageAsync();

    private void Open(DataGridRowClickEventArgs<DecisionRegisterRow> row) => Navigation.NavigateTo($"businesses/{row.Item.BusinessId}");
}
