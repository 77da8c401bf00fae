using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The database refuses UPDATE, DELETE and TRUNCATE of the ledger, the audit log, her words,
    /// her answers, mentors' reviews and her acknowledgements, whoever connects: PostgreSQL's form
    /// of SQLite's LedgerGuard, AuditGuard and HerVoiceGuard triggers (docs/decisions/0012).
    /// </summary>
    public partial class AppendOnlyGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.LedgerGuard.CreatePostgres);
            migrationBuilder.Sql(Data.AuditGuard.CreatePostgres);
            migrationBuilder.Sql(Data.HerVoiceGuard.CreatePostgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.HerVoiceGuard.DropPostgres);
            migrationBuilder.Sql(Data.AuditGuard.DropPostgres);
            migrationBuilder.Sql(Data.LedgerGuard.DropPostgres);
        }
    }
}
