using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Participants;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Participants;

public partial class ParticipantsPage
{
    private static readonly Dictionary<string, ParticipantSort> Sorts = new(StringComparer.Ordinal)
    {
        ["Code"] = ParticipantSort.Code,
        ["GivenName"] = ParticipantSort.Name,
        ["Village"] = ParticipantSort.Village,
    };

    private MudDataGrid<ParticipantRow>? _grid;
    private string? _search;
    private string? _village;
    private PhaseChoice? _phase;
    private IReadOnlyList<string> _villages = [];
    private IReadOnlyList<PhaseChoice> _phases = [];

    [Inject]
    private ParticipantDirectory Directory { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private BusinessFilterChoices Choices { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _phases = await Choices.PhasesAsync();
        _villages = await Choices.VillagesAsync(await Viewer.ViewerAsync());
    }

    private async Task<GridData<ParticipantRow>> LoadAsync(GridState<ParticipantRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new ParticipantQuery
        {
            Page = state.Page,
            PageSize = state.PageSize,
            Search = _search,
            Village = _village,
            PhaseId = _phase?.Id,
            SortBy = sort is not null && Sorts.TryGetValue(sort.SortBy, out var by) ? by : ParticipantSort.Code,
            Descending = sort?.Descending ?? false,
        };
        var page = await Directory.PageAsync(query, await Viewer.ViewerAsync(cancellationToken), cancellationToken);
        return new GridData<ParticipantRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private Task VillageChangedAsync(string? village)
    {
        _village = village;
        return ReloadAsync();
    }

    private Task PhaseChangedAsync(PhaseChoice? phase)
    {
        _phase = phase;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _grid.ReloadFromFirstPageAsync();
}
