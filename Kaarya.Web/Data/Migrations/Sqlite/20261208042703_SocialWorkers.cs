using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialWorkers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SocialWorkerUserId",
                table: "Participants",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_SocialWorkerUserId",
                table: "Participants",
                column: "SocialWorkerUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_SocialWorkerUserId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "SocialWorkerUserId",
                table: "Participants");
        }
    }
}
