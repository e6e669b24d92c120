using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GrantPortal.Web.Infrastructure.Persistence;

// For `dotnet ef migrations add`: no database is contacted to generate a migration.
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .Options);
}
