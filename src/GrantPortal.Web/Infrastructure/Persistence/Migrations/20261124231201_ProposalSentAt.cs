using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProposalSentAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentAt",
                table: "pre_proposals",
                type: "timestamp with time zone",
                nullable: true);

            // What was already sent: the current submission of an application is in a batch.
            migrationBuilder.Sql("""
                UPDATE pre_proposals p SET "SentAt" = s."SentAt"
                FROM (SELECT i."ProposalId", i."SubmissionNumber", MIN(b."SentAt") AS "SentAt"
                      FROM recommendation_batch_items i JOIN recommendation_batches b ON b."Id" = i."BatchId"
                      GROUP BY i."ProposalId", i."SubmissionNumber") s
                WHERE s."ProposalId" = p."Id" AND s."SubmissionNumber" = p."SubmissionNumber";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "pre_proposals");
        }
    }
}
