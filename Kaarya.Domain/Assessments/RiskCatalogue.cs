namespace Kaarya.Domain.Assessments;

/// <summary>The report's two groups of risks.</summary>
public enum RiskGroup
{
    /// <summary>Risks the survivor can deal with fully or partly.</summary>
    CanBeDealtWith = 1,

    /// <summary>Risks beyond her control.</summary>
    BeyondControl = 2,
}

public sealed record CatalogueRisk(string Key, string Title, RiskGroup Group);

/// <summary>
/// The risks the survivors named in the programme's workshops. An assessment may add risks of
/// its own beside these; the catalogue itself is the programme's shared vocabulary.
/// </summary>
public static class RiskCatalogue
{
    public static IReadOnlyList<CatalogueRisk> All { get; } =
    [
        new("family-control", "Excessive family control", RiskGroup.CanBeDealtWith),
        new("competition", "Competition from similar enterprises", RiskGroup.CanBeDealtWith),
        new("distraction", "Distraction and disinterest", RiskGroup.CanBeDealtWith),
        new("debts", "Debts", RiskGroup.CanBeDealtWith),
        new("stock-consumed", "Stock consumed by own family and relatives", RiskGroup.CanBeDealtWith),
        new("lack-of-funds", "Lack of funds when critically needed", RiskGroup.BeyondControl),
        new("price-fall", "Fall in market price", RiskGroup.BeyondControl),
        new("livestock-disease", "Livestock lost to disease", RiskGroup.BeyondControl),
        new("life-events", "Life events (marriage, childbirth)", RiskGroup.BeyondControl),
        new("threats", "Threats and enmity", RiskGroup.BeyondControl),
        new("bad-location", "Bad location", RiskGroup.BeyondControl),
        new("customers-not-paying", "Customers refusing to pay", RiskGroup.BeyondControl),
    ];

    public static CatalogueRisk? Find(string key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
}
