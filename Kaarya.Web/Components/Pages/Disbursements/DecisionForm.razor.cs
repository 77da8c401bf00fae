using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Disbursements;

/// <summary>Records a decision for a business; the band and its override are the domain's to judge.</summary>
public partial class DecisionForm
{
    private static readonly DecisionInputValidator Validator = new();
    private Func<object, string, Task<IEnumerable<string>>> CheckField => field ??= MudValidation.For(Validator, T);
    private DecisionInput _input = new();
    private DecisionGrounds? _grounds;
    private readonly DomainAction _submit = new();
    private MudForm? _form;

    // A new key after a save gives a fresh form: no field keeps the errors of the record just saved.
    private int _blank;

    [Parameter, EditorRequired]
    public Guid BusinessId { get; set; }

    [Parameter]
    public bool IsManager { get; set; }

    [Parameter]
    public EventCallback OnRecorded { get; set; }

    [Inject]
    private DecisionService Decisions { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Text { get; set; } = default!;

    private DateTime? DecidedOn
    {
        get => PickerDates.ToPicker(_input.DecidedOn);
        set => _input.DecidedOn = PickerDates.FromPicker(value);
    }

    private DateTime? FollowUpOn
    {
        get => PickerDates.ToPicker(_input.FollowUpOn);
        set => _input.FollowUpOn = PickerDates.FromPicker(value);
    }

    private string? AmountHelp => Money.TryParse(_input.Amount, out var amount) ? amount.ToString() : null;

    protected override async Task OnParametersSetAsync()
    {
        _grounds = await Decisions.GroundsAsync(BusinessId);
        Reset();
    }

    private void Reset() => _input = _grounds is null
        ? new DecisionInput()
        : new DecisionInput { BusinessId = BusinessId, PhaseId = _grounds.PhaseId, StocktakingId = _grounds.StocktakingId, RiskAssessmentId = _grounds.RiskAssessmentId };

    private Task SubmitAsync() => _submit.RunAsync(async () =>
    {
        if (_form is null)
        {
            return;
        }

        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        await Decisions.RecordAsync(_input, await Viewer.ActorAsync());
        Snackbar.Add(Text["DecisionForm.Recorded"], Severity.Success);
        Reset();
        _blank++;
        await OnRecorded.InvokeAsync();
    });
}
