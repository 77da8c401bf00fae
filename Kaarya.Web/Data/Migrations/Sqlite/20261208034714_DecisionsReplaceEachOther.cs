using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsReplaceEachOther : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementDecisions_FirstInPhase",
                table: "DisbursementDecisions",
                columns: new[] { "BusinessId", "PhaseId" },
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementDecisions_SupersededById",
                table: "DisbursementDecisions",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementDecisions_SupersedesId",
                table: "DisbursementDecisions",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DisbursementDecisions_DisbursementDecisions_SupersededById",
                table: "DisbursementDecisions",
                column: "SupersededById",
                principalTable: "DisbursementDecisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

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
                name: "FK_DisbursementDecisions_DisbursementDecisions_SupersededById",
                table: "DisbursementDecisions");

            migrationBuilder.DropForeignKey(
                name: "FK_DisbursementDecisions_DisbursementDecisions_SupersedesId",
                table: "DisbursementDecisions");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementDecisions_FirstInPhase",
                table: "DisbursementDecisions");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementDecisions_SupersededById",
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
        }
    }
}
