using ClosedXML.Excel;
using Kaarya.Web.Features.Import;
using L = Kaarya.Web.Features.Import.ImportLayout;

namespace Kaarya.Tests.Import;

/// <summary>
/// Fills the template a programme manager downloads, row by row, as she would in Excel: each row
/// is written under the template's own headers, so a test reads as the register it imports.
/// </summary>
public sealed class ImportWorkbookBuilder
{
    public const string Phase2 = "Phase 2 (renewed with GGBK)";
    public const string Funder = "Kamonohashi Project";

    private readonly Dictionary<string, List<Dictionary<string, object>>> _rows = L.Sheets.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object>>());

    /// <summary>Two survivors, their businesses, an immediate and a delayed decision, and two payments written newest first.</summary>
    public static ImportWorkbookBuilder GoodRegisters() => new ImportWorkbookBuilder()
        .Participant("GGB-01", "Mita")
        .Participant("GGB-02", "রুমকি")
        .Business("GGB-01-tea", "GGB-01", "Tea stall", "Food stall")
        .Business("GGB-02-tailoring", "GGB-02", "Tailoring unit", "Tailoring")
        .ImmediateDecision("D-01", "GGB-01-tea", 12_500m)
        .DelayedDecision("D-02", "GGB-02-tailoring")
        .Payment("D-01", 7_000m, new DateTime(2013, 9, 20), "Cash")
        .Payment("D-01", 5_000.5m, new DateTime(2013, 9, 10), "Bank transfer", reference: "UTR-1188");

    public ImportWorkbookBuilder Participant(string code, string name, string consentsToDataKept = "Yes") => Row(L.Participants.Sheet, new()
    {
        [L.Participants.Code] = code,
        [L.Participants.GivenName] = name,
        [L.Participants.Village] = "Baruipur",
        [L.Participants.Block] = "Baruipur",
        [L.Participants.ConsentsToDataKept] = consentsToDataKept,
        [L.Participants.ConsentsToPhotos] = "No",
        [L.Participants.ConsentsToSharing] = "Yes",
        [L.Participants.ConsentedOn] = new DateTime(2013, 8, 1),
        [L.Participants.Phase] = Phase2,
        [L.Participants.EnrolledOn] = new DateTime(2013, 8, 1),
    });

    public ImportWorkbookBuilder Business(string key, string participant, string name, string type) => Row(L.Businesses.Sheet, new()
    {
        [L.Businesses.Key] = key,
        [L.Businesses.Participant] = participant,
        [L.Businesses.Name] = name,
        [L.Businesses.Type] = type,
        [L.Businesses.Location] = "Baruipur market",
        [L.Businesses.StartedOn] = new DateTime(2013, 8, 5),
    });

    public ImportWorkbookBuilder ImmediateDecision(string key, string business, object amount, string decidedBy = "staff.rina", string overrideReason = "") =>
        Decision(key, business, "Immediate", decidedBy, new()
        {
            [L.Decisions.Amount] = amount,
            [L.Decisions.OverrideReason] = overrideReason,
        });

    public ImportWorkbookBuilder DelayedDecision(string key, string business) => Decision(key, business, "Delayed", "staff.rina", new()
    {
        [L.Decisions.Reason] = "Her husband wants the money for his own debts.",
        [L.Decisions.FollowUpOn] = new DateTime(2013, 10, 15),
        [L.Decisions.MustTakePart] = "Her mother and husband",
    });

    public ImportWorkbookBuilder Payment(string decision, object amount, object valueDate, string method, string reference = "", string recordedBy = "staff.rina", string approvedBy = "manager.sutapa") =>
        Row(L.Disbursements.Sheet, new()
        {
            [L.Disbursements.Decision] = decision,
            [L.Disbursements.Funder] = Funder,
            [L.Disbursements.Amount] = amount,
            [L.Disbursements.ValueDate] = valueDate,
            [L.Disbursements.Method] = method,
            [L.Disbursements.Reference] = reference,
            [L.Disbursements.RecordedBy] = recordedBy,
            [L.Disbursements.ApprovedBy] = approvedBy,
        });

    /// <summary>A row left empty between filled ones, as registers kept by hand often have.</summary>
    public ImportWorkbookBuilder EmptyRow(string sheet) => Row(sheet, []);

    /// <summary>Changes one cell of a row already added (1 is the first row under the headers).</summary>
    public ImportWorkbookBuilder With(string sheet, int nth, string column, object value)
    {
        _rows[sheet][nth - 1][column] = value;
        return this;
    }

    /// <summary>The downloaded template with these rows written in.</summary>
    public byte[] Fill(byte[] template)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        foreach (var layout in L.Sheets)
        {
            var sheet = workbook.Worksheet(layout.Name);
            var row = 2;
            foreach (var values in _rows[layout.Name])
            {
                foreach (var (header, value) in values)
                {
                    var cell = sheet.Cell(row, layout.IndexOf(header) + 1);
                    switch (value)
                    {
                        case DateTime date:
                            cell.SetValue(date);
                            break;
                        case decimal number:
                            cell.SetValue(number);
                            break;
                        default:
                            cell.SetValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                row++;
            }
        }

        using var file = new MemoryStream();
        workbook.SaveAs(file);
        return file.ToArray();
    }

    private ImportWorkbookBuilder Decision(string key, string business, string kind, string decidedBy, Dictionary<string, object> specific)
    {
        var values = new Dictionary<string, object>
        {
            [L.Decisions.Key] = key,
            [L.Decisions.Business] = business,
            [L.Decisions.Phase] = Phase2,
            [L.Decisions.Kind] = kind,
            [L.Decisions.DecidedOn] = new DateTime(2013, 9, 1),
            [L.Decisions.DecidedBy] = decidedBy,
            [L.Decisions.StocktakingOn] = new DateTime(2013, 8, 20),
            [L.Decisions.Preparation] = "Visited the market with her mentor and priced her stock.",
            [L.Decisions.Purpose] = "To earn for her daughter's schooling.",
            [L.Decisions.Supporters] = "Parents, NGO",
            [L.Decisions.Challengers] = "Neighbours",
            [L.Decisions.Performance] = "Sales steady on market days.",
            [L.Decisions.RisksOn] = new DateTime(2013, 8, 21),
            [L.Decisions.Risk] = "Debts",
            [L.Decisions.Likelihood] = "Medium",
            [L.Decisions.Impact] = "High",
            [L.Decisions.Mitigation] = "Keeps the cash box with her mother.",
            [L.Decisions.RiskOwner] = "She and her mentor",
            [L.Decisions.ReviewOn] = new DateTime(2013, 12, 1),
        };
        foreach (var (column, value) in specific)
        {
            values[column] = value;
        }

        return Row(L.Decisions.Sheet, values);
    }

    private ImportWorkbookBuilder Row(string sheet, Dictionary<string, object> values)
    {
        _rows[sheet].Add(values);
        return this;
    }
}
