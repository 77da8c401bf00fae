using FluentValidation;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;

namespace Kaarya.Domain.Access;

/// <summary>What the programme manager fills in to add someone who signs in.</summary>
public sealed class NewUserInput
{
    public KaaryaRole? Role { get; set; }

    /// <summary>Not asked of a survivor: she signs in with her participant code.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>Not asked of a survivor: the app greets her by her code.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Only for a survivor: the participant record her account is hers to open.</summary>
    public string ParticipantCode { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(x => x.Role).NotNull().WithMessage("Choose the role.");
        When(x => x.Role is not null and not KaaryaRole.Survivor, () =>
        {
            RuleFor(x => x.UserName).RequiredText("The user name", TextLimits.UserId)
                .Must(UserAccountRules.IsUserName).WithMessage("A user name uses only small letters, digits, dots, hyphens and underscores.");
            RuleFor(x => x.DisplayName).RequiredText("The display name", TextLimits.Name);
        });
        When(x => x.Role == KaaryaRole.Survivor, () =>
            RuleFor(x => x.ParticipantCode).NotEmpty().WithMessage("Enter her participant code.")
                .Must(code => Participants.ParticipantCode.TryCreate(code, out _)).WithMessage("Codes look like KAA-07."));
        RuleFor(x => x.Password).MustBeAPassword();
    }
}

/// <summary>The new password the programme manager sets for someone who lost hers.</summary>
public sealed class NewPasswordInput
{
    public string Password { get; set; } = string.Empty;
}

public sealed class NewPasswordInputValidator : AbstractValidator<NewPasswordInput>
{
    public NewPasswordInputValidator() => RuleFor(x => x.Password).MustBeAPassword();
}

internal static class PasswordRules
{
    /// <summary>The password policy Identity enforces, said at the field before Identity is asked.</summary>
    public static IRuleBuilderOptions<T, string> MustBeAPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter a password.")
            .MinimumLength(UserAccountRules.PasswordMinLength).WithMessage($"A password has at least {UserAccountRules.PasswordMinLength} characters.")
            .Must(UserAccountRules.HasDigit).WithErrorCode("Digit").WithMessage("A password needs at least one digit.")
            .Must(UserAccountRules.HasLowerCaseLetter).WithErrorCode("LowerCase").WithMessage("A password needs at least one small letter.")
            .Must(UserAccountRules.HasDistinctCharacters).WithErrorCode("Distinct")
            .WithMessage($"A password needs at least {UserAccountRules.PasswordDistinctCharacters} different characters.");
}
