using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Plans;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Businesses.Plans;

public partial class PlanForm
{
    private static readonly PlanInputValidator Validator = new();
    private static readonly PlanLineInputValidator LineValidator = new();

    /// <summary>The written parts whose text the browser keeps as she types (decision 0011).</summary>
    private static readonly string[] DraftedParts =
    [
        nameof(PlanInput.ProductsAndServices),
        nameof(PlanInput.Customers),
        nameof(PlanInput.SupportersAndChallengers),
        nameof(PlanInput.NextSteps),
    ];

    private Func<object, string, Task<IEnumerable<string>>> Validate => field ??= MudValidation.For(Validator, T);
    private readonly DomainAction _submit = new();
    private PlanInput _input = new();
    private IReadOnlyList<string> _usesErrors = [];
    private MudForm? _form;
    private (Guid Business, int Version)? _startedFrom;

    /// <summary>The version someone else saved while this form was open; set when her save is refused for it.</summary>
    private BusinessPlan? _newer;
    private bool _newerShown;

    [Inject]
    private PlanService Plans { get; set; } = default!;

    [Inject]
    private PlanReader Reader { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private DraftStore Drafts { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid BusinessId { get; set; }

    /// <summary>The latest version, which a revision starts from; null before the first plan.</summary>
    [Parameter]
    public BusinessPlan? Latest { get; set; }

    [Parameter]
    public EventCallback<int> OnSaved { get; set; }

    private DateTime? DraftedOn
    {
        get => PickerDates.ToPicker(_input.DraftedOn);
        set => _input.DraftedOn = PickerDates.FromPicker(value);
    }

    /// <summary>
    /// Starts the form from the latest version only when it is given a different one: the tab
    /// re-renders for other reasons (a version chip clicked), and that must not wipe what she typed.
    /// </summary>
    protected override void OnParametersSet()
    {
        var startFrom = (BusinessId, Latest?.Version ?? 0);
        if (_startedFrom == startFrom)
        {
            return;
        }

        _startedFrom = startFrom;
        var today = ProgrammeCalendar.Today(Clock);
        _input = Latest is null
            ? new PlanInput { BusinessId = BusinessId, DraftedOn = today, IntendedUses = [new()] }
            : PlanInput.From(Latest, today);
        _newer = null;
        _newerShown = false;
    }

    private string DraftKey(string part) => DraftStore.ForPlan(BusinessId, part);

    private static string SavedAt(BusinessPlan plan) =>
        plan.CreatedAt.ToOffset(ProgrammeCalendar.IndiaOffset).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    private Task SubmitAsync() => _submit.RunAsync(SaveAsync);

    /// <summary>She has seen the newer version beside hers and saves hers after it, on purpose.</summary>
    private Task SaveOverNewerAsync() => _submit.RunAsync(async () =>
    {
        _input.StartedFromVersion = _newer!.Version;
        await SaveAsync();
    });

    private async Task SaveAsync()
    {
        await TakeDraftsAsync();
        await _form!.ValidateAsync();
        _usesErrors = MudValidation.ListErrors(Validator, _input, nameof(PlanInput.IntendedUses), T);
        if (!_form.IsValid || _usesErrors.Count > 0)
        {
            return;
        }

        int version;
        try
        {
            version = await Plans.SaveVersionAsync(_input, await Viewer.ActorAsync());
        }
        catch (DomainException refused) when (refused.Code == BusinessPlan.ChangedMeanwhile)
        {
            // Her text and her drafts stay as they are; she is shown who saved what, and when.
            _newer = await Reader.LatestAsync(BusinessId, await Viewer.ViewerAsync());
            _newerShown = false;
            throw;
        }

        foreach (var part in DraftedParts)
        {
            await Drafts.ClearAsync(DraftKey(part));
        }

        Snackbar.Add(T["PlanForm.Saved", version], Severity.Success);
        await OnSaved.InvokeAsync(version);
    }

    /// <summary>Words typed while the circuit was away reached the browser's draft, not the server: the draft is the truth.</summary>
    private async Task TakeDraftsAsync()
    {
        foreach (var part in DraftedParts)
        {
            if (await Drafts.LoadAsync(DraftKey(part)) is not { } kept)
            {
                continue;
            }

            switch (part)
            {
                case nameof(PlanInput.ProductsAndServices): _input.ProductsAndServices = kept; break;
                case nameof(PlanInput.Customers): _input.Customers = kept; break;
                case nameof(PlanInput.SupportersAndChallengers): _input.SupportersAndChallengers = kept; break;
                default: _input.NextSteps = kept; break;
            }
        }
    }
}
