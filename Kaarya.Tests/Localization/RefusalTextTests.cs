using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kaarya.Tests.Localization;

/// <summary>
/// Every refusal a person can meet is said in the screen's language with its values: each code the
/// domain or the web layer raises has its sentence in English and in Bengali, with a place for each
/// value the rule gives, and no page shows the domain's English sentence past the translation.
/// </summary>
public sealed partial class RefusalTextTests
{
    private static readonly string Resources = Repository.PathTo("Kaarya.Web", "Resources");

    public static TheoryData<string> Files => ["UiText.resx", "UiText.bn-IN.resx"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_refusal_the_source_can_raise_has_its_sentence(string file)
    {
        var sentences = Strings(file);

        var missing = Sites().Where(site => !sentences.ContainsKey(site.Key)).Select(Where).Distinct();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_refusals_sentence_has_a_place_for_each_value_the_rule_gives_and_no_more(string file)
    {
        var sentences = Strings(file);

        var mismatched = Sites()
            .Where(site => sentences.TryGetValue(site.Key, out var sentence) && Places(sentence) != site.Values)
            .Select(site => $"{Where(site)}: the rule gives {site.Values} value(s), \"{sentences[site.Key]}\" has {Places(sentences[site.Key])}");

        Assert.Empty(mismatched);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_field_or_action_a_refusal_names_has_its_words(string file)
    {
        var sentences = Strings(file);
        var sources = Sources();

        // "{0} is required." and "Only a programme manager can {0}." name a field or an action in English.
        var named = sources.Values.SelectMany(text => Named().Matches(text).Select(m => m.Groups["words"].Value)).Distinct(StringComparer.Ordinal).ToList();
        var missing = named.Where(words => !sentences.ContainsKey($"Refusal.Term.{words}"));

        Assert.True(named.Count > 40, $"only {named.Count} named fields and actions found");
        Assert.Empty(missing);
    }

    [Fact]
    public void The_source_is_read_for_every_kind_of_refusal()
    {
        var sites = Sites();

        // Guards the reading itself: a scanner that found nothing would let every check above pass.
        Assert.True(sites.Count > 120, $"only {sites.Count} refusals found");
        Assert.Contains(sites, s => s is { Code: "tranche-over-decision", Variant: null, Values: 2 });
        Assert.Contains(sites, s => s is { Code: "no-reference", Variant: "cheque", Values: 0 });
        Assert.Contains(sites, s => s is { Code: "already-acknowledged", Variant: "meanwhile", Values: 0 });
        Assert.Contains(sites, s => s is { Code: "not-her-own-words", Values: 0 });
        Assert.Contains(sites, s => s is { Code: "confirm-locked", Values: 1 });
        Assert.Contains(sites, s => s is { Code: "too-long", Values: 2 });
    }

    [Fact]
    public void A_refusal_added_without_its_sentence_is_found()
    {
        const string source = """
            Rule.Require(amount.IsPositive, "gift-too-small", $"{amount.ToShortString()} is less than {Minimum.ToShortString()}.");
            Rule.Require(ok, "no-reference", "cheque", "A cheque payment needs the cheque number.");
            throw new DomainException("no-thing", $"There is no {what}, {{really}}.") { Variant = "date" };
            private DomainException Locked() => new("locked", Sentence);
            private const string Sentence = "Locked.";
            """;

        var sites = RefusalSites.In(new Dictionary<string, string> { ["Sample.cs"] = source });

        Assert.Equal(
            [("Refusal.gift-too-small", 2), ("Refusal.no-reference.cheque", 0), ("Refusal.no-thing.date", 1), ("Refusal.locked", 0)],
            sites.Select(s => (s.Key, s.Values)));
    }

    [Fact]
    public void No_page_shows_a_refusal_past_its_translation()
    {
        var raw = Directory.EnumerateFiles(Repository.PathTo("Kaarya.Web", "Components"), "*.razor*", SearchOption.AllDirectories)
            .SelectMany(file => RawRefusal().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: {m.Value}"));

        Assert.Empty(raw);
    }

    private static List<RefusalSite> Sites() => [.. RefusalSites.In(Sources())];

    private static Dictionary<string, string> Sources() =>
        // Operations/ speaks to whoever runs the backup command at a console, in English.
        new[] { "Kaarya.Domain", "Kaarya.Web" }
            .SelectMany(project => Directory.EnumerateFiles(Repository.PathTo(project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !Excluded().IsMatch(path.Replace('\\', '/')))
            .ToDictionary(path => path, File.ReadAllText, StringComparer.Ordinal);

    private static string Where(RefusalSite site) => $"{Path.GetFileName(site.File)}: {site.Key}";

    private static int Places(string sentence) =>
        Place().Matches(sentence.Replace("{{", string.Empty, StringComparison.Ordinal)).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<n>\d+)(:[^}]*)?\}")]
    private static partial Regex Place();

    [GeneratedRegex(@"/(bin|obj|Migrations|Operations)/")]
    private static partial Regex Excluded();

    [GeneratedRegex(@"Rule\.(Required|Optional)Text\([^,]+, ""(?<words>[^""]+)""|MustBeProgrammeManager\(""(?<words>[^""]+)""")]
    private static partial Regex Named();

    [GeneratedRegex(@"\w+\.Refusal\b(?!Code|Text)")]
    private static partial Regex RawRefusal();
}
