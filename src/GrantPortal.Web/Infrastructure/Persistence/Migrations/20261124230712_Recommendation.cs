using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Recommendation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recommendation_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ListJson = table.Column<string>(type: "text", nullable: false),
                    ListHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendation_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendation_batches_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recommendation_batches_units_RecommendingUnitId",
                        column: x => x.RecommendingUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_memberships_units_MemberUnitId",
                        column: x => x.MemberUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unit_memberships_units_RecommendingUnitId",
                        column: x => x.RecommendingUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendation_batch_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendation_batch_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendation_batch_items_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recommendation_batch_items_recommendation_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "recommendation_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recommendation_batch_items_BatchId",
                table: "recommendation_batch_items",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendation_batch_items_ProposalId_SubmissionNumber",
                table: "recommendation_batch_items",
                columns: new[] { "ProposalId", "SubmissionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendation_batches_CallId",
                table: "recommendation_batches",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendation_batches_RecommendingUnitId_CallId",
                table: "recommendation_batches",
                columns: new[] { "RecommendingUnitId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_memberships_MemberUnitId",
                table: "unit_memberships",
                column: "MemberUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_memberships_RecommendingUnitId_MemberUnitId",
                table: "unit_memberships",
                columns: new[] { "RecommendingUnitId", "MemberUnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recommendation_batch_items");

            migrationBuilder.DropTable(
                name: "unit_memberships");

            migrationBuilder.DropTable(
                name: "recommendation_batches");
        }
    }
}
