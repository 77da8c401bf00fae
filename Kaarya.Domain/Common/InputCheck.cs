using FluentValidation;

namespace Kaarya.Domain.Common;

/// <summary>
/// Runs an input model's validator where a use case receives it, so that a form that skipped
/// validation (or a caller without a form) still meets the same field rules.
/// </summary>
public static class InputCheck
{
    public static void Ensure<T>(IValidator<T> validator, T input)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(input);
        if (!result.IsValid)
        {
            throw new DomainException("input-invalid", $"{string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct())}");
        }
    }
}
