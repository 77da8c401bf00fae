using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kaarya.Web.Components.Pages.Users;

/// <summary>
/// The programme manager's list of everyone who signs in, with a new password, deactivation and
/// reactivation for each. Deactivating asks first, naming the account: it ends her sessions.
/// </summary>
public partial class UsersPage
{
    private static readonly NewPasswordInputValidator PasswordValidator = new();
    private readonly DomainAction _change = new();
    private IReadOnlyList<UserAccountRow>? _accounts;
    private string? _resetFor;
    private string? _deactivateFor;
    private NewPasswordInput _newPassword = new();
    private MudForm? _resetForm;

    [Inject]
    private UserAccounts Accounts { get; set; } = default!;

    [Inject]
    private CurrentViewer Viewer { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Text { get; set; } = default!;

    private Func<object, string, Task<IEnumerable<string>>> CheckPassword => field ??= MudValidation.For(PasswordValidator, Text);

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => _accounts = await Accounts.ListAsync(await Viewer.ActorAsync());

    private void ChooseForReset(string userName)
    {
        _deactivateFor = null;
        _resetFor = userName;
        _newPassword = new NewPasswordInput();
    }

    /// <summary>Asks only when the rules allow it: her own account is refused before she confirms anything.</summary>
    private Task ChooseForDeactivationAsync(string userName) => _change.RunAsync(async () =>
    {
        UserAccountRules.MayChangeAccess(await Viewer.ActorAsync(), userName, deactivating: true);
        _resetFor = null;
        _deactivateFor = userName;
    });

    private Task ResetPasswordAsync() => ChangeAsync(async manager =>
    {
        await _resetForm!.ValidateAsync();
        if (!_resetForm.IsValid)
        {
            return;
        }

        await Accounts.ResetPasswordAsync(_resetFor!, _newPassword, manager);
        Snackbar.Add(Text["Users.PasswordSet", _resetFor!], Severity.Success);
        _resetFor = null;
        _newPassword = new NewPasswordInput();
    });

    private Task DeactivateAsync() => ChangeAsync(async manager =>
    {
        var userName = _deactivateFor!;
        _deactivateFor = null;
        await Accounts.DeactivateAsync(userName, manager);
        Snackbar.Add(Text["Users.Deactivated", userName], Severity.Info);
    });

    private Task ReactivateAsync(string userName) => ChangeAsync(async manager =>
    {
        await Accounts.ReactivateAsync(userName, manager);
        Snackbar.Add(Text["Users.Reactivated", userName], Severity.Success);
    });

    /// <summary>One change at a time; a refusal by the rules is shown above the list in the screen's language.</summary>
    private Task ChangeAsync(Func<Actor, Task> change) => _change.RunAsync(async () =>
    {
        await change(await Viewer.ActorAsync());
        await ReloadAsync();
    });
}
