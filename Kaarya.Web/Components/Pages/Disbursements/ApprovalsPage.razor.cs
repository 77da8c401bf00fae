using Kaarya.Domain.Common;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Disbursements;

public partial class ApprovalsPage
{
    private readonly Dictionary<Guid, string> _reasons = [];
    private readonly DomainAction _decide = new();
    private IReadOnlyList<PendingRequest>? _pending;

    [Inject]
    private ApprovalInbox Inbox { get; set; } = default!;

    [Inject]
    private DisbursementService Disbursements { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Text { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _pending = await Inbox.PendingAsync(await Viewer.ViewerAsync());
        foreach (var request in _pending)
        {
            _reasons.TryAdd(request.Id, string.Empty);
        }
    }

    private Task ApproveAsync(PendingRequest request) => DecideAsync(async manager =>
    {
        var entry = await Disbursements.ApproveAsync(request.Id, manager);
        Snackbar.Add(Text["Approvals.Approved", entry.Sequence], Severity.Success);
    });

    private Task RejectAsync(PendingRequest request) => DecideAsync(async manager =>
    {
        await Disbursements.RejectAsync(request.Id, manager, _reasons.GetValueOrDefault(request.Id) ?? string.Empty);
        Snackbar.Add(Text["Approvals.Rejected"], Severity.Info);
    });

    /// <summary>One decision at a time; a refusal by the programme's rules is shown in its own words.</summary>
    private Task DecideAsync(Func<Actor, Task> decide) => _decide.RunAsync(async () =>
    {
        await decide(await Viewer.ActorAsync());
        await ReloadAsync();
    });
}
