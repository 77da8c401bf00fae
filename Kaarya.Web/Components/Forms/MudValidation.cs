using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Kaarya.Web.Components.Forms;

/// <summary>
/// Plugs a domain validator into <c>MudForm.Validation</c>: each field is checked by the same
/// FluentValidation rules the use case re-runs, and the message shows at the field.
/// </summary>
public static class MudValidation
{
    /// <summary>
    /// Each message in the screen's language: key <c>Validation.{Model}.{Property}.{Rule}</c> (the rule
    /// is FluentValidation's error code, e.g. NotEmptyValidator; see <see cref="ValidationKeys"/>).
    /// Every form uses it, the survivor's and staff's alike, so a Bengali screen never answers in
    /// English; <c>ValidationMessageTests</c> fails when a rule a form can show has no key.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(localizer);
        return async (model, propertyName) =>
        {
            var context = ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName));
            var result = await validator.ValidateAsync(context);
            return result.IsValid ? [] : result.Errors.Select(e => Say<T>(localizer, e)).Distinct().ToList();
        };
    }

    /// <summary>One failure in the screen's language, or in the validator's English when no key says it.</summary>
    public static string Say<T>(IStringLocalizer localizer, ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(failure);
        var translated = localizer[ValidationKeys.For<T>(failure)];
        return translated.ResourceNotFound ? failure.ErrorMessage : ValidationKeys.Fill(translated.Value, failure.FormattedMessagePlaceholderValues);
    }

    /// <summary>One property's messages, for a field bound to something other than the model (a search box, say).</summary>
    public static IEnumerable<string> ErrorsFor<T>(IValidator<T> validator, T model, string propertyName, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(model, options => options.IncludeProperties(propertyName)).Errors.Select(e => Say<T>(localizer, e)).Distinct().ToList();
    }

    /// <summary>
    /// A field's own check, for a field MudForm cannot trace back to the model: a date picker over
    /// a <see cref="DateOnly"/>, or a field of one line of a list.
    /// </summary>
    public static Func<TValue, IEnumerable<string>> Field<TModel, TValue>(IValidator<TModel> validator, TModel model, string propertyName, IStringLocalizer localizer) =>
        _ => ErrorsFor(validator, model, propertyName, localizer);

    /// <summary>The messages about a list itself ("list at least one…"), not about its lines.</summary>
    public static IReadOnlyList<string> ListErrors<T>(IValidator<T> validator, T model, string propertyName, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(model, options => options.IncludeProperties(propertyName)).Errors
            .Where(e => e.PropertyName == propertyName)
            .Select(e => Say<T>(localizer, e))
            .Distinct()
            .ToList();
    }
}
