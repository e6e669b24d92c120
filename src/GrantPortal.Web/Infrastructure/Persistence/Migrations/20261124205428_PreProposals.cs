using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PreProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ResponseJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pre_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PiPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DurationMonths = table.Column<int>(type: "integer", nullable: true),
                    RequestedBudget = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Objectives = table.Column<string>(type: "text", nullable: false),
                    Innovation = table.Column<string>(type: "text", nullable: false),
                    TechnicalRoute = table.Column<string>(type: "text", nullable: false),
                    ResearchBasis = table.Column<string>(type: "text", nullable: false),
                    PiMonthsPerYear = table.Column<int>(type: "integer", nullable: true),
                    MatchingFundsPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecommendingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmissionNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UnitIntegrityConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedContent = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pre_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pre_proposals_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pre_proposals_guide_directions_DirectionId",
                        column: x => x.DirectionId,
                        principalTable: "guide_directions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pre_proposals_people_PiPersonId",
                        column: x => x.PiPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pre_proposals_units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pre_proposals_units_RecommendingUnitId",
                        column: x => x.RecommendingUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_transitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_transitions_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    BlobName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attachments_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pre_proposal_co_editors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pre_proposal_co_editors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pre_proposal_co_editors_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pre_proposal_indicator_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorIndex = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pre_proposal_indicator_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pre_proposal_indicator_answers_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pre_proposal_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pre_proposal_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pre_proposal_members_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pre_proposal_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pre_proposal_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pre_proposal_units_pre_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pre_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_transitions_ProposalId_At",
                table: "application_transitions",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_attachments_ProposalId_Kind",
                table: "attachments",
                columns: new[] { "ProposalId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_records_UserId_Operation_Key",
                table: "idempotency_records",
                columns: new[] { "UserId", "Operation", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposal_co_editors_ProposalId",
                table: "pre_proposal_co_editors",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposal_co_editors_UserId",
                table: "pre_proposal_co_editors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposal_indicator_answers_ProposalId",
                table: "pre_proposal_indicator_answers",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposal_members_PersonId",
                table: "pre_proposal_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposal_members_ProposalId",
                table: "pre_proposal_members",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposal_units_ProposalId",
                table: "pre_proposal_units",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_CallId_State",
                table: "pre_proposals",
                columns: new[] { "CallId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_DirectionId",
                table: "pre_proposals",
                column: "DirectionId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_LeadUnitId_State",
                table: "pre_proposals",
                columns: new[] { "LeadUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_OwnerUserId",
                table: "pre_proposals",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_PiPersonId",
                table: "pre_proposals",
                column: "PiPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_RecommendingUnitId",
                table: "pre_proposals",
                column: "RecommendingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_SubmissionNumber",
                table: "pre_proposals",
                column: "SubmissionNumber",
                unique: true,
                filter: "\"SubmissionNumber\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_transitions");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "pre_proposal_co_editors");

            migrationBuilder.DropTable(
                name: "pre_proposal_indicator_answers");

            migrationBuilder.DropTable(
                name: "pre_proposal_members");

            migrationBuilder.DropTable(
                name: "pre_proposal_units");

            migrationBuilder.DropTable(
                name: "pre_proposals");
        }
    }
}
