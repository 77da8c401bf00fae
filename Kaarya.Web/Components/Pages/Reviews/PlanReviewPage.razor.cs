using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Domain.Reviews;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Reviews;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Reviews;

/// <summary>
/// A mentor goes through a survivor's latest plan with her, one part at a time with a note beside
/// each, then records what they discussed, the changes agreed and the next review date. The
/// survivor then acknowledges it on the same phone, with her own password (<see cref="AcknowledgeStep"/>).
/// </summary>
public partial class PlanReviewPage
{
    private const string DiscussedField = "discussed";
    private const string ChangesField = "changes";
    private const string ReviewedOnField = "reviewed-on";
    private const string NextReviewOnField = "next-review-on";
    private static readonly MentorReviewInputValidator Validator = new();
    private static readonly PlanPart[] Parts = Enum.GetValues<PlanPart>();

    private readonly DomainAction _record = new();
    private Func<object, string, Task<IEnumerable<string>>> _validate = default!;
    private PlanReviewSession? _session;
    private MentorReviewInput _input = new();
    private MudForm? _form;
    private bool _refused;
    private bool _draftsRestored;
    private int _step;
    private int _blank;
    private int _acknowledgedCount;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private MentorReviewReader Reader { get; set; } = default!;

    [Inject]
    private MentorReviewService Reviews { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private DraftStore Drafts { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Each part of the plan, then the review's summary.</summary>
    private static int StepCount => Parts.Length + 1;

    private DateTime? ReviewedOn
    {
        get => PickerDates.ToPicker(_input.ReviewedOn);
        set => _input.ReviewedOn = PickerDates.FromPicker(value);
    }

    private DateTime? NextReviewOn
    {
        get => PickerDates.ToPicker(_input.NextReviewOn);
        set => _input.NextReviewOn = PickerDates.FromPicker(value);
    }

    protected override void OnInitialized() => _validate = MudValidation.For(Validator, T);

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (_session?.LatestPlan is { } plan)
        {
            StartBlank(plan);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Notes typed before the page reloaded (a circuit that did not come back) are put back once the plan is on screen.
        if (!_draftsRestored && _session?.LatestPlan is not null)
        {
            _draftsRestored = true;
            if (await ApplyDraftsAsync())
            {
                StateHasChanged();
            }
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _session = await Reader.SessionAsync(Id, await Viewer.ViewerAsync());
            _refused = false;
        }
        catch (AccessDeniedException)
        {
            // Not her assigned mentor, or no such business: the same calm answer, already audited.
            _refused = true;
        }
    }

    private void StartBlank(BusinessPlan plan)
    {
        var today = ProgrammeCalendar.Today(Clock);
        _input = MentorReviewInput.For(plan, today);
        _input.NextReviewOn = MentorReviewInput.ProposedNextReview(today);
        _step = 0;
    }

    private string DraftKey(string field) => DraftStore.ForReview(_input.BusinessPlanId, field);

    private IEnumerable<(string Key, Action<string> Apply, Func<string> Current)> DraftFields() =>
        Parts.Select(part => (DraftKey(part.ToString()), (Action<string>)(text => _input.Section(part).Note = text), (Func<string>)(() => _input.Section(part).Note)))
            .Append((DraftKey(DiscussedField), text => _input.Discussed = text, () => _input.Discussed))
            .Append((DraftKey(ChangesField), text => _input.ChangesAgreed = text, () => _input.ChangesAgreed))
            .Append((DraftKey(ReviewedOnField), text => ApplyDate(text, date => _input.ReviewedOn = date), () => Shown(_input.ReviewedOn)))
            .Append((DraftKey(NextReviewOnField), text => ApplyDate(text, date => _input.NextReviewOn = date), () => Shown(_input.NextReviewOn)));

    // A date is kept as the field shows it (dd-MM-yyyy). Half-typed or unreadable text is not a date:
    // the form keeps the date it has rather than guess (decision 0017).
    private static void ApplyDate(string text, Action<DateOnly> apply)
    {
        if (DateFormats.TryRead(text, out var date))
        {
            apply(date);
        }
    }

    private static string Shown(DateOnly? date) => date is { } value ? DateFormats.Show(value) : string.Empty;

    /// <summary>A date chosen from the calendar fires nothing the browser keeps; the form keeps it itself.</summary>
    private async Task KeepDateDraftsAsync()
    {
        await Drafts.SaveAsync(DraftKey(ReviewedOnField), Shown(_input.ReviewedOn));
        await Drafts.SaveAsync(DraftKey(NextReviewOnField), Shown(_input.NextReviewOn));
    }

    /// <summary>Takes what the browser kept of each field; true if anything differed from the form.</summary>
    private async Task<bool> ApplyDraftsAsync()
    {
        var changed = false;
        foreach (var (key, apply, current) in DraftFields())
        {
            if (await Drafts.LoadAsync(key) is { } kept && kept != current())
            {
                apply(kept);
                changed = true;
            }
        }

        return changed;
    }

    private void Next()
    {
        _record.Dismiss();
        _step = Math.Min(_step + 1, Parts.Length);
    }

    private void Back()
    {
        _record.Dismiss();
        _step = Math.Max(_step - 1, 0);
    }

    private Func<DateTime?, IEnumerable<string>> DateCheck(string property) =>
        _ => MudValidation.ErrorsFor(Validator, _input, property, T);

    private Task RecordAsync() => _record.RunAsync(async () =>
    {
        // What the browser kept is what she typed last, even if the circuit missed some of it.
        if (await ApplyDraftsAsync())
        {
            StateHasChanged();
            await Task.Yield();
        }

        await _form!.ValidateAsync();
        var invalid = Validator.Validate(_input);
        if (!_form.IsValid || !invalid.IsValid)
        {
            // A rule about a part (a note too long) is shown on the summary, where the record button is.
            throw new DomainException("input-invalid", $"{string.Join(" ", invalid.Errors.Select(e => MudValidation.Say<MentorReviewInput>(T, e)).Distinct())}");
        }

        await Reviews.RecordAsync(_input, await Viewer.ViewerAsync());
        foreach (var (key, _, _) in DraftFields())
        {
            await Drafts.ClearAsync(key);
        }

        Snackbar.Add(T["Review.Recorded"], Severity.Success);
        await LoadAsync();
        StartBlank(_session!.LatestPlan!);
        _blank++;
    });

    private async Task AcknowledgedAsync()
    {
        _acknowledgedCount++;
        await LoadAsync();
    }
}
