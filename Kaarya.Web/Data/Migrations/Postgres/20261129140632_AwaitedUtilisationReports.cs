using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Disbursements waiting for their first utilisation report, kept by triggers and filled for
    /// the ledger as it stands (see <see cref="Data.AwaitedReports"/>).
    /// </summary>
    public partial class AwaitedUtilisationReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwaitedUtilisationReports",
                columns: table => new
                {
                    LedgerSequence = table.Column<long>(type: "bigint", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwaitedUtilisationReports", x => x.LedgerSequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwaitedUtilisationReports_PaidOn",
                table: "AwaitedUtilisationReports",
                column: "PaidOn");

            migrationBuilder.Sql(Data.AwaitedReports.HoldWritesPostgres);
            migrationBuilder.Sql(Data.AwaitedReports.Fill);
            migrationBuilder.Sql(Data.AwaitedReports.CreatePostgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.AwaitedReports.DropPostgres);
            migrationBuilder.DropTable(
                name: "AwaitedUtilisationReports");
        }
    }
}
