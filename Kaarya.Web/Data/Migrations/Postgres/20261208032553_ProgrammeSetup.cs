using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeSetup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A programme made before the band was its policy starts with the report's ₹8,000–20,000 (in paise).
            migrationBuilder.AddColumn<long>(
                name: "BandMaximum",
                table: "Programmes",
                type: "bigint",
                nullable: false,
                defaultValue: 2000000L);

            migrationBuilder.AddColumn<long>(
                name: "BandMinimum",
                table: "Programmes",
                type: "bigint",
                nullable: false,
                defaultValue: 800000L);

            migrationBuilder.AddColumn<string>(
                name: "BandReason",
                table: "Programmes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Phases",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BandMaximum",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "BandMinimum",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "BandReason",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Phases");
        }
    }
}
