using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Businesses;

public partial class BusinessPage
{
    private BusinessSummary? _summary;
    private bool _refused;
    private bool _canRecord;
    private bool _isManager;
    private bool _isMentor;
    private IReadOnlyList<TabHeader> _tabs = [];
    private BusinessTab _active = BusinessTab.Plan;
    private Guid _shownId;

    /// <summary>The tabs of a business page, in the order they are shown.</summary>
    private enum BusinessTab
    {
        Plan,
        Stages,
        FourP,
        Risks,
        Decisions,
        Money,
        Timeline,
        Books,
        Reviews,
    }

    private sealed record TabHeader(BusinessTab Name, string TextKey, string Icon);

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private BusinessDirectory Directory { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    protected override Task OnParametersSetAsync()
    {
        // Another business opens on its plan, as the first one did.
        if (Id != _shownId)
        {
            _shownId = Id;
            _active = BusinessTab.Plan;
        }

        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var viewer = await Viewer.ViewerAsync();
        _canRecord = viewer.Actor.KeepsRecords;
        _isManager = viewer.Actor.IsProgrammeManager;
        _isMentor = viewer.Role == KaaryaRole.Mentor;
        _tabs = TabsFor(RecordAccess.MaySeeStaffNotes(viewer));
        if (!_tabs.Any(t => t.Name == _active))
        {
            _active = BusinessTab.Plan;
        }

        try
        {
            _summary = await Directory.GetAsync(Id, viewer);
            _refused = false;
        }
        catch (AccessDeniedException)
        {
            // Someone else's record, or an id that does not exist: the same calm answer, already audited.
            _refused = true;
        }
    }

    /// <summary>
    /// The tabs this viewer may open: the sun and cloud (staff notes) only for those who may see
    /// them. Reviews are part of her record, read by whoever may open it (the gate checks that as
    /// the tab opens), as are the other tabs.
    /// </summary>
    private static List<TabHeader> TabsFor(bool seesStaffNotes)
    {
        var tabs = new List<TabHeader>
        {
            new(BusinessTab.Plan, "Business.Plan", Icons.Material.Filled.Description),
            new(BusinessTab.Stages, "Business.Stages", Icons.Material.Filled.Timeline),
            new(BusinessTab.FourP, "Business.FourP", Icons.Material.Filled.FactCheck),
            new(BusinessTab.Risks, "Business.Risks", Icons.Material.Filled.Shield),
            new(BusinessTab.Decisions, "Business.Decisions", Icons.Material.Filled.Gavel),
            new(BusinessTab.Money, "Business.Money", Icons.Material.Filled.Payments),
        };
        if (seesStaffNotes)
        {
            tabs.Add(new(BusinessTab.Timeline, "Business.Timeline", Icons.Material.Filled.WbSunny));
        }

        tabs.Add(new(BusinessTab.Books, "Business.Books", Icons.Material.Filled.Inventory));
        tabs.Add(new(BusinessTab.Reviews, "Business.Reviews", Icons.Material.Filled.RateReview));
        return tabs;
    }

    private void Show(BusinessTab tab) => _active = tab;

    /// <summary>A tab's name in its element id and test id, e.g. "fourp".</summary>
    private static string Key(BusinessTab tab) => tab.ToString().ToLowerInvariant();
}
