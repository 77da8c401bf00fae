using FluentValidation;

namespace Kaarya.Domain.Common;

/// <summary>Field rules shared by the input validators, so a form says the same thing everywhere.</summary>
public static class InputRules
{
    /// <summary>An amount typed as people type it (12,500 or 12500), more than ₹0.</summary>
    public static IRuleBuilderOptions<T, string> MustBeRupees<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter an amount in rupees.")
            .Must(text => Money.TryParse(text, out var money) && money.IsPositive)
            .WithMessage("Enter an amount in rupees, such as 12,500 or 12500.50.");

    /// <summary>An amount that may be ₹0 (an income not yet earned, a cost not yet known).</summary>
    public static IRuleBuilderOptions<T, string> MustBeRupeesOrZero<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter an amount in rupees; 0 if there is none.")
            .Must(text => Money.TryParse(text, out var money) && !money.IsNegative)
            .WithMessage("Enter an amount in rupees, such as 12,500 or 0.");

    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, string what, int maxLength) =>
        rule.NotEmpty().WithMessage($"{what} is required.")
            .MaximumLength(maxLength).WithMessage($"{what} is longer than {maxLength} characters.");
}
