using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaarya.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Her words, her answers on her plan, mentors' reviews and her acknowledgements; the database
    /// refuses UPDATE and DELETE of all four, whoever connects (see <see cref="Data.HerVoiceGuard"/>).
    /// </summary>
    public partial class HerVoiceAndMentorReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HerWords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessPlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanPart = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StocktakingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FourPPart = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HerWords", x => x.Id);
                    table.CheckConstraint("CK_HerWords_one_subject", "(\"BusinessPlanId\" IS NOT NULL AND \"PlanPart\" IS NOT NULL AND \"StocktakingId\" IS NULL AND \"FourPPart\" IS NULL) OR (\"BusinessPlanId\" IS NULL AND \"PlanPart\" IS NULL AND \"StocktakingId\" IS NOT NULL AND \"FourPPart\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_HerWords_BusinessPlans_BusinessPlanId",
                        column: x => x.BusinessPlanId,
                        principalTable: "BusinessPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HerWords_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HerWords_Stocktakings_StocktakingId",
                        column: x => x.StocktakingId,
                        principalTable: "Stocktakings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentorReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessPlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Discussed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChangesAgreed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SectionNotes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorReviews_BusinessPlans_BusinessPlanId",
                        column: x => x.BusinessPlanId,
                        principalTable: "BusinessPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorReviews_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorReviews_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessPlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SaidBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SaidAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAgreements_BusinessPlans_BusinessPlanId",
                        column: x => x.BusinessPlanId,
                        principalTable: "BusinessPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanAgreements_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentorReviewAcknowledgements",
                columns: table => new
                {
                    MentorReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorReviewAcknowledgements", x => x.MentorReviewId);
                    table.ForeignKey(
                        name: "FK_MentorReviewAcknowledgements_MentorReviews_MentorReviewId",
                        column: x => x.MentorReviewId,
                        principalTable: "MentorReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HerWords_BusinessId",
                table: "HerWords",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_HerWords_BusinessPlanId_PlanPart_Revision",
                table: "HerWords",
                columns: new[] { "BusinessPlanId", "PlanPart", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HerWords_StocktakingId_FourPPart_Revision",
                table: "HerWords",
                columns: new[] { "StocktakingId", "FourPPart", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorReviews_BusinessId_ReviewedOn",
                table: "MentorReviews",
                columns: new[] { "BusinessId", "ReviewedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorReviews_BusinessPlanId",
                table: "MentorReviews",
                column: "BusinessPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorReviews_ParticipantId",
                table: "MentorReviews",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAgreements_BusinessId",
                table: "PlanAgreements",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAgreements_BusinessPlanId_Revision",
                table: "PlanAgreements",
                columns: new[] { "BusinessPlanId", "Revision" },
                unique: true);

            migrationBuilder.Sql(Data.HerVoiceGuard.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.HerVoiceGuard.DropSqlite);

            migrationBuilder.DropTable(
                name: "HerWords");

            migrationBuilder.DropTable(
                name: "MentorReviewAcknowledgements");

            migrationBuilder.DropTable(
                name: "PlanAgreements");

            migrationBuilder.DropTable(
                name: "MentorReviews");
        }
    }
}
