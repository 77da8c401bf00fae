using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kaarya.Tests.Localization;

/// <summary>
/// Every word on screen comes from the resources, in English and in Bengali alike: a key missing
/// from one language, a placeholder lost in translation, or text typed straight into a .razor
/// file fails here before a survivor meets it.
/// </summary>
public sealed partial class LocalizationTests
{
    private static readonly string Resources = Repository.PathTo("Kaarya.Web", "Resources");

    public static TheoryData<string> Languages => ["bn-IN"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_exists_in_English_and_in_the_other_language(string culture)
    {
        var english = Strings("UiText.resx");
        var other = Strings($"UiText.{culture}.resx");

        Assert.Empty(english.Keys.Except(other.Keys).Select(k => $"{k} is missing from {culture}"));
        Assert.Empty(other.Keys.Except(english.Keys).Select(k => $"{k} is in {culture} but not in English"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_translation_keeps_every_placeholder_of_the_English(string culture)
    {
        var english = Strings("UiText.resx");
        var other = Strings($"UiText.{culture}.resx");

        var lost = english.Where(e => other.ContainsKey(e.Key))
            .Where(e => !Placeholders(e.Value).SetEquals(Placeholders(other[e.Key])))
            .Select(e => $"{e.Key}: \"{e.Value}\" / \"{other[e.Key]}\"");

        Assert.Empty(lost);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_value_is_left_empty(string culture)
    {
        Assert.Empty(Strings("UiText.resx").Concat(Strings($"UiText.{culture}.resx")).Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key));
    }

    [Fact]
    public void Every_key_a_razor_file_names_exists()
    {
        var keys = Strings("UiText.resx").Keys.ToHashSet(StringComparer.Ordinal);

        var unknown = RazorFiles()
            .SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(m => (file, key: m.Groups["key"].Value)))
            .Where(use => !keys.Contains(use.key))
            .Select(use => $"{Path.GetFileName(use.file)}: {use.key}");

        Assert.Empty(unknown);
    }

    [Fact]
    public void No_razor_file_shows_text_that_bypasses_the_localizer()
    {
        var bypassing = RazorFiles().SelectMany(file => RazorText.LiteralText(File.ReadAllText(file)).Select(text => $"{Path.GetFileName(file)}: \"{text}\""));

        Assert.Empty(bypassing);
    }

    [Fact]
    public void The_check_for_literal_text_finds_text_and_attributes_but_not_code()
    {
        const string razor = """
            @if (_open)
            {
                <MudText>@T["Plan.None"] · @DateFormats.Show(day)</MudText>
                <MudButton OnClick="() => _shown = items.Where(i => i.Count > 1)">Save the plan</MudButton>
                <MudTextField Label="Given name" Value="@name" />
                <MudTextField Label="@T["Plan.Products"]" data-testid="plan-products" />
            }
            else
            {
                <span>#@entry.Sequence — </span>
            }
            @* a comment with words *@
            @code {
                private string Words => "not shown";
            }
            """;

        Assert.Equal(["Save the plan", "Label=\"Given name\""], RazorText.LiteralText(razor));
    }

    private static IEnumerable<string> RazorFiles() =>
        Directory.EnumerateFiles(Repository.PathTo("Kaarya.Web", "Components"), "*.razor", SearchOption.AllDirectories);

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string value) => [.. Placeholder().Matches(value).Select(m => m.Value)];

    [GeneratedRegex(@"\{(\d+|[A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bT\[""(?<key>[^""{]+)""")]
    private static partial Regex LocalizerKey();
}
