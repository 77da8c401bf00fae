using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Sqlite
{
    /// <summary>The database refuses UPDATE and DELETE of audit entries, whoever connects.</summary>
    public partial class AuditGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.AuditGuard.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.AuditGuard.DropSqlite);
        }
    }
}
