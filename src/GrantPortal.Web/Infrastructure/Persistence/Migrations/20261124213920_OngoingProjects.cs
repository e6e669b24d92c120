using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OngoingProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ongoing_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProjectCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProjectTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DocumentType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OriginalEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftTeamOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ongoing_projects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ongoing_projects_DocumentType_DocumentNumber",
                table: "ongoing_projects",
                columns: new[] { "DocumentType", "DocumentNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ongoing_projects_ProjectCode_DocumentType_DocumentNumber",
                table: "ongoing_projects",
                columns: new[] { "ProjectCode", "DocumentType", "DocumentNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ongoing_projects");
        }
    }
}
