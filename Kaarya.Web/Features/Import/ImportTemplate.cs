using ClosedXML.Excel;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Exports.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Import;

/// <summary>
/// The workbook a programme manager downloads, fills from GGBK's paper and spreadsheet registers
/// and uploads again: an Instructions sheet, one sheet per register with the headers the reader
/// expects, drop-down lists drawn from this installation (its phases, funders and staff), and a
/// Lists sheet the drop-downs read from.
/// </summary>
public sealed class ImportTemplate(IDbContextFactory<KaaryaDbContext> contexts)
{
    public const string FileName = "kaarya-import-template.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>How many rows of each register sheet carry the drop-downs and formats.</summary>
    public const int PreparedRows = 1_000;

    public async Task<byte[]> BuildAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartsOn).Select(p => p.Name).ToListAsync(cancellationToken);
        var funders = (await db.Funders.AsNoTracking().Select(f => f.Name).ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
        var people = (await ImportPeople.LoadAsync(db, cancellationToken)).Values.Where(a => a.KeepsRecords).Select(a => a.UserId).Order(StringComparer.Ordinal).ToList();

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [ImportLayout.PhaseList] = phases,
            [ImportLayout.FunderList] = funders,
            [ImportLayout.PeopleList] = people,
            [ImportLayout.BusinessTypeList] = ImportWords.All<BusinessType>(),
            [ImportLayout.StatusList] = ImportWords.All<BusinessStatus>(),
            [ImportLayout.DecisionKindList] = ImportWords.All<DecisionKind>(),
            [ImportLayout.MethodList] = ImportWords.All<PaymentMethod>(),
            [ImportLayout.YesNoList] = ["Yes", "No"],
            [ImportLayout.RiskList] = RiskCatalogue.All.Select(r => r.Title).ToList(),
            [ImportLayout.LevelList] = ImportWords.All<RiskLevel>(),
        };

        using var workbook = new XLWorkbook();
        AddInstructions(workbook);
        var registerSheets = ImportLayout.Sheets.Select(s => workbook.AddWorksheet(s.Name)).ToList();
        var listRanges = AddLists(workbook, lists);
        foreach (var (layout, sheet) in ImportLayout.Sheets.Zip(registerSheets))
        {
            AddRegister(sheet, layout, listRanges);
        }

        using var file = new MemoryStream();
        workbook.SaveAs(file);
        return file.ToArray();
    }

    private static void AddInstructions(XLWorkbook workbook)
    {
        var sheet = workbook.AddWorksheet(ImportLayout.InstructionsSheet);
        string[] lines =
        [
            "Importing GGBK's registers into Kaarya",
            "",
            "Fill one sheet per register, one row per record, from row 2 down. Do not rename the sheets or change the headers in row 1.",
            "Rows refer to each other: a business names its participant by her code (KAA-07); a decision names its business by the business key you give it;",
            "a past disbursement names its decision by the decision key. A participant already in Kaarya may be named by her code on the Businesses sheet.",
            "Dates are real dates or dd-MM-yyyy. Amounts are rupees, e.g. 12500 or 12,500.50; a fraction of a paisa is refused.",
            "Drop-down lists offer the phases, funders and staff user names of this Kaarya, and the programme's own lists.",
            "",
            "Every row is checked by the same rules as the app's forms: the decision band, four eyes on every payment (recorded by and approved by two people,",
            "the approver a programme manager), the funder's budget for the phase, and no payment dated inside a closed period.",
            "Past disbursements are posted to the ledger in value-date order, each approved as of the import.",
            "",
            "Upload the workbook on Kaarya's Import page. It is checked whole first and nothing is stored until every row is right;",
            "then everything is stored at once, or nothing. A participant code already in Kaarya is refused, so importing the same rows twice stores them once.",
            "",
            "Columns of each sheet:",
        ];
        var row = 1;
        foreach (var line in lines)
        {
            sheet.Cell(row++, 1).Value = line;
        }

        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        foreach (var layout in ImportLayout.Sheets)
        {
            row++;
            sheet.Cell(row, 1).Value = $"{layout.Name}: {layout.Purpose}";
            sheet.Cell(row++, 1).Style.Font.Bold = true;
            foreach (var column in layout.Columns)
            {
                sheet.Cell(row, 1).Value = $"{column.Header}{(column.Required ? " (required)" : string.Empty)}: {column.Help}";
                row++;
            }
        }

        sheet.Column(1).Width = ColumnWidths.Widest * 2;
    }

    private static Dictionary<string, IXLRange> AddLists(XLWorkbook workbook, Dictionary<string, IReadOnlyList<string>> lists)
    {
        var sheet = workbook.AddWorksheet(ImportLayout.ListsSheet);
        var ranges = new Dictionary<string, IXLRange>(StringComparer.Ordinal);
        var column = 1;
        foreach (var (name, values) in lists)
        {
            sheet.Cell(1, column).Value = name;
            sheet.Cell(1, column).Style.Font.Bold = true;
            for (var i = 0; i < values.Count; i++)
            {
                // Text, always: a phase named "2013" must not become a number.
                sheet.Cell(i + 2, column).SetValue(values[i]);
            }

            ranges[name] = sheet.Range(2, column, Math.Max(2, values.Count + 1), column);
            sheet.Column(column).Width = ColumnWidths.For(values.Append(name).Max(v => v.Length));
            column++;
        }

        return ranges;
    }

    private static void AddRegister(IXLWorksheet sheet, ImportSheet layout, Dictionary<string, IXLRange> lists)
    {
        for (var c = 0; c < layout.Columns.Count; c++)
        {
            var column = layout.Columns[c];
            var header = sheet.Cell(1, c + 1);
            header.Value = column.Header;
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = column.Required ? XLColor.FromHtml("#FCE4D6") : XLColor.FromHtml("#EDEDED");
            header.Comment.AddText(column.Help);

            var body = sheet.Range(2, c + 1, PreparedRows + 1, c + 1);
            switch (column.Kind)
            {
                case ImportColumnKind.Date:
                    body.Style.NumberFormat.Format = "dd-mm-yyyy";
                    break;
                case ImportColumnKind.Amount:
                    body.Style.NumberFormat.Format = "#,##0.00";
                    break;
                default:
                    // Text, so that a code such as KAA-07 or a cheque number keeps its leading zeros.
                    body.Style.NumberFormat.Format = "@";
                    break;
            }

            if (column.List is { } list)
            {
                var validation = body.SetDataValidation();
                validation.List(lists[list], true);
                validation.IgnoreBlanks = true;
                validation.ShowErrorMessage = true;
                validation.ErrorTitle = column.Header;
                validation.ErrorMessage = "Choose a value from the list.";
            }

            sheet.Column(c + 1).Width = ColumnWidths.For(Math.Max(column.Header.Length, column.Kind == ImportColumnKind.Date ? 10 : 14));
        }

        sheet.SheetView.FreezeRows(1);
    }
}
