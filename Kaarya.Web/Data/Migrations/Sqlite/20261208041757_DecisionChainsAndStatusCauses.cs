using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionChainsAndStatusCauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SupersededById",
                table: "DisbursementDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupersededOn",
                table: "DisbursementDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersedesId",
                table: "DisbursementDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusCause",
                table: "Businesses",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessStatusCauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NeedsNote = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessStatusCauses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementDecisions_FirstInPhase",
                table: "DisbursementDecisions",
                columns: new[] { "BusinessId", "PhaseId" },
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementDecisions_SupersedesId",
                table: "DisbursementDecisions",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessStatusCauses_Name",
                table: "BusinessStatusCauses",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DisbursementDecisions_DisbursementDecisions_SupersedesId",
                table: "DisbursementDecisions",
                column: "SupersedesId",
                principalTable: "DisbursementDecisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DisbursementDecisions_DisbursementDecisions_SupersedesId",
                table: "DisbursementDecisions");

            migrationBuilder.DropTable(
                name: "BusinessStatusCauses");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementDecisions_FirstInPhase",
                table: "DisbursementDecisions");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementDecisions_SupersedesId",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "SupersededById",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "SupersededOn",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "SupersedesId",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "StatusCause",
                table: "Businesses");
        }
    }
}
