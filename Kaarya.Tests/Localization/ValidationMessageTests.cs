using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentValidation;
using FluentValidation.Validators;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Web.Components.Forms;

namespace Kaarya.Tests.Localization;

/// <summary>
/// Every message a form can show comes in English and in Bengali. The rules are read from the
/// validators themselves (FluentValidation's descriptor), so a rule added to any validator in
/// Kaarya.Domain without its keys fails here, before a Bengali screen answers in English.
/// </summary>
public sealed partial class ValidationMessageTests
{
    private static readonly string Resources = Repository.PathTo("Kaarya.Web", "Resources");

    /// <summary>Kept worded for her on purpose: her forms say it more warmly than the validator's English.</summary>
    private static readonly HashSet<string> Reworded =
    [
        "Validation.HerWordsInput.Words.NotEmptyValidator",
        "Validation.HerWordsInput.Words.MaximumLengthValidator",
    ];

    [Fact]
    public void Every_rule_a_form_can_show_has_its_message_in_English_and_in_Bengali()
    {
        var english = Strings("UiText.resx");
        var bengali = Strings("UiText.bn-IN.resx");
        var shown = ShownRules(typeof(Money).Assembly).ToList();

        Assert.NotEmpty(shown);
        Assert.Empty(shown.Where(r => !english.ContainsKey(r.Key)).Select(r => $"{r.Key} (\"{r.Message}\") is missing from UiText.resx"));
        Assert.Empty(shown.Where(r => !bengali.ContainsKey(r.Key)).Select(r => $"{r.Key} (\"{r.Message}\") is missing from UiText.bn-IN.resx"));
    }

    [Fact]
    public void The_English_message_is_the_one_the_validator_gives()
    {
        var english = Strings("UiText.resx");

        var different = ShownRules(typeof(Money).Assembly)
            .Where(r => english.ContainsKey(r.Key) && !Reworded.Contains(r.Key))
            .Where(r => Filled(english[r.Key], r) != r.Message)
            .Select(r => $"{r.Key}: resources say \"{english[r.Key]}\", the validator \"{r.Message}\"");

        Assert.Empty(different);
    }

    [Fact]
    public void The_Bengali_message_is_written_in_Bengali()
    {
        var bengali = Strings("UiText.bn-IN.resx");

        var untranslated = ShownRules(typeof(Money).Assembly)
            .Where(r => bengali.TryGetValue(r.Key, out var value) && !BengaliLetter().IsMatch(value))
            .Select(r => $"{r.Key}: \"{bengali[r.Key]}\"");

        Assert.Empty(untranslated);
    }

    [Fact]
    public void A_rule_a_form_can_show_has_a_message_of_its_own_not_the_library_default()
    {
        var defaults = ShownRules(typeof(Money).Assembly).Where(r => r.IsLibraryDefault).Select(r => $"{r.Key}: \"{r.Message}\"");

        Assert.Empty(defaults);
    }

    [Fact]
    public void A_rule_added_without_its_keys_is_found()
    {
        var english = Strings("UiText.resx");

        var rules = ShownRules(typeof(ValidationMessageTests).Assembly).ToList();

        Assert.Contains(rules, r => r.Key == "Validation.UnkeyedInput.Village.NotEmptyValidator");
        Assert.Contains(rules, r => r.Key == "Validation.UnkeyedLineInput.Amount.PredicateValidator");
        Assert.DoesNotContain(rules, r => english.ContainsKey(r.Key));
        Assert.DoesNotContain(rules, r => r.Key.Contains(".Id.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Costs[3].Amount", "NotEmptyValidator", "Validation.PlanLineInput.Amount.NotEmptyValidator")]
    [InlineData("IntendedUses[0].Description", "MaximumLengthValidator", "Validation.PlanLineInput.Description.MaximumLengthValidator")]
    [InlineData("IntendedUses", "NotEmptyValidator", "Validation.PlanInput.IntendedUses.NotEmptyValidator")]
    [InlineData("NextSteps", "NotEmptyValidator", "Validation.PlanInput.NextSteps.NotEmptyValidator")]
    public void A_line_of_a_list_is_keyed_by_its_own_input_whatever_its_index(string property, string rule, string key) =>
        Assert.Equal(key, ValidationKeys.For(typeof(PlanInput), property, rule));

    [Fact]
    public void A_translated_message_takes_the_rule_limit()
    {
        var failure = new PlanLineInputValidator().Validate(new PlanLineInput { Description = new string('x', TextLimits.Line + 1), Amount = "0" }).Errors.Single();

        Assert.Equal($"বিবরণ {TextLimits.Line} অক্ষরের বেশি।", ValidationKeys.Fill("বিবরণ {MaxLength} অক্ষরের বেশি।", failure.FormattedMessagePlaceholderValues));
    }

    /// <summary>
    /// Each rule of each validator in the assembly, keyed as the forms look it up. Left out: rules
    /// on an id (set by the page, never typed) or on a choice from a list of an enum's own values
    /// that keep FluentValidation's default message; no form can make them fail.
    /// </summary>
    private static IEnumerable<ShownRule> ShownRules(System.Reflection.Assembly assembly) =>
        from type in assembly.GetTypes()
        where !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null
        let model = ValidatedType(type)
        where model is not null
        let descriptor = ((IValidator)Activator.CreateInstance(type)!).CreateDescriptor()
        from rule in descriptor.Rules
        from component in rule.Components
        where component.Validator is not IChildValidatorAdaptor
        let message = component.GetUnformattedErrorMessage()
        let isDefault = message.Contains("{PropertyName}", StringComparison.Ordinal)
        let valueType = Nullable.GetUnderlyingType(rule.TypeToValidate) ?? rule.TypeToValidate
        where !(isDefault && (valueType == typeof(Guid) || valueType.IsEnum))
        select new ShownRule(
            ValidationKeys.For(model, rule.PropertyName, component.ErrorCode ?? component.Validator.Name),
            message,
            isDefault,
            (component.Validator as ILengthValidator)?.Max);

    private static Type? ValidatedType(Type validator)
    {
        for (var type = validator.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static string Filled(string resource, ShownRule rule) =>
        rule.MaxLength is { } max ? resource.Replace("{MaxLength}", max.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : resource;

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"[\u0980-\u09FF]")]
    private static partial Regex BengaliLetter();

    private sealed record ShownRule(string Key, string Message, bool IsLibraryDefault, int? MaxLength);
}

/// <summary>A form's input as someone might add it tomorrow, with no keys in the resources.</summary>
public sealed class UnkeyedInput
{
    public Guid Id { get; set; }

    public string Village { get; set; } = string.Empty;

    public List<UnkeyedLineInput> Lines { get; set; } = [];
}

public sealed class UnkeyedLineInput
{
    public string Amount { get; set; } = string.Empty;
}

public sealed class UnkeyedInputValidator : AbstractValidator<UnkeyedInput>
{
    public UnkeyedInputValidator()
    {
        RuleFor(x => x.Id).NotEmpty();
        RuleFor(x => x.Village).NotEmpty().WithMessage("Enter the village.");
        RuleForEach(x => x.Lines).SetValidator(new UnkeyedLineInputValidator());
    }
}

public sealed class UnkeyedLineInputValidator : AbstractValidator<UnkeyedLineInput>
{
    public UnkeyedLineInputValidator() =>
        RuleFor(x => x.Amount).Must(a => a.Length > 0).WithMessage("Enter the amount.");
}
