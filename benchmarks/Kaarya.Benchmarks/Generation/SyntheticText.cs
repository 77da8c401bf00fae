namespace Kaarya.Benchmarks.Generation;

/// <summary>
/// The words synthetic records are made of: invented given names, villages of the district, and
/// short answers of the kind the programme's forms collect. Nothing here is a real person.
/// </summary>
internal static class SyntheticText
{
    public static readonly string[] GivenNames =
    [
        "Rina", "Mousumi", "Asma", "Sabina", "Puja", "Rupa", "Mitali", "Sonali", "Jharna", "Tumpa",
        "Rekha", "Shefali", "Mampi", "Lipika", "Nasrin", "Anjali", "Bithika", "Champa", "Dipali", "Gita",
        "Hasina", "Ishita", "Jaba", "Kakoli", "Laxmi", "Manju", "Nupur", "Papiya", "Rehana", "Sathi",
    ];

    public static readonly string[] Villages =
    [
        "Canning", "Basanti", "Gosaba", "Kakdwip", "Namkhana", "Sagar", "Patharpratima", "Mathurapur",
        "Jaynagar", "Kultali", "Baruipur", "Sonarpur", "Falta", "Magrahat", "Mandirbazar", "Kulpi",
        "Diamond Harbour", "Bhangar", "Budge Budge", "Bishnupur",
    ];

    public static readonly string[] Blocks = ["Canning I", "Canning II", "Basanti", "Gosaba", "Kakdwip", "Mathurapur II"];

    public static readonly string[] Preparations =
    [
        "Went to the tailoring training and practised at home.",
        "Saved for three months and visited the wholesale market.",
        "Learned to keep a cash book in the group meetings.",
    ];

    public static readonly string[] Purposes =
    [
        "To earn for my children's schooling.",
        "To stand on my own feet.",
        "To repay the family's debts and be respected at home.",
    ];

    public static readonly string[] Positives = ["Regular customers in the para.", "Sales grow before the festivals.", "My mother helps at the shop."];

    public static readonly string[] Challenges = ["Neighbours buy on credit and pay late.", "Stock is used at home.", "The market is far in the rains."];

    public static readonly string[] Mitigations = ["Keep a separate box for stock money.", "Ask the self-help group for a short loan.", "Vaccinate the birds before the monsoon."];
}
