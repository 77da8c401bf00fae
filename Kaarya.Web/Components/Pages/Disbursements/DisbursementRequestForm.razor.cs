using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Features.Funding;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Disbursements;

/// <summary>
/// Staff record a tranche against an immediate decision. The form keeps one idempotency key for
/// its whole life, so a double click or a resubmission records one request.
/// </summary>
public partial class DisbursementRequestForm
{
    private static readonly DisbursementRequestInputValidator Validator = new();
    private Func<object, string, Task<IEnumerable<string>>> CheckField => field ??= MudValidation.For(Validator, T);
    private DisbursementRequestInput _input = new();
    private readonly DomainAction _submit = new();
    private MudForm? _form;

    // A new key after a save gives a fresh form: no field keeps the errors of the record just saved.
    private int _blank;

    [Parameter, EditorRequired]
    public Guid DecisionId { get; set; }

    [Parameter, EditorRequired]
    public Money StillToPay { get; set; }

    [Parameter]
    public Guid FunderId { get; set; }

    [Parameter]
    public EventCallback OnRecorded { get; set; }

    [Inject]
    private DisbursementService Disbursements { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Text { get; set; } = default!;

    [Inject]
    private FunderDirectory Funders { get; set; } = default!;

    private DateTime? ValueDate
    {
        get => PickerDates.ToPicker(_input.ValueDate);
        set => _input.ValueDate = PickerDates.FromPicker(value);
    }

    private string? AmountHelp => Money.TryParse(_input.Amount, out var amount) ? amount.ToString() : null;

    protected override async Task OnParametersSetAsync()
    {
        _input.DecisionId = DecisionId;
        _input.FunderId = FunderId != Guid.Empty ? FunderId : await Funders.DefaultFunderForAsync(DecisionId);
    }

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

        await Disbursements.RecordRequestAsync(_input, await Viewer.ActorAsync());
        Snackbar.Add(Text["Request.Recorded"], Severity.Success);
        _input = new DisbursementRequestInput { DecisionId = DecisionId, FunderId = _input.FunderId };
        _blank++;
        await OnRecorded.InvokeAsync();
    });
}
