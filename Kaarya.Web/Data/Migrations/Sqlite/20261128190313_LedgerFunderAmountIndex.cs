using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerFunderAmountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_FunderId_PhaseId",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_FunderId_PhaseId_AmountPaise",
                table: "LedgerEntries",
                columns: new[] { "FunderId", "PhaseId", "AmountPaise" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_FunderId_PhaseId_AmountPaise",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_FunderId_PhaseId",
                table: "LedgerEntries",
                columns: new[] { "FunderId", "PhaseId" });
        }
    }
}
