using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FamilyDiscussions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DiscussedOn",
                table: "DisbursementDecisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiscussedWith",
                table: "DisbursementDecisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DiscussionOutcome",
                table: "DisbursementDecisions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DiscussionRecordedBy",
                table: "DisbursementDecisions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DiscussedOn",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "DiscussedWith",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "DiscussionOutcome",
                table: "DisbursementDecisions");

            migrationBuilder.DropColumn(
                name: "DiscussionRecordedBy",
                table: "DisbursementDecisions");
        }
    }
}
