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
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return async (model, propertyName) =>
        {
            var context = ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName));
            var result = await validator.ValidateAsync(context);
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
        };
    }

    /// <summary>
    /// As <see cref="For{T}(IValidator{T})"/>, with each message in the screen's language where the
    /// resources have one: key <c>Validation.{Model}.{Property}.{Rule}</c> (the rule is
    /// FluentValidation's error code, e.g. NotEmptyValidator). The survivor's forms use it, so a
    /// Bengali screen never answers her in English.
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
        var translated = localizer[$"Validation.{typeof(T).Name}.{failure.PropertyName}.{failure.ErrorCode}"];
        return translated.ResourceNotFound ? failure.ErrorMessage : translated.Value;
    }

    /// <summary>One property's messages, for a field bound to something other than the model (a search box, say).</summary>
    public static IEnumerable<string> ErrorsFor<T>(IValidator<T> validator, T model, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(model, options => options.IncludeProperties(propertyName)).Errors.Select(e => e.ErrorMessage).Distinct().ToList();
    }

    /// <summary>As <see cref="ErrorsFor{T}(IValidator{T}, T, string)"/>, in the screen's language where the resources say it.</summary>
    public static IEnumerable<string> ErrorsFor<T>(IValidator<T> validator, T model, string propertyName, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(model, options => options.IncludeProperties(propertyName)).Errors.Select(e => Say<T>(localizer, e)).Distinct().ToList();
    }

    /// <summary>
    /// A field's own check, for a field MudForm cannot trace back to the model: a date picker over
    /// a <see cref="DateOnly"/>, or a field of one line of a list.
    /// </summary>
    public static Func<TValue, IEnumerable<string>> Field<TModel, TValue>(IValidator<TModel> validator, TModel model, string propertyName) =>
        _ => ErrorsFor(validator, model, propertyName);

    /// <summary>The messages about a list itself ("list at least one…"), not about its lines.</summary>
    public static IReadOnlyList<string> ListErrors<T>(IValidator<T> validator, T model, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(model, options => options.IncludeProperties(propertyName)).Errors
            .Where(e => e.PropertyName == propertyName)
            .Select(e => e.ErrorMessage)
            .Distinct()
            .ToList();
    }
}
