using Kaarya.Domain.Funding;
using Kaarya.Web.Features.Import;
using L = Kaarya.Web.Features.Import.ImportLayout;

namespace Kaarya.Tests.Import;

/// <summary>How one cell of a register row is read: exactly, or with a problem named by sheet, row and column.</summary>
public class ImportRowTests
{
    [Theory]
    [InlineData(12500.0, 1_250_000L)]
    [InlineData(12500.5, 1_250_050L)]
    [InlineData(0.1, 10L)]
    [InlineData(8000.07, 800_007L)]
    public void A_number_in_an_amount_cell_is_taken_to_the_exact_paisa(double rupees, long paise)
    {
        var row = Payment(rupees);

        Assert.Equal(paise, row.Amount(L.Disbursements.Amount)?.Paise);
        Assert.False(row.HasProblems);
    }

    [Theory]
    [InlineData("12,500", 1_250_000L)]
    [InlineData("₹1,25,000.50", 12_500_050L)]
    public void An_amount_typed_as_text_is_read_as_the_forms_read_it(string typed, long paise)
    {
        Assert.Equal(paise, Payment(typed).Amount(L.Disbursements.Amount)?.Paise);
    }

    [Theory]
    [InlineData(12500.005)]
    [InlineData("12500.005")]
    [InlineData("12,50")]
    [InlineData("twelve thousand")]
    public void A_fraction_of_a_paisa_or_an_unreadable_amount_is_a_problem_of_that_cell(object written)
    {
        var row = Payment(written);

        Assert.Null(row.Amount(L.Disbursements.Amount));
        var problem = Assert.Single(row.Problems);
        Assert.Equal((L.Disbursements.Sheet, 7, L.Disbursements.Amount, "Import.Problem.NotAnAmount"), (problem.Sheet, problem.Row, problem.Column, problem.Key));
    }

    [Theory]
    [InlineData("10-09-2013")]
    [InlineData("2013-09-10")]
    [InlineData(41527.0)]
    public void A_date_may_be_a_real_date_a_serial_number_or_dd_MM_yyyy_text(object written)
    {
        var row = Row(L.DisbursementSheet, (L.Disbursements.ValueDate, written));

        Assert.Equal(new DateOnly(2013, 9, 10), row.Date(L.Disbursements.ValueDate));
    }

    [Fact]
    public void A_required_cell_left_empty_is_reported_once_however_often_it_is_read()
    {
        var row = Row(L.DisbursementSheet);

        row.Date(L.Disbursements.ValueDate);
        row.Date(L.Disbursements.ValueDate);

        var problem = Assert.Single(row.Problems);
        Assert.Equal((L.Disbursements.ValueDate, "Import.Problem.Missing"), (problem.Column, problem.Key));
    }

    [Theory]
    [InlineData("Bank transfer", PaymentMethod.BankTransfer)]
    [InlineData("banktransfer", PaymentMethod.BankTransfer)]
    [InlineData("Cheque", PaymentMethod.Cheque)]
    public void A_choice_is_read_with_or_without_its_spaces(string written, PaymentMethod method)
    {
        Assert.Equal(method, Row(L.DisbursementSheet, (L.Disbursements.Method, written)).Choice<PaymentMethod>(L.Disbursements.Method));
    }

    [Fact]
    public void A_choice_outside_the_list_names_the_list()
    {
        var row = Row(L.DisbursementSheet, (L.Disbursements.Method, "UPI"));

        Assert.Null(row.Choice<PaymentMethod>(L.Disbursements.Method));
        Assert.Equal(["UPI", "Cash, Bank transfer, Cheque"], Assert.Single(row.Problems).Arguments);
    }

    private static ImportRow Payment(object amount) => Row(L.DisbursementSheet, (L.Disbursements.Amount, amount));

    private static ImportRow Row(ImportSheet sheet, params (string Column, object Value)[] cells) =>
        new(sheet, 7, cells.ToDictionary(c => c.Column, c => (object?)c.Value));
}
