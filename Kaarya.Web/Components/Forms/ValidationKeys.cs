using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace Kaarya.Web.Components.Forms;

/// <summary>
/// Where a validator's message is found in the resources: <c>Validation.{Model}.{Property}.{Rule}</c>,
/// where Model is the input that owns the property. A line of a list (<c>Costs[2].Amount</c>) is keyed
/// by its own input (<c>Validation.PlanLineInput.Amount.…</c>), so every line, and the line's own
/// editor, share one key whichever form shows it.
/// </summary>
public static partial class ValidationKeys
{
    public static string For(Type model, string propertyPath, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(propertyPath);
        var segments = propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => Index().Replace(s, string.Empty)).ToArray();
        if (segments.Length == 0)
        {
            return $"Validation.{model.Name}.{errorCode}";
        }

        var owner = model;
        foreach (var segment in segments[..^1])
        {
            var property = owner.GetProperty(segment);
            if (property is null)
            {
                return $"Validation.{model.Name}.{string.Join('.', segments)}.{errorCode}";
            }

            owner = ItemType(property.PropertyType);
        }

        return $"Validation.{owner.Name}.{segments[^1]}.{errorCode}";
    }

    public static string For<T>(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return For(typeof(T), failure.PropertyName, failure.ErrorCode);
    }

    /// <summary>
    /// Puts the failure's values into a translated message: <c>{MaxLength}</c> becomes the limit the
    /// rule checked, so a limit changed in the domain is never contradicted by a stale resource.
    /// </summary>
    public static string Fill(string message, IReadOnlyDictionary<string, object>? values)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (values is null || values.Count == 0)
        {
            return message;
        }

        return Placeholder().Replace(message, m => values.TryGetValue(m.Groups["name"].Value, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty
            : m.Value);
    }

    private static Type ItemType(Type type)
    {
        if (type == typeof(string))
        {
            return type;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? type;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
