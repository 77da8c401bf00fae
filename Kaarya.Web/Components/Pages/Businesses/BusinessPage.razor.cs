using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace Kaarya.Web.Components.Pages.Businesses;

public partial class BusinessPage
{
    private BusinessSummary? _summary;
    private bool _refused;
    private bool _seesStaffNotes;
    private bool _canRecord;
    private bool _isManager;
    private bool _isMentor;
    private bool _readsReviews;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private BusinessDirectory Directory { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var viewer = await Viewer.ViewerAsync();
        _seesStaffNotes = RecordAccess.MaySeeStaffNotes(viewer);
        _canRecord = viewer.Actor.KeepsRecords;
        _isManager = viewer.Actor.IsProgrammeManager;
        _isMentor = viewer.Role == KaaryaRole.Mentor;

        // Reviews are part of her record: staff and her mentor read them; auditors do not.
        _readsReviews = viewer.Actor.KeepsRecords || _isMentor;
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
}
