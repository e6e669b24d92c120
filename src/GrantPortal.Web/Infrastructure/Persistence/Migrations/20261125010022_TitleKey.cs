using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TitleKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "pre_proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_pre_proposals_CallId_LeadUnitId_TitleKey",
                table: "pre_proposals",
                columns: new[] { "CallId", "LeadUnitId", "TitleKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pre_proposals_CallId_LeadUnitId_TitleKey",
                table: "pre_proposals");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "pre_proposals");
        }
    }
}
