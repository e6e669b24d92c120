using GrantPortal.Web.Infrastructure.Web;
using Npgsql;

namespace GrantPortal.Web.Tests.Platform;

// The database connection is tuned for the submission path (prepared statements, no session reset,
// a buffer for rows with a narrative), but what the operator writes in the connection string wins:
// behind a transaction-pooling PgBouncer, prepared statements must stay off.
public sealed class ConnectionTuningTests
{
    [Fact]
    public void Tuned_AddsTheSettingsTheStringLeavesOut()
    {
        var b = new NpgsqlConnectionStringBuilder(Registration.Tuned("Host=db;Port=5432;Username=gp;Password=secret;Database=grantportal"));

        Assert.Equal((200, 2, true, 64 * 1024), (b.MaxAutoPrepare, b.AutoPrepareMinUsages, b.NoResetOnClose, b.ReadBufferSize));
        Assert.Equal(("db", 5432, "gp", "secret", "grantportal"), (b.Host, b.Port, b.Username, b.Password, b.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    [InlineData("Host=db;max auto prepare=0")]
    public void Tuned_KeepsPreparedStatementsOff_WhenTheStringSaysSo(string connection)
    {
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(Registration.Tuned(connection)).MaxAutoPrepare);
    }

    [Fact]
    public void Tuned_KeepsEverySettingTheStringGives()
    {
        var b = new NpgsqlConnectionStringBuilder(Registration.Tuned(
            "Host=db;Max Auto Prepare=10;Auto Prepare Min Usages=5;No Reset On Close=false;Read Buffer Size=16384"));

        Assert.Equal((10, 5, false, 16384), (b.MaxAutoPrepare, b.AutoPrepareMinUsages, b.NoResetOnClose, b.ReadBufferSize));
    }
}
